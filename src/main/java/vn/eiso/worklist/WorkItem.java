package vn.eiso.worklist;

import java.time.LocalDate;

/** One thing waiting for the user: what kind, which, by when ({@code due} may be null), and where to do it. */
public record WorkItem(Kind kind, String label, String text, LocalDate due, boolean overdue, String link) {

    public enum Kind {
        READ,
        DOCUMENT_REVIEW,
        CORRECTIVE_ACTION,
        AUDIT,
        REVIEW_ACTION,
        ANNUAL_REPORT,
        REANNOUNCEMENT,
        INSPECTION,
        REVISION_REVIEW,
        REVISION_APPROVAL,
        REVISION_RETURNED,
        NC_TRIAGE,
        AUDIT_ACKNOWLEDGEMENT,
        IMPORT_CONFIRMATION;

        /** A step of a workflow handed to this user by someone else's action (shown first on the dashboard). */
        public boolean isHandedOver() {
            return switch (this) {
                case REVISION_REVIEW, REVISION_APPROVAL, REVISION_RETURNED, NC_TRIAGE, AUDIT_ACKNOWLEDGEMENT,
                        IMPORT_CONFIRMATION -> true;
                default -> false;
            };
        }
    }
}
