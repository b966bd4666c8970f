package vn.eiso.console;

import java.util.Set;
import vn.eiso.base.TextFolding;
import vn.eiso.organisation.UnitType;

/**
 * What the console narrows its units to; null or blank parts match everything. Text ignores case and diacritics.
 * {@code overdue}: null keeps every unit, an empty set the units with any overdue work, otherwise the units with
 * overdue work of one of those kinds.
 */
public record ConsoleFilter(Level level, UnitType type, Stage stage, String text, Set<OverdueItem.Kind> overdue) {

    public static final ConsoleFilter ALL = new ConsoleFilter(null, null, null, null, null);

    public boolean test(UnitStanding unit) {
        return (level == null || Level.of(unit.type()) == level)
                && (type == null || unit.type() == type)
                && (stage == null || unit.stage() == stage)
                && (overdue == null || unit.overdue().hasAny(overdue))
                && (text == null || text.isBlank()
                        || TextFolding.fold(unit.code() + " " + unit.name()).contains(TextFolding.fold(text.strip())));
    }
}
