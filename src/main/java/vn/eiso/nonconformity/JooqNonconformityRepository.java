package vn.eiso.nonconformity;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.AUDIT;
import static vn.eiso.db.Tables.AUDIT_ITEM;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.NONCONFORMITY;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

@Repository
class JooqNonconformityRepository {

    private final DSLContext dsl;

    JooqNonconformityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    NonconformityId insertFinding(NewFinding finding, UserId by, OffsetDateTime now) {
        return new NonconformityId(dsl.insertInto(NONCONFORMITY)
                .set(NONCONFORMITY.UNIT_ID, finding.unitId().value())
                .set(NONCONFORMITY.SOURCE, Nonconformity.Source.INTERNAL_AUDIT.name())
                .set(NONCONFORMITY.DESCRIPTION, finding.description())
                .set(NONCONFORMITY.SEVERITY, finding.severity().name())
                .set(NONCONFORMITY.CLAUSE_CODE, finding.clauseCode())
                .set(NONCONFORMITY.DOCUMENT_ID, finding.documentId())
                .set(NONCONFORMITY.AUDIT_ITEM_ID, finding.auditItemId())
                .set(NONCONFORMITY.STATUS, Nonconformity.Status.REPORTED.name())
                .set(NONCONFORMITY.REPORTED_BY, by.value())
                .set(NONCONFORMITY.REPORTED_AT, now)
                .returning(NONCONFORMITY.ID)
                .fetchOne(NONCONFORMITY.ID));
    }

    /** Whether the item belongs to an audit of the unit that the user leads and has just signed. */
    boolean isFindingOfSignedAudit(long auditItemId, UnitId unit, UserId lead) {
        return dsl.fetchExists(dsl.selectOne().from(AUDIT_ITEM).join(AUDIT).on(AUDIT.ID.eq(AUDIT_ITEM.AUDIT_ID))
                .where(AUDIT_ITEM.ID.eq(auditItemId).and(AUDIT.UNIT_ID.eq(unit.value()))
                        .and(AUDIT.LEAD_AUDITOR_ID.eq(lead.value())).and(AUDIT.STATUS.eq("SIGNED"))));
    }

    Optional<Nonconformity> find(NonconformityId id) {
        return select(NONCONFORMITY.ID.eq(id.value())).stream().findFirst();
    }

    List<Nonconformity> ofUnit(UnitId unit, boolean openOnly) {
        Condition condition = NONCONFORMITY.UNIT_ID.eq(unit.value());
        return select(openOnly ? condition.and(NONCONFORMITY.STATUS.ne(Nonconformity.Status.CLOSED.name())) : condition);
    }

    private List<Nonconformity> select(Condition condition) {
        return dsl.select(NONCONFORMITY.asterisk(), APP_USER.FULL_NAME, DOCUMENT.CODE, AUDIT_ITEM.AUDIT_ID)
                .from(NONCONFORMITY)
                .join(APP_USER).on(APP_USER.ID.eq(NONCONFORMITY.REPORTED_BY))
                .leftJoin(DOCUMENT).on(DOCUMENT.ID.eq(NONCONFORMITY.DOCUMENT_ID))
                .leftJoin(AUDIT_ITEM).on(AUDIT_ITEM.ID.eq(NONCONFORMITY.AUDIT_ITEM_ID))
                .where(condition)
                .orderBy(NONCONFORMITY.REPORTED_AT.desc(), NONCONFORMITY.ID.desc())
                .fetch(r -> new Nonconformity(new NonconformityId(r.get(NONCONFORMITY.ID)),
                        new UnitId(r.get(NONCONFORMITY.UNIT_ID)),
                        Nonconformity.Source.valueOf(r.get(NONCONFORMITY.SOURCE)), r.get(NONCONFORMITY.DESCRIPTION),
                        Nonconformity.Severity.valueOf(r.get(NONCONFORMITY.SEVERITY)), r.get(NONCONFORMITY.CLAUSE_CODE),
                        r.get(NONCONFORMITY.DOCUMENT_ID), r.get(DOCUMENT.CODE), r.get(AUDIT_ITEM.AUDIT_ID),
                        r.get(NONCONFORMITY.AUDIT_ITEM_ID), Nonconformity.Status.valueOf(r.get(NONCONFORMITY.STATUS)),
                        r.get(APP_USER.FULL_NAME), r.get(NONCONFORMITY.REPORTED_AT)));
    }
}
