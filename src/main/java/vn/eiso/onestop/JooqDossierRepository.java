package vn.eiso.onestop;

import static vn.eiso.db.Tables.DOSSIER_STATISTIC;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;

@Repository
class JooqDossierRepository {

    private final DSLContext dsl;

    JooqDossierRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores the month's figures of the unit's procedure, replacing what an earlier import or push stored. */
    void upsert(UnitId unit, DossierCount c, String source, OffsetDateTime now) {
        dsl.insertInto(DOSSIER_STATISTIC).set(DOSSIER_STATISTIC.UNIT_ID, unit.value())
                .set(DOSSIER_STATISTIC.TTHC_CODE, c.tthcCode()).set(DOSSIER_STATISTIC.MONTH_START, c.month().atDay(1))
                .set(DOSSIER_STATISTIC.RECEIVED, c.received()).set(DOSSIER_STATISTIC.ON_TIME, c.onTime())
                .set(DOSSIER_STATISTIC.LATE, c.late()).set(DOSSIER_STATISTIC.PENDING, c.pending())
                .set(DOSSIER_STATISTIC.RETURNED, c.returned()).set(DOSSIER_STATISTIC.SOURCE, source)
                .set(DOSSIER_STATISTIC.UPDATED_AT, now)
                .onConflict(DOSSIER_STATISTIC.UNIT_ID, DOSSIER_STATISTIC.TTHC_CODE, DOSSIER_STATISTIC.MONTH_START)
                .doUpdate().set(DOSSIER_STATISTIC.RECEIVED, c.received()).set(DOSSIER_STATISTIC.ON_TIME, c.onTime())
                .set(DOSSIER_STATISTIC.LATE, c.late()).set(DOSSIER_STATISTIC.PENDING, c.pending())
                .set(DOSSIER_STATISTIC.RETURNED, c.returned()).set(DOSSIER_STATISTIC.SOURCE, source)
                .set(DOSSIER_STATISTIC.UPDATED_AT, now).execute();
    }

    /** The unit's months from {@code from} on, the procedures given (all when null) summed; none is judged yet. */
    List<MonthFigures> monthly(UnitId unit, LocalDate from, Collection<String> codes) {
        return dsl.select(DOSSIER_STATISTIC.MONTH_START, DSL.sum(DOSSIER_STATISTIC.RECEIVED),
                        DSL.sum(DOSSIER_STATISTIC.ON_TIME), DSL.sum(DOSSIER_STATISTIC.LATE),
                        DSL.sum(DOSSIER_STATISTIC.PENDING), DSL.sum(DOSSIER_STATISTIC.RETURNED))
                .from(DOSSIER_STATISTIC).where(DOSSIER_STATISTIC.UNIT_ID.eq(unit.value()))
                .and(DOSSIER_STATISTIC.MONTH_START.ge(from))
                .and(codes == null ? DSL.noCondition() : DOSSIER_STATISTIC.TTHC_CODE.in(codes))
                .groupBy(DOSSIER_STATISTIC.MONTH_START).orderBy(DOSSIER_STATISTIC.MONTH_START)
                .fetch(r -> new MonthFigures(YearMonth.from(r.value1()), r.value2().intValue(), r.value3().intValue(),
                        r.value4().intValue(), r.value5().intValue(), r.value6().intValue(), false));
    }

    /** On time and late dossiers per unit since {@code from}, for units with any. */
    Map<UnitId, int[]> resolvedSince(LocalDate from) {
        Map<UnitId, int[]> resolved = new HashMap<>();
        dsl.select(DOSSIER_STATISTIC.UNIT_ID, DSL.sum(DOSSIER_STATISTIC.ON_TIME), DSL.sum(DOSSIER_STATISTIC.LATE))
                .from(DOSSIER_STATISTIC).where(DOSSIER_STATISTIC.MONTH_START.ge(from))
                .groupBy(DOSSIER_STATISTIC.UNIT_ID)
                .forEach(r -> resolved.put(new UnitId(r.value1()),
                        new int[] {r.value2().intValue(), r.value3().intValue()}));
        return resolved;
    }
}
