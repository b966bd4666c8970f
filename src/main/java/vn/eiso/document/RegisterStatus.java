package vn.eiso.document;

/**
 * Where a document stands as the register shows it and filters on it: the document's own status
 * ({@link DocumentStatus}) together with the state of its unfinished revision, if it has one. A document never in
 * force shows the state of its revision (draft, in review, approved but not yet in force); a document in force or
 * withdrawn shows that, and its unfinished revision beside it. A filter on any of these finds the document either
 * way, so a procedure in force with a revision in review is found under both "effective" and "in review".
 */
public enum RegisterStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    /** Imported from files that were in force on paper, waiting for the unit head to confirm the batch. */
    IMPORTED,
    EFFECTIVE,
    OBSOLETE;

    /** Whether only the unit's editors may see documents in this state (unfinished revisions are theirs). */
    public boolean isEditorsOnly() {
        return this == DRAFT || this == IN_REVIEW || this == APPROVED || this == IMPORTED;
    }

    static RegisterStatus of(RevisionStatus unfinished) {
        return switch (unfinished) {
            case DRAFT -> DRAFT;
            case IN_REVIEW -> IN_REVIEW;
            case APPROVED -> APPROVED;
            case IMPORTED -> IMPORTED;
            default -> throw new IllegalArgumentException("not an unfinished revision: " + unfinished);
        };
    }
}
