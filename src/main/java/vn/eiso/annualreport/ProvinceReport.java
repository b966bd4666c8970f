package vn.eiso.annualreport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.eiso.base.UnitId;
import vn.eiso.organisation.UnitType;

/**
 * The province's consolidated report for one year: every unit with where its report stands, and the figures of
 * the submitted reports added up.
 */
public record ProvinceReport(int year, LocalDate dueOn, List<Line> lines) {

    /** One unit; {@code status} null when it has not started its report, {@code figures} empty unless submitted. */
    public record Line(UnitId unitId, String code, String name, UnitType type, AnnualReport.Status status,
            OffsetDateTime submittedAt, Map<Figure, Long> figures) {
    }

    public long submitted() {
        return lines.stream().filter(l -> l.status() == AnnualReport.Status.SUBMITTED).count();
    }

    public Map<Figure, Long> totals() {
        Map<Figure, Long> totals = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            totals.put(f, lines.stream().mapToLong(l -> l.figures().getOrDefault(f, 0L)).sum());
        }
        return totals;
    }
}
