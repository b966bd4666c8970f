package vn.eiso.console;

import vn.eiso.base.UnitId;
import vn.eiso.organisation.UnitType;

/** One unit's line on the console: its stage and what it has overdue, by kind. */
public record UnitStanding(UnitId id, String code, String name, UnitType type, String parentName, Stage stage,
        StageFacts facts, Overdue overdue) {

    /** Counts of overdue work; {@code reannouncement} is 1 when the unit's announcement is due to be re-announced. */
    public record Overdue(int documentReviews, int audits, int nonconformities, int reports, int reannouncement) {

        public static final Overdue NONE = new Overdue(0, 0, 0, 0, 0);

        public int total() {
            return documentReviews + audits + nonconformities + reports + reannouncement;
        }
    }
}
