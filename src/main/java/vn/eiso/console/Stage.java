package vn.eiso.console;

import java.time.LocalDate;

/**
 * Where a unit stands in rolling its QMS out, in the order the software walks it through. Computed from the data
 * every time, never stored, so it cannot drift from what the unit actually did.
 */
public enum Stage {
    /** No declared application date yet, or one still to come. */
    BUILDING,
    /** Applying since its declared date; no signed internal audit since then. */
    APPLYING,
    /** Audited since applying; no closed management review on or after that audit. */
    AUDITED,
    /** Audited and reviewed; not (or no longer) announced. */
    REVIEWED,
    /** Announced (or due to re-announce); no audit and review since the decision yet. */
    ANNOUNCED,
    /** Announced, and audited and reviewed again since: the QMS is being maintained. */
    MAINTAINING;

    /** The stage these facts put a unit in on {@code today}. */
    public static Stage of(StageFacts facts, LocalDate today) {
        LocalDate audit = facts.lastAudit();
        LocalDate review = facts.lastReview();
        if (facts.announcedOn() != null) {
            boolean maintained = audit != null && audit.isAfter(facts.announcedOn())
                    && review != null && !review.isBefore(audit);
            return maintained ? MAINTAINING : ANNOUNCED;
        }
        LocalDate applied = facts.appliedSince();
        if (applied == null || applied.isAfter(today)) {
            return BUILDING;
        }
        if (audit == null || audit.isBefore(applied)) {
            return APPLYING;
        }
        return review == null || review.isBefore(audit) ? AUDITED : REVIEWED;
    }

    public boolean isAnnounced() {
        return this == ANNOUNCED || this == MAINTAINING;
    }
}
