package vn.eiso.document;

import java.time.OffsetDateTime;

/** A file attached to a revision or a record, with the text extracted from it. */
public record Attachment(AttachmentId id, RevisionId revisionId, RecordId recordId, String fileName,
        String contentType, long size, String sha256, String extractedText, OffsetDateTime createdAt) {
}
