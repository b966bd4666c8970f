package vn.eiso.document;

import java.time.OffsetDateTime;
import java.util.Set;

/** A file attached to a revision or a record, with the text extracted from it. */
public record Attachment(AttachmentId id, RevisionId revisionId, RecordId recordId, String fileName,
        String contentType, long size, String sha256, String extractedText, OffsetDateTime createdAt) {

    /** What a browser shows by itself: PDFs and the common images; anything else is always downloaded. */
    public static final Set<String> SHOWN_INLINE = Set.of("application/pdf", "image/png", "image/jpeg");

    /** The address (relative to the application's root) that downloads the file; every screen links to it. */
    public String downloadPath() {
        return "files/" + id.value();
    }

    /** The address that opens the file in the browser, for a type it can show ({@link #showsInline()}). */
    public String previewPath() {
        return downloadPath() + "?inline=true";
    }

    public boolean showsInline() {
        return SHOWN_INLINE.contains(contentType);
    }
}
