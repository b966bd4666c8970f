package vn.eiso.document;

import java.time.LocalDate;
import vn.eiso.base.UnitId;

/** One row of the register. */
public record DocumentSummary(DocumentId id, UnitId unitId, String code, String title, DocumentType type,
        DocumentStatus status, String ownerName, Integer effectiveRevision, LocalDate nextReviewOn,
        boolean reviewOverdue, String reviewFlag) {
}
