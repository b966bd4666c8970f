package vn.eiso.document;

import java.time.OffsetDateTime;

/** A request from someone in the unit to change a document in force, and the quality officer's decision. */
public record ChangeRequest(ChangeRequestId id, DocumentId documentId, String requestedByName,
        OffsetDateTime requestedAt, String text, Status status, String decidedByName, OffsetDateTime decidedAt,
        String reason, RevisionId revisionId, int version) {

    public enum Status {
        OPEN,
        ACCEPTED,
        DECLINED
    }
}
