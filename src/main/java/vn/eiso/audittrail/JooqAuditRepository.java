package vn.eiso.audittrail;

import static vn.eiso.db.Tables.AUDIT_EVENT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;

@Repository
class JooqAuditRepository {

    private final DSLContext dsl;
    private final Clock clock;

    JooqAuditRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    void insert(OffsetDateTime at, String actor, String action, String targetType, String targetId, UnitId unit,
            String details) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, at)
                .set(AUDIT_EVENT.ACTOR, actor)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.TARGET_TYPE, targetType)
                .set(AUDIT_EVENT.TARGET_ID, targetId)
                .set(AUDIT_EVENT.UNIT_ID, unit == null ? null : unit.value())
                .set(AUDIT_EVENT.DETAILS, details)
                .execute();
    }

    List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(conditions(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AuditEntry(r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(),
                        r.getTargetType(), r.getTargetId(), UnitId.of(r.getUnitId()), r.getDetails()));
    }

    List<OffsetDateTime> timesSince(String action, String targetType, String targetId, OffsetDateTime since) {
        return dsl.select(AUDIT_EVENT.OCCURRED_AT).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.OCCURRED_AT.gt(since), AUDIT_EVENT.ACTION.eq(action),
                        AUDIT_EVENT.TARGET_TYPE.eq(targetType), AUDIT_EVENT.TARGET_ID.eq(targetId))
                .orderBy(AUDIT_EVENT.OCCURRED_AT)
                .fetch(AUDIT_EVENT.OCCURRED_AT);
    }

    int count(AuditFilter filter) {
        return dsl.fetchCount(AUDIT_EVENT, conditions(filter));
    }

    List<String> actions() {
        return dsl.selectDistinct(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ACTION)
                .fetch(AUDIT_EVENT.ACTION);
    }

    private List<Condition> conditions(AuditFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            conditions.add(DSL.lower(AUDIT_EVENT.ACTOR).contains(filter.actor().strip().toLowerCase()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            conditions.add(AUDIT_EVENT.ACTION.eq(filter.action()));
        }
        // Days are the agencies' calendar days, not UTC ones.
        if (filter.from() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT.ge(filter.from().atStartOfDay(clock.getZone()).toOffsetDateTime()));
        }
        if (filter.to() != null) {
            conditions.add(AUDIT_EVENT.OCCURRED_AT
                    .lt(filter.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime()));
        }
        return conditions;
    }
}
