package vn.eiso.annualreport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.eiso.base.UnitId;

/**
 * A unit's report for one year: its sections as written and its figures (live from the data while a draft, as
 * submitted afterwards).
 */
public record AnnualReport(long id, UnitId unitId, String unitName, int year, Status status, LocalDate dueOn,
        OffsetDateTime submittedAt, String submittedBy, int version, List<Section> sections,
        Map<Figure, Long> figures) {

    public enum Status {
        DRAFT,
        SUBMITTED
    }

    public record Section(int position, String heading, String body) {
    }

    public boolean isSubmitted() {
        return status == Status.SUBMITTED;
    }
}
