package vn.eiso.annualreport;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** One reporting year as the science department set it: the deadline and the sections every report has. */
public record ReportPeriod(int year, LocalDate dueOn, List<String> sections, int version) {

    /** Past its deadline: from the day after it. */
    public boolean isOverdue(LocalDate today) {
        return dueOn.isBefore(today);
    }

    /**
     * Whether a unit owes this year's report: it existed in the year (created on or before its last day, in the
     * agencies' calendar) and holds no submitted report for it (a merge brings its predecessors' reports along, so
     * a successor does not owe theirs again). The one rule the work lists, the report screens and the console share.
     */
    public boolean isOwedBy(LocalDate unitCreatedOn, Set<Integer> submittedYears) {
        return unitCreatedOn.getYear() <= year && !submittedYears.contains(year);
    }

    /** The periods a unit owes, in year order. */
    public static List<ReportPeriod> owed(Collection<ReportPeriod> periods, LocalDate unitCreatedOn,
            Set<Integer> submittedYears) {
        return periods.stream().filter(p -> p.isOwedBy(unitCreatedOn, submittedYears))
                .sorted(Comparator.comparingInt(ReportPeriod::year)).toList();
    }
}
