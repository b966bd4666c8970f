package vn.eiso.organisation;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.MEMBERSHIP;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;

/** Memberships follow their unit; a role the person already holds in the successor is not granted twice. */
@Repository
class JooqMembershipHoldings implements UnitHoldings {

    static final String KIND = "MEMBERSHIP";

    private final DSLContext dsl;
    private final JooqUserRepository users;

    JooqMembershipHoldings(DSLContext dsl, JooqUserRepository users) {
        this.dsl = dsl;
        this.users = users;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Holding> of(UnitId unit) {
        return dsl.select(MEMBERSHIP.ID, APP_USER.FULL_NAME, MEMBERSHIP.ROLE).from(MEMBERSHIP)
                .join(APP_USER).on(APP_USER.ID.eq(MEMBERSHIP.USER_ID))
                .where(MEMBERSHIP.UNIT_ID.eq(unit.value())).orderBy(APP_USER.FULL_NAME, MEMBERSHIP.ROLE)
                .fetch(r -> new Holding(KIND, r.value1(), r.value2() + " · " + r.value3()));
    }

    @Override
    public List<Moved> move(UnitId from, UnitId to, Collection<Long> ids) {
        return move(from, to, MEMBERSHIP.ID.in(ids));
    }

    @Override
    public List<Moved> moveAll(UnitId from, UnitId to) {
        return move(from, to, DSL.trueCondition());
    }

    private List<Moved> move(UnitId from, UnitId to, Condition which) {
        var successor = MEMBERSHIP.as("s");
        Condition held = MEMBERSHIP.UNIT_ID.eq(from.value()).and(which);
        Condition duplicate = DSL.exists(DSL.selectOne().from(successor).where(successor.UNIT_ID.eq(to.value())
                .and(successor.USER_ID.eq(MEMBERSHIP.USER_ID)).and(successor.ROLE.eq(MEMBERSHIP.ROLE))));
        // Whoever had the role in the old unit no longer has it there: their sessions end (ADR 0020).
        users.endSessionsOfMembers(held);
        // A role the person already holds in the successor is dropped, not moved: the lineage lists real rows only.
        dsl.deleteFrom(MEMBERSHIP).where(held.and(duplicate)).execute();
        List<Moved> moved = new ArrayList<>();
        dsl.select(MEMBERSHIP.ID).from(MEMBERSHIP).where(held).fetch(MEMBERSHIP.ID)
                .forEach(id -> moved.add(new Moved(KIND, id)));
        dsl.update(MEMBERSHIP).set(MEMBERSHIP.UNIT_ID, to.value()).where(held).execute();
        return moved;
    }
}
