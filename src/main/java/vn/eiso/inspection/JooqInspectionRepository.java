package vn.eiso.inspection;

import static vn.eiso.db.Tables.INSPECTION;
import static vn.eiso.db.Tables.INSPECTION_FINDING;
import static vn.eiso.db.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.nonconformity.NonconformityId;

@Repository
class JooqInspectionRepository {

    private final DSLContext dsl;

    JooqInspectionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(UnitId unit, LocalDate on, String purpose, String inspectors, UserId by, OffsetDateTime now) {
        return dsl.insertInto(INSPECTION).set(INSPECTION.UNIT_ID, unit.value()).set(INSPECTION.PLANNED_ON, on)
                .set(INSPECTION.PURPOSE, purpose).set(INSPECTION.INSPECTORS, inspectors)
                .set(INSPECTION.STATUS, Inspection.Status.PLANNED.name()).set(INSPECTION.CREATED_BY, by.value())
                .set(INSPECTION.CREATED_AT, now)
                .returning(INSPECTION.ID).fetchOne(INSPECTION.ID);
    }

    void insertFinding(long inspection, NonconformityId nc, String description, OffsetDateTime now) {
        dsl.insertInto(INSPECTION_FINDING).set(INSPECTION_FINDING.INSPECTION_ID, inspection)
                .set(INSPECTION_FINDING.NONCONFORMITY_ID, nc.value()).set(INSPECTION_FINDING.DESCRIPTION, description)
                .set(INSPECTION_FINDING.CREATED_AT, now).execute();
    }

    boolean close(long id, int version, String conclusion, OffsetDateTime now) {
        return dsl.update(INSPECTION).set(INSPECTION.STATUS, Inspection.Status.DONE.name())
                .set(INSPECTION.CONCLUSION, conclusion).set(INSPECTION.CLOSED_AT, now)
                .set(INSPECTION.VERSION, INSPECTION.VERSION.plus(1))
                .where(INSPECTION.ID.eq(id).and(INSPECTION.VERSION.eq(version))
                        .and(INSPECTION.STATUS.eq(Inspection.Status.PLANNED.name())))
                .execute() == 1;
    }

    /** Locks the inspection, so that a finding is never added while it is being closed. */
    Optional<Inspection> lock(long id) {
        dsl.select(INSPECTION.ID).from(INSPECTION).where(INSPECTION.ID.eq(id)).forUpdate().fetch();
        return find(id);
    }

    Optional<Inspection> find(long id) {
        return list(INSPECTION.ID.eq(id)).stream().findFirst();
    }

    List<Inspection> list(Condition condition) {
        var findings = DSL.field(DSL.selectCount().from(INSPECTION_FINDING)
                .where(INSPECTION_FINDING.INSPECTION_ID.eq(INSPECTION.ID)));
        return dsl.select(INSPECTION.ID, INSPECTION.UNIT_ID, UNIT.NAME, INSPECTION.PLANNED_ON, INSPECTION.PURPOSE,
                        INSPECTION.INSPECTORS, INSPECTION.STATUS, INSPECTION.CONCLUSION, findings, INSPECTION.VERSION)
                .from(INSPECTION).join(UNIT).on(UNIT.ID.eq(INSPECTION.UNIT_ID))
                .where(condition).orderBy(INSPECTION.PLANNED_ON.desc(), INSPECTION.ID.desc())
                .fetch(r -> new Inspection(r.value1(), new UnitId(r.value2()), r.value3(), r.value4(), r.value5(),
                        r.value6(), Inspection.Status.valueOf(r.value7()), r.value8(), r.value9(), r.value10()));
    }

    static Condition all() {
        return DSL.trueCondition();
    }

    static Condition ofUnit(UnitId unit) {
        return INSPECTION.UNIT_ID.eq(unit.value());
    }

    List<Finding> findings(long inspection) {
        return dsl.select(INSPECTION_FINDING.ID, INSPECTION_FINDING.DESCRIPTION, INSPECTION_FINDING.NONCONFORMITY_ID)
                .from(INSPECTION_FINDING).where(INSPECTION_FINDING.INSPECTION_ID.eq(inspection))
                .orderBy(INSPECTION_FINDING.ID)
                .fetch(r -> new Finding(r.value1(), r.value2(), new NonconformityId(r.value3())));
    }
}
