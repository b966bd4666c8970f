package vn.eiso.organisation;

import static vn.eiso.db.Tables.UNIT;
import static vn.eiso.db.Tables.UNIT_LINEAGE;
import static vn.eiso.db.Tables.UNIT_TRANSFER_ITEM;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;

@Repository
class JooqLineageRepository {

    private static final int BATCH = 1000;

    private final DSLContext dsl;

    JooqLineageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(UnitRestructured.Kind kind, UnitId predecessor, UnitId successor, OffsetDateTime at, String actor) {
        return dsl.insertInto(UNIT_LINEAGE)
                .set(UNIT_LINEAGE.KIND, kind.name())
                .set(UNIT_LINEAGE.PREDECESSOR_ID, predecessor.value())
                .set(UNIT_LINEAGE.SUCCESSOR_ID, successor.value())
                .set(UNIT_LINEAGE.OCCURRED_AT, at)
                .set(UNIT_LINEAGE.ACTOR, actor)
                .set(UNIT_LINEAGE.MOVED_ITEMS, 0)
                .returning(UNIT_LINEAGE.ID).fetchOne(UNIT_LINEAGE.ID);
    }

    void addItems(long lineage, List<UnitHoldings.Moved> moved) {
        for (int from = 0; from < moved.size(); from += BATCH) {
            var insert = dsl.insertInto(UNIT_TRANSFER_ITEM, UNIT_TRANSFER_ITEM.LINEAGE_ID, UNIT_TRANSFER_ITEM.KIND,
                    UNIT_TRANSFER_ITEM.ITEM_ID);
            for (UnitHoldings.Moved m : moved.subList(from, Math.min(moved.size(), from + BATCH))) {
                insert = insert.values(lineage, m.targetType(), m.id());
            }
            insert.execute();
        }
        dsl.update(UNIT_LINEAGE).set(UNIT_LINEAGE.MOVED_ITEMS, UNIT_LINEAGE.MOVED_ITEMS.plus(moved.size()))
                .where(UNIT_LINEAGE.ID.eq(lineage)).execute();
    }

    /** Every step the unit took part in, as predecessor or successor, newest first. */
    List<Lineage> of(UnitId unit) {
        var predecessor = UNIT.as("p");
        var successor = UNIT.as("s");
        return dsl.select(UNIT_LINEAGE.KIND, UNIT_LINEAGE.PREDECESSOR_ID, predecessor.NAME, UNIT_LINEAGE.SUCCESSOR_ID,
                        successor.NAME, UNIT_LINEAGE.OCCURRED_AT, UNIT_LINEAGE.ACTOR, UNIT_LINEAGE.MOVED_ITEMS)
                .from(UNIT_LINEAGE)
                .join(predecessor).on(predecessor.ID.eq(UNIT_LINEAGE.PREDECESSOR_ID))
                .join(successor).on(successor.ID.eq(UNIT_LINEAGE.SUCCESSOR_ID))
                .where(DSL.or(UNIT_LINEAGE.PREDECESSOR_ID.eq(unit.value()), UNIT_LINEAGE.SUCCESSOR_ID.eq(unit.value())))
                .orderBy(UNIT_LINEAGE.OCCURRED_AT.desc(), UNIT_LINEAGE.ID.desc())
                .fetch(r -> new Lineage(UnitRestructured.Kind.valueOf(r.value1()), new UnitId(r.value2()), r.value3(),
                        new UnitId(r.value4()), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /** Locks the units in id order, so that two restructurings touching the same units queue, never deadlock. */
    void lock(List<UnitId> units) {
        dsl.select(UNIT.ID).from(UNIT).where(UNIT.ID.in(units.stream().map(UnitId::value).toList()))
                .orderBy(UNIT.ID).forUpdate().fetch();
    }

    /** Sub-units of a merged unit now hang off its successor. */
    List<Long> reparentActiveChildren(UnitId from, UnitId to, OffsetDateTime now) {
        List<Long> children = dsl.select(UNIT.ID).from(UNIT)
                .where(UNIT.PARENT_ID.eq(from.value()).and(UNIT.STATUS.eq(UnitStatus.ACTIVE.name())))
                .fetch(UNIT.ID);
        dsl.update(UNIT).set(UNIT.PARENT_ID, to.value()).set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .set(UNIT.UPDATED_AT, now).where(UNIT.ID.in(children)).execute();
        return children;
    }

    void archive(UnitId unit, OffsetDateTime now) {
        dsl.update(UNIT).set(UNIT.STATUS, UnitStatus.ARCHIVED.name()).set(UNIT.VERSION, UNIT.VERSION.plus(1))
                .set(UNIT.UPDATED_AT, now).where(UNIT.ID.eq(unit.value())).execute();
    }
}
