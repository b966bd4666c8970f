package vn.eiso.console;

import java.time.LocalDate;

/**
 * Where a unit stands in rolling its QMS out, in the order the software walks it through. Computed from the data
 * every time, never stored, so it cannot drift from what the unit actually did. As for the announcement's
 * readiness, an audit and a review count in either order; a later audit never sends a unit back a stage.
 */
public enum Stage {
    /** No declared application date yet, or one still to come. */
    BUILDING,
    /** Applying since its declared date; no internal audit signed since then. */
    APPLYING,
    /** Audited since applying; no management review closed since then. */
    AUDITED,
    /** Audited and reviewed since applying; not (or no longer) announced. */
    REVIEWED,
    /** Announced (or due to re-announce); not yet both audited and reviewed again after the decision. */
    ANNOUNCED,
    /** Announced, and audited and reviewed again after the decision: the QMS is being maintained. */
    MAINTAINING;

    /** The stage these facts put a unit in on {@code today}. */
    public static Stage of(StageFacts facts, LocalDate today) {
        if (facts.announcedOn() != null) {
            return after(facts.lastAudit(), facts.announcedOn()) && after(facts.lastReview(), facts.announcedOn())
                    ? MAINTAINING : ANNOUNCED;
        }
        LocalDate applied = facts.appliedSince();
        if (applied == null || applied.isAfter(today)) {
            return BUILDING;
        }
        if (!since(facts.lastAudit(), applied)) {
            return APPLYING;
        }
        return since(facts.lastReview(), applied) ? REVIEWED : AUDITED;
    }

    public boolean isAnnounced() {
        return this == ANNOUNCED || this == MAINTAINING;
    }

    private static boolean after(LocalDate day, LocalDate reference) {
        return day != null && day.isAfter(reference);
    }

    private static boolean since(LocalDate day, LocalDate reference) {
        return day != null && !day.isBefore(reference);
    }
}
