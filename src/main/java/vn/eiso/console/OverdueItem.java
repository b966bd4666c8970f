package vn.eiso.console;

import java.time.LocalDate;

/**
 * One overdue piece of a unit's work, with the screen that deals with it ({@code link} null when there is none;
 * {@code label} null when the kind itself names it, as for a missing audit).
 */
public record OverdueItem(Kind kind, String label, String text, LocalDate due, String link) {

    public enum Kind {
        DOCUMENT_REVIEW,
        AUDIT,
        /** Applying its QMS for longer than the audit interval without a signed internal audit within it. */
        NO_RECENT_AUDIT,
        NONCONFORMITY,
        REPORT,
        REANNOUNCEMENT
    }
}
