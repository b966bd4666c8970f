package vn.eiso.annualreport;

import java.time.LocalDate;
import java.util.List;

/** One reporting year as the science department set it: the deadline and the sections every report has. */
public record ReportPeriod(int year, LocalDate dueOn, List<String> sections, int version) {
}
