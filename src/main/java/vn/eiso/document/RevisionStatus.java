package vn.eiso.document;

/**
 * draft → in review → approved → effective → superseded, or obsolete when withdrawn. An imported revision that
 * was in force on paper waits as imported until the unit head confirms its batch, then takes its place in that
 * chain with its own dates.
 */
public enum RevisionStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    EFFECTIVE,
    SUPERSEDED,
    OBSOLETE,
    IMPORTED;

    /** Approved and later revisions are frozen: a change means a new revision. */
    public boolean isFrozen() {
        return this != DRAFT && this != IN_REVIEW;
    }

    /** Superseded and obsolete revisions must be marked as such wherever they are shown or downloaded. */
    public boolean isOutdated() {
        return this == SUPERSEDED || this == OBSOLETE;
    }

    /** Has been in force, so every reader of the unit may see it; the rest is the editors' alone. */
    public boolean isPublished() {
        return this == EFFECTIVE || isOutdated();
    }
}
