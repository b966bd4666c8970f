package vn.eiso.document;

import java.time.OffsetDateTime;

/** A revision in force that the user has been asked to read and has not acknowledged yet. */
public record PendingReading(RevisionId revisionId, DocumentId documentId, String code, String title,
        int revisionNumber, OffsetDateTime requestedAt) {
}
