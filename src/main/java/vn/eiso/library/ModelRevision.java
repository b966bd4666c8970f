package vn.eiso.library;

import java.time.OffsetDateTime;

/** One published revision of a model; revisions are never changed, a change is a new revision. */
public record ModelRevision(long modelId, int number, String text, String changeSummary, String publishedBy,
        OffsetDateTime publishedAt) {
}
