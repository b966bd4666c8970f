package vn.eiso.library;

import java.time.OffsetDateTime;
import vn.eiso.document.DocumentType;

/** A model procedure or form of the province's library, with its current revision and how many units adopted it. */
public record Model(long id, String code, String title, DocumentType type, String isoClauses, int currentRevision,
        OffsetDateTime revisedAt, int adopters, int version) {
}
