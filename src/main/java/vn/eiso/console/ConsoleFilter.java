package vn.eiso.console;

import vn.eiso.base.TextFolding;
import vn.eiso.organisation.UnitType;

/** What the console narrows its units to; null or blank parts match everything. Text ignores case and diacritics. */
public record ConsoleFilter(Level level, UnitType type, Stage stage, String text, boolean overdueOnly) {

    public static final ConsoleFilter ALL = new ConsoleFilter(null, null, null, null, false);

    public boolean test(UnitStanding unit) {
        return (level == null || Level.of(unit.type()) == level)
                && (type == null || unit.type() == type)
                && (stage == null || unit.stage() == stage)
                && (!overdueOnly || unit.overdue().total() > 0)
                && (text == null || text.isBlank()
                        || TextFolding.fold(unit.code() + " " + unit.name()).contains(TextFolding.fold(text.strip())));
    }
}
