package vn.eiso.console;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.eiso.catalogue.CoverageCount;
import vn.eiso.organisation.UnitType;

/** Every active unit the caller oversees, with its standing on {@code today}, and the figures drawn from them. */
public record ProvinceOverview(LocalDate today, List<UnitStanding> units) {

    public List<UnitStanding> filter(ConsoleFilter filter) {
        return units.stream().filter(filter::test).toList();
    }

    /** Units per type, in the types' order, types without units left out. */
    public Map<UnitType, Long> countByType() {
        Map<UnitType, Long> counts = new EnumMap<>(UnitType.class);
        units.forEach(u -> counts.merge(u.type(), 1L, Long::sum));
        return counts;
    }

    public long announced() {
        return announced(units);
    }

    public long withOverdue() {
        return withOverdue(units);
    }

    /** How many of these units are announced (announced or maintaining). */
    public static long announced(List<UnitStanding> units) {
        return units.stream().filter(u -> u.stage().isAnnounced()).count();
    }

    /** How many of these units have anything overdue. */
    public static long withOverdue(List<UnitStanding> units) {
        return units.stream().filter(u -> u.overdue().total() > 0).count();
    }

    /** Units per stage, every stage present (zero included) so the chart always shows the whole path. */
    public static Map<Stage, Long> byStage(List<UnitStanding> units) {
        Map<Stage, Long> counts = new EnumMap<>(Stage.class);
        Arrays.stream(Stage.values()).forEach(s -> counts.put(s, 0L));
        units.forEach(u -> counts.merge(u.stage(), 1L, Long::sum));
        return counts;
    }

    /** The catalogue procedures of these units, and how many a procedure in force covers. */
    public static CoverageCount tthc(List<UnitStanding> units) {
        return CoverageCount.sum(units.stream().map(UnitStanding::tthc).toList());
    }

    /** The sum of one kind of overdue count over these units. */
    public static long sum(List<UnitStanding> units, OverdueItem.Kind kind) {
        return units.stream().mapToLong(u -> u.overdue().count(kind)).sum();
    }
}
