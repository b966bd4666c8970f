package vn.eiso.nonconformity;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.AUDIT;
import static vn.eiso.db.Tables.AUDIT_ITEM;
import static vn.eiso.db.Tables.CORRECTIVE_ACTION;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.ISO_CLAUSE;
import static vn.eiso.db.Tables.NC_EVENT;
import static vn.eiso.db.Tables.NC_FILE;
import static vn.eiso.db.Tables.NONCONFORMITY;
import static vn.eiso.db.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

@Repository
class JooqNonconformityRepository {

    private static final Table<?> VERIFIER = APP_USER.as("verifier");

    private final DSLContext dsl;

    JooqNonconformityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    NonconformityId insertFinding(NewFinding finding, UserId by, OffsetDateTime now) {
        return insert(finding.unitId(), Nonconformity.Source.INTERNAL_AUDIT, finding.description(),
                finding.severity(), finding.clauseCode(), finding.documentId(), finding.auditItemId(), by, now);
    }

    NonconformityId insertReport(NcReport report, UserId by, OffsetDateTime now) {
        return insert(report.unitId(), report.source(), report.description(), Nonconformity.Severity.MINOR,
                report.clauseCode(), report.documentId(), null, by, now);
    }

    private NonconformityId insert(UnitId unit, Nonconformity.Source source, String description,
            Nonconformity.Severity severity, String clause, Long document, Long auditItem, UserId by,
            OffsetDateTime now) {
        return new NonconformityId(dsl.insertInto(NONCONFORMITY)
                .set(NONCONFORMITY.UNIT_ID, unit.value())
                .set(NONCONFORMITY.SOURCE, source.name())
                .set(NONCONFORMITY.DESCRIPTION, description)
                .set(NONCONFORMITY.SEVERITY, severity.name())
                .set(NONCONFORMITY.CLAUSE_CODE, clause)
                .set(NONCONFORMITY.DOCUMENT_ID, document)
                .set(NONCONFORMITY.AUDIT_ITEM_ID, auditItem)
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

    /** The columns a step of the workflow may change. */
    enum Column {
        STATUS, SEVERITY, CLAUSE_CODE, DOCUMENT_ID, CORRECTION, ROOT_CAUSE, CAUSE_CATEGORY, VERIFIER_ID, VERIFY_DUE_ON, VERIFICATION_NOTE,
        CLOSED_REASON, CLOSED_AT, REOPENED, REVISION_ID, CHANGE_REQUEST_ID
    }

    private static Field<?> field(Column column) {
        return switch (column) {
            case STATUS -> NONCONFORMITY.STATUS;
            case SEVERITY -> NONCONFORMITY.SEVERITY;
            case CLAUSE_CODE -> NONCONFORMITY.CLAUSE_CODE;
            case DOCUMENT_ID -> NONCONFORMITY.DOCUMENT_ID;
            case CORRECTION -> NONCONFORMITY.CORRECTION;
            case ROOT_CAUSE -> NONCONFORMITY.ROOT_CAUSE;
            case CAUSE_CATEGORY -> NONCONFORMITY.CAUSE_CATEGORY;
            case VERIFIER_ID -> NONCONFORMITY.VERIFIER_ID;
            case VERIFY_DUE_ON -> NONCONFORMITY.VERIFY_DUE_ON;
            case VERIFICATION_NOTE -> NONCONFORMITY.VERIFICATION_NOTE;
            case CLOSED_REASON -> NONCONFORMITY.CLOSED_REASON;
            case CLOSED_AT -> NONCONFORMITY.CLOSED_AT;
            case REOPENED -> NONCONFORMITY.REOPENED;
            case REVISION_ID -> NONCONFORMITY.REVISION_ID;
            case CHANGE_REQUEST_ID -> NONCONFORMITY.CHANGE_REQUEST_ID;
        };
    }

    /**
     * Changes the given columns if the nonconformity is still at this version and in one of the statuses the move
     * starts from; false when someone else moved it first.
     */
    boolean update(NonconformityId id, int version, List<Nonconformity.Status> from, Map<Column, Object> changes) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        changes.forEach((column, value) -> values.put(field(column), value));
        return dsl.update(NONCONFORMITY)
                .set(values)
                .set(NONCONFORMITY.VERSION, NONCONFORMITY.VERSION.plus(1))
                .where(NONCONFORMITY.ID.eq(id.value()).and(NONCONFORMITY.VERSION.eq(version))
                        .and(NONCONFORMITY.STATUS.in(from.stream().map(Enum::name).toList())))
                .execute() == 1;
    }

    /** The sub-clauses of ISO 9001:2015 a nonconformity may be filed under, in order. */
    List<String> clauses() {
        return dsl.select(ISO_CLAUSE.CODE).from(ISO_CLAUSE).where(ISO_CLAUSE.PARENT_CODE.isNotNull())
                .orderBy(ISO_CLAUSE.SORT_ORDER).fetch(ISO_CLAUSE.CODE);
    }

    /** Locks the row until the transaction ends, so that actions and verification take turns with each other. */
    void lock(NonconformityId id) {
        dsl.select(NONCONFORMITY.ID).from(NONCONFORMITY).where(NONCONFORMITY.ID.eq(id.value())).forUpdate().fetch();
    }

    Optional<Nonconformity> find(NonconformityId id) {
        return select(NONCONFORMITY.ID.eq(id.value())).stream().findFirst();
    }

    List<Nonconformity> ofUnit(UnitId unit, boolean openOnly) {
        Condition condition = NONCONFORMITY.UNIT_ID.eq(unit.value());
        return select(openOnly ? condition.and(NONCONFORMITY.STATUS.ne(Nonconformity.Status.CLOSED.name())) : condition);
    }

    /** Every nonconformity, for a full rebuild of the search index. */
    void forEach(Consumer<Nonconformity> sink) {
        query(DSL.noCondition()).fetchSize(500).fetchStream().map(JooqNonconformityRepository::toNonconformity)
                .forEach(sink);
    }

    long count() {
        return dsl.fetchCount(NONCONFORMITY);
    }

    private List<Nonconformity> select(Condition condition) {
        return query(condition).fetch(JooqNonconformityRepository::toNonconformity);
    }

    private ResultQuery<Record> query(Condition condition) {
        return dsl.select(NONCONFORMITY.asterisk(), UNIT.NAME, APP_USER.FULL_NAME, VERIFIER.field(APP_USER.FULL_NAME),
                        DOCUMENT.CODE, AUDIT_ITEM.AUDIT_ID)
                .from(NONCONFORMITY)
                .join(UNIT).on(UNIT.ID.eq(NONCONFORMITY.UNIT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(NONCONFORMITY.REPORTED_BY))
                .leftJoin(VERIFIER).on(VERIFIER.field(APP_USER.ID).eq(NONCONFORMITY.VERIFIER_ID))
                .leftJoin(DOCUMENT).on(DOCUMENT.ID.eq(NONCONFORMITY.DOCUMENT_ID))
                .leftJoin(AUDIT_ITEM).on(AUDIT_ITEM.ID.eq(NONCONFORMITY.AUDIT_ITEM_ID))
                .where(condition)
                .orderBy(NONCONFORMITY.REPORTED_AT.desc(), NONCONFORMITY.ID.desc());
    }

    private static Nonconformity toNonconformity(Record r) {
        String category = r.get(NONCONFORMITY.CAUSE_CATEGORY);
        Long verifier = r.get(NONCONFORMITY.VERIFIER_ID);
        return new Nonconformity(new NonconformityId(r.get(NONCONFORMITY.ID)), new UnitId(r.get(NONCONFORMITY.UNIT_ID)),
                r.get(UNIT.NAME), Nonconformity.Source.valueOf(r.get(NONCONFORMITY.SOURCE)),
                r.get(NONCONFORMITY.DESCRIPTION), Nonconformity.Severity.valueOf(r.get(NONCONFORMITY.SEVERITY)),
                r.get(NONCONFORMITY.CLAUSE_CODE), r.get(NONCONFORMITY.DOCUMENT_ID), r.get(DOCUMENT.CODE),
                r.get(AUDIT_ITEM.AUDIT_ID), r.get(NONCONFORMITY.AUDIT_ITEM_ID),
                Nonconformity.Status.valueOf(r.get(NONCONFORMITY.STATUS)), new UserId(r.get(NONCONFORMITY.REPORTED_BY)),
                r.get(APP_USER.FULL_NAME), r.get(NONCONFORMITY.REPORTED_AT), r.get(NONCONFORMITY.CORRECTION),
                r.get(NONCONFORMITY.ROOT_CAUSE), category == null ? null : Nonconformity.CauseCategory.valueOf(category),
                verifier == null ? null : new UserId(verifier), r.get(VERIFIER.field(APP_USER.FULL_NAME)),
                r.get(NONCONFORMITY.VERIFY_DUE_ON), r.get(NONCONFORMITY.VERIFICATION_NOTE),
                r.get(NONCONFORMITY.CLOSED_REASON), r.get(NONCONFORMITY.CLOSED_AT),
                r.get(NONCONFORMITY.CHANGE_REQUEST_ID), r.get(NONCONFORMITY.REVISION_ID), r.get(NONCONFORMITY.REOPENED),
                r.get(NONCONFORMITY.VERSION));
    }

    void insertEvent(NonconformityId id, OffsetDateTime at, UserId actor, Nonconformity.Status from,
            Nonconformity.Status to, String note) {
        dsl.insertInto(NC_EVENT)
                .set(NC_EVENT.NC_ID, id.value())
                .set(NC_EVENT.OCCURRED_AT, at)
                .set(NC_EVENT.ACTOR_ID, actor.value())
                .set(NC_EVENT.FROM_STATUS, from == null ? null : from.name())
                .set(NC_EVENT.TO_STATUS, to.name())
                .set(NC_EVENT.NOTE, note)
                .execute();
    }

    List<NcEvent> events(NonconformityId id) {
        return dsl.select(NC_EVENT.OCCURRED_AT, APP_USER.FULL_NAME, NC_EVENT.FROM_STATUS, NC_EVENT.TO_STATUS,
                        NC_EVENT.NOTE)
                .from(NC_EVENT).join(APP_USER).on(APP_USER.ID.eq(NC_EVENT.ACTOR_ID))
                .where(NC_EVENT.NC_ID.eq(id.value()))
                .orderBy(NC_EVENT.OCCURRED_AT, NC_EVENT.ID)
                .fetch(r -> new NcEvent(r.value1(), r.value2(),
                        r.value3() == null ? null : Nonconformity.Status.valueOf(r.value3()),
                        Nonconformity.Status.valueOf(r.value4()), r.value5()));
    }

    long insertAction(NonconformityId nc, UnitId unit, String description, UserId owner, LocalDate dueOn, int round,
            OffsetDateTime now) {
        return dsl.insertInto(CORRECTIVE_ACTION)
                .set(CORRECTIVE_ACTION.NC_ID, nc.value())
                .set(CORRECTIVE_ACTION.UNIT_ID, unit.value())
                .set(CORRECTIVE_ACTION.DESCRIPTION, description)
                .set(CORRECTIVE_ACTION.OWNER_ID, owner.value())
                .set(CORRECTIVE_ACTION.DUE_ON, dueOn)
                .set(CORRECTIVE_ACTION.ROUND, round)
                .set(CORRECTIVE_ACTION.CREATED_AT, now)
                .returning(CORRECTIVE_ACTION.ID).fetchOne(CORRECTIVE_ACTION.ID);
    }

    boolean completeAction(long id, int version, String evidence, OffsetDateTime now) {
        return dsl.update(CORRECTIVE_ACTION)
                .set(CORRECTIVE_ACTION.DONE_AT, now)
                .set(CORRECTIVE_ACTION.EVIDENCE, evidence)
                .set(CORRECTIVE_ACTION.VERSION, CORRECTIVE_ACTION.VERSION.plus(1))
                .where(CORRECTIVE_ACTION.ID.eq(id).and(CORRECTIVE_ACTION.VERSION.eq(version))
                        .and(CORRECTIVE_ACTION.DONE_AT.isNull()))
                .execute() == 1;
    }

    Optional<CorrectiveAction> action(long id) {
        return actions(CORRECTIVE_ACTION.ID.eq(id)).stream().findFirst();
    }

    List<CorrectiveAction> actionsOf(NonconformityId nc) {
        return actions(CORRECTIVE_ACTION.NC_ID.eq(nc.value()));
    }

    /** The unit's actions not done whose due date is before {@code today}. */
    List<CorrectiveAction> overdue(UnitId unit, LocalDate today) {
        return actions(CORRECTIVE_ACTION.UNIT_ID.eq(unit.value()).and(CORRECTIVE_ACTION.DONE_AT.isNull())
                .and(CORRECTIVE_ACTION.DUE_ON.lt(today)));
    }

    /** A person's actions not done yet, anywhere. */
    List<CorrectiveAction> openActionsOf(UserId owner) {
        return actions(CORRECTIVE_ACTION.OWNER_ID.eq(owner.value()).and(CORRECTIVE_ACTION.DONE_AT.isNull()));
    }

    private List<CorrectiveAction> actions(Condition condition) {
        return dsl.select(CORRECTIVE_ACTION.asterisk(), APP_USER.FULL_NAME).from(CORRECTIVE_ACTION)
                .join(APP_USER).on(APP_USER.ID.eq(CORRECTIVE_ACTION.OWNER_ID))
                .where(condition)
                .orderBy(CORRECTIVE_ACTION.DUE_ON, CORRECTIVE_ACTION.ID)
                .fetch(r -> new CorrectiveAction(r.get(CORRECTIVE_ACTION.ID),
                        new NonconformityId(r.get(CORRECTIVE_ACTION.NC_ID)), r.get(CORRECTIVE_ACTION.DESCRIPTION),
                        new UserId(r.get(CORRECTIVE_ACTION.OWNER_ID)), r.get(APP_USER.FULL_NAME),
                        r.get(CORRECTIVE_ACTION.DUE_ON), r.get(CORRECTIVE_ACTION.DONE_AT),
                        r.get(CORRECTIVE_ACTION.EVIDENCE), r.get(CORRECTIVE_ACTION.ROUND),
                        r.get(CORRECTIVE_ACTION.VERSION)));
    }

    void insertFile(NonconformityId nc, String name, String type, long size, String sha256, UserId by,
            OffsetDateTime now) {
        dsl.insertInto(NC_FILE)
                .set(NC_FILE.NC_ID, nc.value())
                .set(NC_FILE.FILE_NAME, name)
                .set(NC_FILE.CONTENT_TYPE, type)
                .set(NC_FILE.SIZE_BYTES, size)
                .set(NC_FILE.SHA256, sha256)
                .set(NC_FILE.ADDED_BY, by.value())
                .set(NC_FILE.ADDED_AT, now)
                .execute();
    }

    List<NcFile> files(NonconformityId nc) {
        return dsl.select(NC_FILE.ID, NC_FILE.FILE_NAME, NC_FILE.CONTENT_TYPE, NC_FILE.SIZE_BYTES, NC_FILE.SHA256)
                .from(NC_FILE).where(NC_FILE.NC_ID.eq(nc.value())).orderBy(NC_FILE.ID)
                .fetch(r -> new NcFile(r.value1(), nc, r.value2(), r.value3(), r.value4(), r.value5()));
    }

    Optional<NcFile> file(long id) {
        return dsl.select(NC_FILE.ID, NC_FILE.NC_ID, NC_FILE.FILE_NAME, NC_FILE.CONTENT_TYPE, NC_FILE.SIZE_BYTES,
                        NC_FILE.SHA256)
                .from(NC_FILE).where(NC_FILE.ID.eq(id))
                .fetchOptional(r -> new NcFile(r.value1(), new NonconformityId(r.value2()), r.value3(), r.value4(),
                        r.value5(), r.value6()));
    }
}
