package vn.eiso.signature;

/** What a check found about one signature of a PDF, from the best to the worst. */
public enum SignatureVerdict {
    /** Intact, covering the whole file, by a certificate that chains to the trust store and was valid then. */
    VALID,
    /** As valid, but it covers an earlier revision: the file was changed by an incremental update after signing. */
    VALID_EARLIER_REVISION,
    /** Revoked before the signing time, by revocation data embedded in the file. */
    REVOKED,
    /** The certificate was not valid (expired or not yet valid) at the signing time. */
    EXPIRED,
    /** The certificate does not chain to a certificate of the trust store. */
    UNTRUSTED,
    /** The bytes the signature covers were changed after signing. */
    MODIFIED,
    /** The signature dictionary or its CMS content cannot be read. */
    MALFORMED;

    public boolean isValid() {
        return this == VALID;
    }
}
