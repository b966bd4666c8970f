package vn.eiso.document;

import java.time.OffsetDateTime;
import vn.eiso.base.UserId;

/** A request to read one exact revision, and when (if yet) it was acknowledged. */
public record Acknowledgement(RevisionId revisionId, UserId userId, String userName, OffsetDateTime requestedAt,
        OffsetDateTime acknowledgedAt) {

    public boolean done() {
        return acknowledgedAt != null;
    }
}
