package vn.eiso.nonconformity;

import java.util.Map;

/**
 * The register in figures, for one unit or the whole province: open nonconformities by age (days since reported:
 * 0–30, 31–90, 91–180, over 180), by source, by top-level clause and by unit; how many were closed over the last
 * twelve months after their loop (reports dismissed at triage are not counted) and how long that took on average;
 * corrective actions overdue.
 */
public record NcFigures(long open, long closedLastYear, Double meanDaysToClose, long overdueActions,
        Map<String, Long> openByAge, Map<String, Long> openBySource, Map<String, Long> openByClause,
        Map<String, Long> openByUnit) {

    public static final String[] AGE_BUCKETS = {"0-30", "31-90", "91-180", ">180"};

    static String bucket(long days) {
        return days <= 30 ? AGE_BUCKETS[0] : days <= 90 ? AGE_BUCKETS[1] : days <= 180 ? AGE_BUCKETS[2]
                : AGE_BUCKETS[3];
    }
}
