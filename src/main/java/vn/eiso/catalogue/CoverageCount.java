package vn.eiso.catalogue;

import java.util.Collection;

/** How many of a unit's catalogue procedures (or a group of units') a document in force covers. */
public record CoverageCount(int procedures, int covered) {

    public static final CoverageCount NONE = new CoverageCount(0, 0);

    /** Covered share in percent, 100 with no procedure. */
    public int percent() {
        return procedures == 0 ? 100 : (int) Math.floor(100.0 * covered / procedures);
    }

    public static CoverageCount sum(Collection<CoverageCount> counts) {
        return new CoverageCount(counts.stream().mapToInt(CoverageCount::procedures).sum(),
                counts.stream().mapToInt(CoverageCount::covered).sum());
    }
}
