package vn.eiso.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import vn.eiso.base.UnitId;

/**
 * Holdings that are rows of one table with a unit column, with child rows that carry the unit too (a
 * nonconformity's corrective actions). Features declare their tables in a repository subclass; the moving is
 * written once, here, in batches small enough for any database's parameter limit.
 */
public abstract class TableHoldings implements UnitHoldings {

    private static final int BATCH = 1000;

    /** Rows of {@code table} whose {@code parent} is a moved item; re-indexed under {@code targetType} if given. */
    public record Child(Table<?> table, Field<Long> id, Field<Long> parent, Field<Long> unit, String targetType) {
    }

    protected final DSLContext dsl;
    private final String kind;
    private final Table<?> table;
    private final Field<Long> id;
    private final Field<Long> unit;
    private final Field<String> label;
    private final List<Child> children;

    protected TableHoldings(DSLContext dsl, String kind, Table<?> table, Field<Long> id, Field<Long> unit,
            Field<String> label, List<Child> children) {
        this.dsl = dsl;
        this.kind = kind;
        this.table = table;
        this.id = id;
        this.unit = unit;
        this.label = label;
        this.children = children;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public List<Holding> of(UnitId owner) {
        return dsl.select(id, label).from(table).where(unit.eq(owner.value())).orderBy(label, id)
                .fetch(r -> new Holding(kind, r.value1(), r.value2()));
    }

    @Override
    public List<Moved> move(UnitId from, UnitId to, Collection<Long> ids) {
        List<Moved> moved = new ArrayList<>();
        List<Long> list = List.copyOf(ids);
        for (int i = 0; i < list.size(); i += BATCH) {
            moved.addAll(moveWhere(from, to, id.in(list.subList(i, Math.min(list.size(), i + BATCH)))));
        }
        return moved;
    }

    @Override
    public List<Moved> moveAll(UnitId from, UnitId to) {
        List<Long> all = dsl.select(id).from(table).where(unit.eq(from.value())).fetch(id);
        return move(from, to, all);
    }

    /**
     * Changes the feature needs before the rows change unit (a code that must stay unique in the successor);
     * returns a note per renamed row.
     */
    protected Map<Long, String> prepare(UnitId from, UnitId to, List<Long> ids) {
        return Map.of();
    }

    private List<Moved> moveWhere(UnitId from, UnitId to, Condition which) {
        List<Long> ids = dsl.select(id).from(table).where(unit.eq(from.value()).and(which)).fetch(id);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> notes = prepare(from, to, ids);
        List<Moved> moved = new ArrayList<>();
        ids.forEach(i -> moved.add(new Moved(kind, i, notes.get(i))));
        dsl.update(table).set(unit, to.value()).where(id.in(ids)).execute();
        for (Child child : children) {
            if (child.targetType() != null) {
                dsl.select(child.id()).from(child.table()).where(child.parent().in(ids)).fetch(child.id())
                        .forEach(c -> moved.add(new Moved(child.targetType(), c)));
            }
            dsl.update(child.table()).set(child.unit(), to.value()).where(child.parent().in(ids)).execute();
        }
        return moved;
    }
}
