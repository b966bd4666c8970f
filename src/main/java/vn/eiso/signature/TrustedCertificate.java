package vn.eiso.signature;

import java.time.OffsetDateTime;

/** A certificate of the trust store: a root (self-signed, an anchor) or an intermediate CA. */
public record TrustedCertificate(long id, String subject, String issuer, String fingerprint, OffsetDateTime notBefore,
        OffsetDateTime notAfter, String addedBy, OffsetDateTime addedAt) {

    public boolean isRoot() {
        return subject.equals(issuer);
    }
}
