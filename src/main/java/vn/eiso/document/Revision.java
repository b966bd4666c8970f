package vn.eiso.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One revision exactly as stored. */
public record Revision(RevisionId id, DocumentId documentId, int number, RevisionStatus status, String text,
        String changeSummary, String authorName, long authorId, OffsetDateTime createdAt,
        OffsetDateTime submittedAt, String approvedByName, OffsetDateTime approvedAt, String contentSha256,
        LocalDate effectiveOn, OffsetDateTime effectiveAt, OffsetDateTime endedAt, ChangeRequestId changeRequestId,
        int version) {
}
