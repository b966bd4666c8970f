package vn.eiso.onestop;

import java.time.YearMonth;

/**
 * A unit's dossiers of one month, all procedures together, and whether the share resolved late passes the
 * threshold at which a nonconformity is suggested ({@code eiso.onestop.late-share-threshold}).
 */
public record MonthFigures(YearMonth month, int received, int onTime, int late, int pending, int returned,
        boolean tooManyLate) {

    /** Resolved on time among those resolved, in percent with one decimal; 100 with none resolved. */
    public double onTimeRate() {
        int resolved = onTime + late;
        return resolved == 0 ? 100.0 : Math.floor(1000.0 * onTime / resolved) / 10.0;
    }
}
