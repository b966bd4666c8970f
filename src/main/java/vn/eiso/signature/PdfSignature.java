package vn.eiso.signature;

import java.time.Instant;

/**
 * One signature of a PDF and its verdict: who signed (the certificate's common name and organisation), when (a
 * timestamp's time, else the time the signer claims), which part of the file it covers (the first
 * {@code coveredBytes}, that is revision {@code revision} of {@code revisions}), and whether revocation data was
 * embedded to check it against.
 */
public record PdfSignature(int position, SignatureVerdict verdict, String signerName, String organisation,
        Instant signedAt, long coveredBytes, int revision, int revisions, Revocation revocation, String detail) {

    /** What the file said about the certificate's revocation. */
    public enum Revocation {
        /** Revocation data (CRL or OCSP) for the certificate was embedded and checked. */
        CHECKED,
        /** No revocation data for the certificate was embedded; nothing was fetched (eISO works offline). */
        NONE
    }

    public boolean coversWholeFile() {
        return revision == revisions;
    }
}
