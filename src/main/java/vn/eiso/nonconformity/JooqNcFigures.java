package vn.eiso.nonconformity;

import static vn.eiso.db.Tables.CORRECTIVE_ACTION;
import static vn.eiso.db.Tables.NONCONFORMITY;
import static vn.eiso.db.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;

/** Read-only counts over the register; the service turns the rows into figures. */
@Repository
class JooqNcFigures {

    /** What the figures need of one nonconformity. */
    record Row(String unitName, String source, String clause, String status, OffsetDateTime reportedAt,
            OffsetDateTime closedAt, boolean dismissed) {
    }

    private final DSLContext dsl;

    JooqNcFigures(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Open ones, and those closed since {@code closedSince}; of these units, or every unit when null. */
    List<Row> rows(Collection<UnitId> units, OffsetDateTime closedSince) {
        var condition = NONCONFORMITY.STATUS.ne(Nonconformity.Status.CLOSED.name())
                .or(NONCONFORMITY.CLOSED_AT.ge(closedSince));
        if (units != null) {
            condition = condition.and(NONCONFORMITY.UNIT_ID.in(units.stream().map(UnitId::value).toList()));
        }
        return dsl.select(UNIT.NAME, NONCONFORMITY.SOURCE, NONCONFORMITY.CLAUSE_CODE, NONCONFORMITY.STATUS,
                        NONCONFORMITY.REPORTED_AT, NONCONFORMITY.CLOSED_AT, NONCONFORMITY.CLOSED_REASON)
                .from(NONCONFORMITY).join(UNIT).on(UNIT.ID.eq(NONCONFORMITY.UNIT_ID))
                .where(condition)
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7() != null));
    }

    long overdueActions(Collection<UnitId> units, LocalDate today) {
        var condition = CORRECTIVE_ACTION.DONE_AT.isNull().and(CORRECTIVE_ACTION.DUE_ON.lt(today));
        if (units != null) {
            condition = condition.and(CORRECTIVE_ACTION.UNIT_ID.in(units.stream().map(UnitId::value).toList()));
        }
        return dsl.fetchCount(CORRECTIVE_ACTION, condition);
    }
}
