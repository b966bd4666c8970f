package vn.eiso.annualreport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import vn.eiso.base.UnitId;

/**
 * A unit's report for one year: its sections as written and its figures (live from the data while a draft, as
 * submitted afterwards). {@code compiledSummary} is what the first section says when written from the figures:
 * a draft whose first section nobody edited reads exactly that.
 */
public record AnnualReport(long id, UnitId unitId, String unitName, int year, Status status, LocalDate dueOn,
        OffsetDateTime submittedAt, String submittedBy, int version, List<Section> sections,
        Map<Figure, Long> figures, String compiledSummary) {

    public enum Status {
        DRAFT,
        SUBMITTED
    }

    public record Section(int position, String heading, String body) {
    }

    public boolean isSubmitted() {
        return status == Status.SUBMITTED;
    }

    /** A draft whose first section someone rewrote, so that it may no longer match the figures. */
    public boolean summaryEdited() {
        return !isSubmitted() && compiledSummary != null && !sections.isEmpty()
                && !sections.getFirst().body().equals(compiledSummary);
    }

    /** Submitted after the day of its deadline, in the agencies' calendar. */
    public boolean submittedLate(ZoneId zone) {
        return isLate(dueOn, submittedAt, zone);
    }

    /** The one rule for a late report: submitted on a day after its deadline. */
    public static boolean isLate(LocalDate dueOn, OffsetDateTime submittedAt, ZoneId zone) {
        return submittedAt != null && submittedAt.atZoneSameInstant(zone).toLocalDate().isAfter(dueOn);
    }
}
