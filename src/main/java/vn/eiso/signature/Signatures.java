package vn.eiso.signature;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.base.security.AccessGuard;

/**
 * The verdicts on the signatures of stored PDFs (ADR 0024). Every stored PDF is queued for a check; a background
 * job takes the queued ones and those checked under an older trust store, and a screen that shows a file takes
 * its verdict at once when it is missing or stale. A verdict is kept per content hash: the same bytes under the
 * same trust store always get the same verdict.
 */
@Service
public class Signatures {

    private final JooqSignatureRepository repository;
    private final TrustStore trust;
    private final AccessGuard guard;
    private final TransactionTemplate tx;
    private final Clock clock;

    Signatures(JooqSignatureRepository repository, TrustStore trust, AccessGuard guard, TransactionTemplate tx,
            Clock clock) {
        this.repository = repository;
        this.trust = trust;
        this.guard = guard;
        this.tx = tx;
        this.clock = clock;
    }

    /** Queues a PDF that is being stored; in the storing transaction, so a rolled-back file is not queued. */
    @Transactional
    public void queue(String sha256) {
        repository.queue(sha256);
    }

    /**
     * The verdicts on a stored PDF that the caller may read (the calling feature checked that): the kept ones, or
     * when they are missing or were taken under an older trust store, taken now. Those are not kept here, since
     * the caller's transaction may be read-only; the background check keeps them within its interval.
     */
    @Transactional(readOnly = true)
    public SignatureReport report(String sha256, Supplier<byte[]> content) {
        guard.caller();
        Optional<Long> checked = repository.checkedUnder(sha256);
        if (checked.isPresent() && checked.get() == trust.generation()) {
            return new SignatureReport(repository.signatures(sha256));
        }
        return new SignatureReport(PdfSignatureVerifier.verify(content.get(), trust.trust()));
    }

    /**
     * Verifies a PDF being stored and keeps the verdict at once, in the storing transaction: for a file a page
     * anyone may open shows, which reads only kept verdicts.
     */
    @Transactional
    public SignatureReport verifyAndKeep(String sha256, byte[] content) {
        guard.caller();
        long generation = trust.generation();
        SignatureReport report = new SignatureReport(PdfSignatureVerifier.verify(content, trust.trust()));
        repository.keep(sha256, report.signatures(), generation, OffsetDateTime.now(clock));
        return report;
    }

    /**
     * The kept verdicts, under the trust store as it is, of those of the files the background check (or
     * {@link #verifyAndKeep}) has taken. For pages anyone may open: they must never verify files on demand, and the
     * caller passes only files it may show them.
     */
    @Transactional(readOnly = true)
    public Map<String, SignatureReport> kept(Collection<String> sha256s) {
        Map<String, SignatureReport> kept = new HashMap<>();
        repository.keptUnder(sha256s, trust.generation()).forEach((sha256, found) ->
                kept.put(sha256, new SignatureReport(found)));
        return kept;
    }

    /** The verdicts on a file about to be stored, to refuse it before anything is kept. */
    @Transactional(readOnly = true)
    public SignatureReport verify(byte[] content) {
        guard.caller();
        return new SignatureReport(PdfSignatureVerifier.verify(content, trust.trust()));
    }

    /**
     * Checks up to {@code limit} queued or stale PDFs, each in a transaction of its own; a file the store no
     * longer holds is forgotten. Returns how many were checked.
     */
    int checkStale(StoredPdfs files, int limit) {
        long generation = tx.execute(s -> trust.generation());
        List<String> stale = tx.execute(s -> repository.stale(generation, limit));
        for (String sha256 : stale) {
            Optional<byte[]> content = files.read(sha256);
            tx.executeWithoutResult(s -> {
                if (content.isEmpty()) {
                    repository.forget(sha256);
                } else {
                    repository.keep(sha256, PdfSignatureVerifier.verify(content.get(), trust.trust()),
                            generation, OffsetDateTime.now(clock));
                }
            });
        }
        return stale.size();
    }
}
