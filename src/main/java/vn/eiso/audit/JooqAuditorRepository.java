package vn.eiso.audit;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.AUDITOR_POOL;
import static vn.eiso.db.Tables.MEMBERSHIP;
import static vn.eiso.db.Tables.UNIT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.organisation.UnitStatus;

/** The province's auditor pool and who may be put on an audit team at all. */
@Repository
class JooqAuditorRepository {

    /** Holds the internal-auditor role in a unit still active: a role in an archived unit counts for nothing. */
    private static final Condition INTERNAL_AUDITOR = APP_USER.ID.in(DSL.select(MEMBERSHIP.USER_ID).from(MEMBERSHIP)
            .join(UNIT).on(UNIT.ID.eq(MEMBERSHIP.UNIT_ID))
            .where(MEMBERSHIP.ROLE.eq(Role.INTERNAL_AUDITOR.name()).and(UNIT.STATUS.eq(UnitStatus.ACTIVE.name()))));
    private static final Condition IN_POOL = APP_USER.ID.in(DSL.select(AUDITOR_POOL.USER_ID).from(AUDITOR_POOL));

    private final DSLContext dsl;

    JooqAuditorRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Person> pool() {
        return people(IN_POOL);
    }

    /** Everyone in the pool or holding the internal-auditor role in some unit, enabled. */
    List<Person> eligible() {
        return people(IN_POOL.or(INTERNAL_AUDITOR));
    }

    /** Enabled users outside the pool whose name or user name contains the text, for adding to it. */
    List<Person> candidates(String text, int limit) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        List<Long> ids = dsl.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.ENABLED.isTrue().and(IN_POOL.not())
                        .and(DSL.lower(APP_USER.FULL_NAME).like(like).or(APP_USER.USERNAME.like(like))))
                .orderBy(APP_USER.FULL_NAME).limit(limit).fetch(APP_USER.ID);
        return people(APP_USER.ID.in(ids));
    }

    /** Enabled, and in the pool or an internal auditor now: asked when a team is chosen and at each step of it. */
    boolean isEligible(UserId user) {
        return dsl.fetchExists(APP_USER, APP_USER.ID.eq(user.value()).and(APP_USER.ENABLED.isTrue())
                .and(IN_POOL.or(INTERNAL_AUDITOR)));
    }

    Set<UnitId> unitsOf(UserId user) {
        return dsl.selectDistinct(MEMBERSHIP.UNIT_ID).from(MEMBERSHIP).where(MEMBERSHIP.USER_ID.eq(user.value()))
                .fetchSet(r -> new UnitId(r.value1()));
    }

    String nameOf(UserId user) {
        return dsl.select(APP_USER.FULL_NAME).from(APP_USER).where(APP_USER.ID.eq(user.value()))
                .fetchOptional(APP_USER.FULL_NAME).orElse("#" + user.value());
    }

    boolean addToPool(UserId user, OffsetDateTime now) {
        if (dsl.fetchExists(AUDITOR_POOL, AUDITOR_POOL.USER_ID.eq(user.value()))) {
            return false;
        }
        dsl.insertInto(AUDITOR_POOL).set(AUDITOR_POOL.USER_ID, user.value()).set(AUDITOR_POOL.ADDED_AT, now).execute();
        return true;
    }

    boolean removeFromPool(UserId user) {
        return dsl.deleteFrom(AUDITOR_POOL).where(AUDITOR_POOL.USER_ID.eq(user.value())).execute() == 1;
    }

    /** People with the units they belong to, so a chooser can tell two namesakes apart. */
    private List<Person> people(Condition condition) {
        Map<Long, List<String>> units = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        dsl.select(APP_USER.ID, APP_USER.FULL_NAME, UNIT.NAME)
                .from(APP_USER)
                .leftJoin(MEMBERSHIP).on(MEMBERSHIP.USER_ID.eq(APP_USER.ID))
                .leftJoin(UNIT).on(UNIT.ID.eq(MEMBERSHIP.UNIT_ID))
                .where(condition.and(APP_USER.ENABLED.isTrue()))
                .orderBy(APP_USER.FULL_NAME, APP_USER.ID, UNIT.NAME)
                .forEach(r -> {
                    names.put(r.value1(), r.value2());
                    List<String> list = units.computeIfAbsent(r.value1(), k -> new ArrayList<>());
                    if (r.value3() != null && !list.contains(r.value3())) {
                        list.add(r.value3());
                    }
                });
        return names.entrySet().stream().map(e -> new Person(new UserId(e.getKey()), e.getValue(),
                String.join(", ", units.get(e.getKey())))).toList();
    }
}
