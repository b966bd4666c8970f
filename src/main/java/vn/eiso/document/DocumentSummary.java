package vn.eiso.document;

import java.time.LocalDate;
import vn.eiso.base.UnitId;

/**
 * One row of the register. {@code unfinished} and {@code unfinishedRevision} are the state and number of the
 * document's revision still on its way (draft, in review, approved not yet in force), for the unit's editors only:
 * null for everyone else and when there is none.
 */
public record DocumentSummary(DocumentId id, UnitId unitId, String code, String title, DocumentType type,
        DocumentStatus status, String ownerName, Integer effectiveRevision, LocalDate nextReviewOn,
        boolean reviewOverdue, String reviewFlag, RevisionStatus unfinished, Integer unfinishedRevision) {

    /**
     * The status the register shows first: a document never in force shows its revision's state (a submitted first
     * revision is "in review", not "draft"); otherwise the document's own status.
     */
    public RegisterStatus registerStatus() {
        if (status == DocumentStatus.DRAFT) {
            return unfinished == null ? RegisterStatus.DRAFT : RegisterStatus.of(unfinished);
        }
        return status == DocumentStatus.EFFECTIVE ? RegisterStatus.EFFECTIVE : RegisterStatus.OBSOLETE;
    }

    /** The state of a new revision of a document in force (or withdrawn), shown beside its status; else null. */
    public RegisterStatus pendingStatus() {
        return status == DocumentStatus.DRAFT || unfinished == null ? null : RegisterStatus.of(unfinished);
    }
}
