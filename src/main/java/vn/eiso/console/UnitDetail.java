package vn.eiso.console;

import java.util.List;

/** One unit drilled into from the console: its standing and the overdue items behind its counts. */
public record UnitDetail(UnitStanding standing, List<OverdueItem> items) {
}
