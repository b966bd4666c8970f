package vn.eiso.organisation;

import static vn.eiso.db.Tables.MEMBERSHIP;
import static vn.eiso.db.Tables.UNIT;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;

@Repository
class JooqUnitRepository {

    private final DSLContext dsl;

    JooqUnitRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Unit> findAll() {
        return dsl.selectFrom(UNIT).orderBy(UNIT.CODE).fetch(JooqUnitRepository::toUnit);
    }

    Optional<Unit> findById(UnitId id) {
        return dsl.selectFrom(UNIT).where(UNIT.ID.eq(id.value())).fetchOptional(JooqUnitRepository::toUnit);
    }

    /** Id to name of the given units, one query. */
    Map<Long, String> names(java.util.Collection<Long> ids) {
        return dsl.select(UNIT.ID, UNIT.NAME).from(UNIT).where(UNIT.ID.in(ids)).fetchMap(UNIT.ID, UNIT.NAME);
    }

    /** The science department: the active unit of that type first created (a province has one). */
    Optional<UnitId> firstOfType(UnitType type) {
        return dsl.select(UNIT.ID).from(UNIT).where(UNIT.UNIT_TYPE.eq(type.name()))
                .orderBy(DSL.when(UNIT.STATUS.eq(UnitStatus.ACTIVE.name()), 0).otherwise(1), UNIT.ID).limit(1)
                .fetchOptional(r -> new UnitId(r.value1()));
    }

    Optional<Unit> findByCode(String code) {
        return dsl.selectFrom(UNIT).where(DSL.upper(UNIT.CODE).eq(code.toUpperCase()))
                .fetchOptional(JooqUnitRepository::toUnit);
    }

    boolean codeTaken(String code, UnitId except) {
        var condition = DSL.upper(UNIT.CODE).eq(code.toUpperCase());
        if (except != null) {
            condition = condition.and(UNIT.ID.ne(except.value()));
        }
        return dsl.fetchExists(UNIT, condition);
    }

    UnitId insert(UnitData data, OffsetDateTime now) {
        Long id = dsl.insertInto(UNIT)
                .set(UNIT.CODE, data.code())
                .set(UNIT.NAME, data.name())
                .set(UNIT.UNIT_TYPE, data.type().name())
                .set(UNIT.PARENT_ID, data.parentId() == null ? null : data.parentId().value())
                .set(UNIT.STATUS, UnitStatus.ACTIVE.name())
                .set(UNIT.CREATED_AT, now)
                .set(UNIT.UPDATED_AT, now)
                .returning(UNIT.ID)
                .fetchOne(UNIT.ID);
        return new UnitId(id);
    }

    /** Returns false when the row was changed by someone else since {@code version} was read. */
    boolean update(UnitId id, int version, UnitData data, OffsetDateTime now) {
        return dsl.update(UNIT)
                .set(UNIT.CODE, data.code())
                .set(UNIT.NAME, data.name())
                .set(UNIT.UNIT_TYPE, data.type().name())
                .set(UNIT.PARENT_ID, data.parentId() == null ? null : data.parentId().value())
                .set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .set(UNIT.UPDATED_AT, now)
                .where(UNIT.ID.eq(id.value()).and(UNIT.VERSION.eq(version)))
                .execute() == 1;
    }

    boolean updateStatus(UnitId id, int version, UnitStatus status, OffsetDateTime now) {
        return dsl.update(UNIT)
                .set(UNIT.STATUS, status.name())
                .set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .set(UNIT.UPDATED_AT, now)
                .where(UNIT.ID.eq(id.value()).and(UNIT.VERSION.eq(version)))
                .execute() == 1;
    }

    boolean delete(UnitId id, int version) {
        return dsl.deleteFrom(UNIT).where(UNIT.ID.eq(id.value()).and(UNIT.VERSION.eq(version))).execute() == 1;
    }

    int countMembers(UnitId id) {
        return dsl.fetchCount(MEMBERSHIP, MEMBERSHIP.UNIT_ID.eq(id.value()));
    }

    int countChildren(UnitId id, boolean activeOnly) {
        var condition = UNIT.PARENT_ID.eq(id.value());
        if (activeOnly) {
            condition = condition.and(UNIT.STATUS.eq(UnitStatus.ACTIVE.name()));
        }
        return dsl.fetchCount(UNIT, condition);
    }

    Map<UnitType, Integer> countActiveByType() {
        Map<UnitType, Integer> counts = new EnumMap<>(UnitType.class);
        dsl.select(UNIT.UNIT_TYPE, DSL.count())
                .from(UNIT)
                .where(UNIT.STATUS.eq(UnitStatus.ACTIVE.name()))
                .groupBy(UNIT.UNIT_TYPE)
                .forEach(r -> counts.put(UnitType.valueOf(r.value1()), r.value2()));
        return counts;
    }

    private static Unit toUnit(Record r) {
        return new Unit(new UnitId(r.get(UNIT.ID)), r.get(UNIT.CODE), r.get(UNIT.NAME),
                UnitType.valueOf(r.get(UNIT.UNIT_TYPE)), UnitId.of(r.get(UNIT.PARENT_ID)),
                UnitStatus.valueOf(r.get(UNIT.STATUS)), r.get(UNIT.VERSION));
    }
}
