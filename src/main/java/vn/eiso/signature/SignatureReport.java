package vn.eiso.signature;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The signatures found in a PDF, in the order of the file; empty for an unsigned PDF. */
public record SignatureReport(List<PdfSignature> signatures) {

    public SignatureReport {
        signatures = List.copyOf(signatures);
    }

    public boolean isSigned() {
        return !signatures.isEmpty();
    }

    /** The signature a badge shows: the worst verdict, so that one bad signature is never hidden by a good one. */
    public Optional<PdfSignature> headline() {
        return signatures.stream().max(Comparator.comparing(PdfSignature::verdict));
    }
}
