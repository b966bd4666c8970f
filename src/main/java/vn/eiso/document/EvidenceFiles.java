package vn.eiso.document;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.signature.SignatureReport;
import vn.eiso.signature.Signatures;

/**
 * Checked, content-addressed storage for other features' evidence files (an audit checklist item's photos and
 * scans): the same inspection as document files — type from the bytes, size limit, safe name — and the same store.
 * The calling feature's service decides who may attach and who may read; these methods only run inside its
 * transaction.
 */
@Service
public class EvidenceFiles {

    /** What was stored: the cleaned file name, the detected type, the size and the content's SHA-256. */
    public record Stored(String fileName, String contentType, long size, String sha256) {
    }

    private final FileInspector inspector;
    private final FileStore files;
    private final AccessGuard guard;
    private final Signatures signatures;

    EvidenceFiles(FileInspector inspector, FileStore files, AccessGuard guard, Signatures signatures) {
        this.signatures = signatures;
        this.inspector = inspector;
        this.files = files;
        this.guard = guard;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Stored store(String name, byte[] content) {
        guard.caller();
        FileInspector.Inspected file = inspector.inspect(name, content);
        files.put(file.sha256(), content);
        return new Stored(file.fileName(), file.contentType(), file.size(), file.sha256());
    }

    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public byte[] read(String sha256) {
        guard.caller();
        return files.get(sha256);
    }

    /** The signatures on a stored PDF, as for documents' files (ADR 0024); empty for a file of another type. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Optional<SignatureReport> signatures(String sha256, String contentType) {
        return "application/pdf".equals(contentType)
                ? Optional.of(signatures.report(sha256, () -> files.get(sha256))) : Optional.empty();
    }

    public long maxBytes() {
        return inspector.maxBytes();
    }
}
