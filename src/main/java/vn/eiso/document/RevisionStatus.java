package vn.eiso.document;

/** draft → in review → approved → effective → superseded, or obsolete when withdrawn. */
public enum RevisionStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    EFFECTIVE,
    SUPERSEDED,
    OBSOLETE;

    /** Approved and later revisions are frozen: a change means a new revision. */
    public boolean isFrozen() {
        return this != DRAFT && this != IN_REVIEW;
    }

    /** Superseded and obsolete revisions must be marked as such wherever they are shown or downloaded. */
    public boolean isOutdated() {
        return this == SUPERSEDED || this == OBSOLETE;
    }
}
