package vn.eiso.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Records a use in a row's "last used" column and tells whether it was the first use of the day, for a trail that
 * holds one line per day rather than one per call. The conditional update decides it: of two requests at once,
 * the database lets only one move the time from before the day's start, so the day is never logged twice.
 */
final class DailyUse {

    private DailyUse() {
    }

    /** Where "today" starts, in the agencies' zone (the clock's). */
    static OffsetDateTime startOfToday(Clock clock) {
        return LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    static boolean first(DSLContext dsl, Table<?> table, Field<Long> id, Field<OffsetDateTime> lastUsed, long row,
            OffsetDateTime now, OffsetDateTime startOfDay) {
        if (dsl.update(table).set(lastUsed, now).where(id.eq(row))
                .and(lastUsed.isNull().or(lastUsed.lt(startOfDay))).execute() == 1) {
            return true;
        }
        dsl.update(table).set(lastUsed, now).where(id.eq(row)).execute();
        return false;
    }
}
