package vn.eiso.document;

import java.time.OffsetDateTime;

/** A review, approval or rejection, with the SHA-256 of the exact content it applied to. */
public record SignOff(Kind kind, String userName, OffsetDateTime at, String sha256, String comment) {

    public enum Kind {
        REVIEWED,
        APPROVED,
        REJECTED
    }
}
