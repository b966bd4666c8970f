package vn.eiso.console;

import java.util.Set;
import vn.eiso.base.UnitId;
import vn.eiso.catalogue.CoverageCount;
import vn.eiso.organisation.UnitType;

/**
 * One unit's line on the console: its stage, what it has overdue, by kind, and how many of its catalogue
 * procedures (TTHC) a procedure document in force covers, and its dossiers' on-time rate over the last twelve
 * months by the one-stop figures (null without figures).
 */
public record UnitStanding(UnitId id, String code, String name, UnitType type, String parentName, Stage stage,
        StageFacts facts, Overdue overdue, CoverageCount tthc, Double onTimeRate) {

    /**
     * Counts of overdue work by kind; {@code noRecentAudit} and {@code reannouncement} are 1 when the unit has gone
     * too long without an internal audit, or its announcement is due to be re-announced.
     */
    public record Overdue(int documentReviews, int audits, int noRecentAudit, int nonconformities, int reports,
            int reannouncement) {

        public static final Overdue NONE = new Overdue(0, 0, 0, 0, 0, 0);

        public int count(OverdueItem.Kind kind) {
            return switch (kind) {
                case DOCUMENT_REVIEW -> documentReviews;
                case AUDIT -> audits;
                case NO_RECENT_AUDIT -> noRecentAudit;
                case NONCONFORMITY -> nonconformities;
                case REPORT -> reports;
                case REANNOUNCEMENT -> reannouncement;
            };
        }

        public int total() {
            return documentReviews + audits + noRecentAudit + nonconformities + reports + reannouncement;
        }

        /** Whether anything of these kinds is overdue; no kinds at all means any kind. */
        public boolean hasAny(Set<OverdueItem.Kind> kinds) {
            return kinds.isEmpty() ? total() > 0 : kinds.stream().anyMatch(k -> count(k) > 0);
        }
    }
}
