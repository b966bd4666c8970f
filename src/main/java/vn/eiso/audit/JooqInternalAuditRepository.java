package vn.eiso.audit;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.AUDIT;
import static vn.eiso.db.Tables.AUDIT_ITEM;
import static vn.eiso.db.Tables.AUDIT_ITEM_FILE;
import static vn.eiso.db.Tables.AUDIT_SCOPE_CLAUSE;
import static vn.eiso.db.Tables.AUDIT_SCOPE_DOCUMENT;
import static vn.eiso.db.Tables.AUDIT_TEAM;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.ISO_CLAUSE;
import static vn.eiso.db.Tables.NONCONFORMITY;
import static vn.eiso.db.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.document.DocumentId;
import vn.eiso.nonconformity.Nonconformity;

@Repository
class JooqInternalAuditRepository {

    private static final Table<?> SIGNER = APP_USER.as("signer");
    private static final Table<?> ACKNOWLEDGER = APP_USER.as("acknowledger");
    private static final Field<Integer> FINDINGS = DSL.field(DSL.selectCount().from(AUDIT_ITEM)
            .where(AUDIT_ITEM.AUDIT_ID.eq(AUDIT.ID)
                    .and(AUDIT_ITEM.RESULT.in(ItemResult.MINOR_NC.name(), ItemResult.MAJOR_NC.name()))))
            .as("findings");

    private final DSLContext dsl;

    JooqInternalAuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<IsoClause> clauses() {
        return dsl.selectFrom(ISO_CLAUSE).orderBy(ISO_CLAUSE.SORT_ORDER)
                .fetch(r -> new IsoClause(r.getCode(), r.getParentCode(), r.getTitleVi(), r.getTitleEn()));
    }

    AuditId insert(UnitId unit, AuditPlan plan, OffsetDateTime now) {
        long id = dsl.insertInto(AUDIT)
                .set(AUDIT.UNIT_ID, unit.value())
                .set(AUDIT.AUDIT_YEAR, plan.startsOn().getYear())
                .set(AUDIT.TITLE, plan.title())
                .set(AUDIT.CRITERIA, plan.criteria())
                .set(AUDIT.STARTS_ON, plan.startsOn())
                .set(AUDIT.ENDS_ON, plan.endsOn())
                .set(AUDIT.LEAD_AUDITOR_ID, plan.lead().value())
                .set(AUDIT.STATUS, AuditStatus.PLANNED.name())
                .set(AUDIT.CREATED_AT, now)
                .returning(AUDIT.ID).fetchOne(AUDIT.ID);
        plan.team().forEach(u -> dsl.insertInto(AUDIT_TEAM).set(AUDIT_TEAM.AUDIT_ID, id)
                .set(AUDIT_TEAM.USER_ID, u.value()).execute());
        plan.procedures().forEach(d -> dsl.insertInto(AUDIT_SCOPE_DOCUMENT).set(AUDIT_SCOPE_DOCUMENT.AUDIT_ID, id)
                .set(AUDIT_SCOPE_DOCUMENT.DOCUMENT_ID, d.value()).execute());
        plan.clauses().forEach(c -> dsl.insertInto(AUDIT_SCOPE_CLAUSE).set(AUDIT_SCOPE_CLAUSE.AUDIT_ID, id)
                .set(AUDIT_SCOPE_CLAUSE.CLAUSE_CODE, c).execute());
        return new AuditId(id);
    }

    void insertItem(AuditId audit, int position, String clause, Long document, String question) {
        dsl.insertInto(AUDIT_ITEM)
                .set(AUDIT_ITEM.AUDIT_ID, audit.value())
                .set(AUDIT_ITEM.POSITION, position)
                .set(AUDIT_ITEM.CLAUSE_CODE, clause)
                .set(AUDIT_ITEM.DOCUMENT_ID, document)
                .set(AUDIT_ITEM.QUESTION, question)
                .execute();
    }

    /**
     * Locks the audit's row until the transaction ends: whoever changes its checklist, evidence or report and
     * whoever signs it off take turns, so nothing slips in beside a sign-off.
     */
    void lock(AuditId id) {
        dsl.select(AUDIT.ID).from(AUDIT).where(AUDIT.ID.eq(id.value())).forUpdate().fetch();
    }

    Optional<Audit> find(AuditId id) {
        return dsl.select(AUDIT.asterisk(), UNIT.NAME, APP_USER.FULL_NAME, SIGNER.field(APP_USER.FULL_NAME),
                        ACKNOWLEDGER.field(APP_USER.FULL_NAME))
                .from(AUDIT)
                .join(UNIT).on(UNIT.ID.eq(AUDIT.UNIT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(AUDIT.LEAD_AUDITOR_ID))
                .leftJoin(SIGNER).on(SIGNER.field(APP_USER.ID).eq(AUDIT.SIGNED_BY))
                .leftJoin(ACKNOWLEDGER).on(ACKNOWLEDGER.field(APP_USER.ID).eq(AUDIT.ACKNOWLEDGED_BY))
                .where(AUDIT.ID.eq(id.value()))
                .fetchOptional(r -> new Audit(id, new UnitId(r.get(AUDIT.UNIT_ID)), r.get(UNIT.NAME),
                        r.get(AUDIT.AUDIT_YEAR), r.get(AUDIT.TITLE), r.get(AUDIT.CRITERIA), r.get(AUDIT.STARTS_ON),
                        r.get(AUDIT.ENDS_ON), new Person(new UserId(r.get(AUDIT.LEAD_AUDITOR_ID)),
                                r.get(APP_USER.FULL_NAME), null),
                        team(id), procedures(id), clausesOf(id), AuditStatus.valueOf(r.get(AUDIT.STATUS)),
                        r.get(AUDIT.SUMMARY), r.get(AUDIT.CONCLUSION), r.get(SIGNER.field(APP_USER.FULL_NAME)),
                        r.get(AUDIT.SIGNED_AT), r.get(ACKNOWLEDGER.field(APP_USER.FULL_NAME)),
                        r.get(AUDIT.ACKNOWLEDGED_AT), r.get(AUDIT.VERSION)));
    }

    private List<Person> team(AuditId id) {
        return dsl.select(APP_USER.ID, APP_USER.FULL_NAME).from(AUDIT_TEAM).join(APP_USER)
                .on(APP_USER.ID.eq(AUDIT_TEAM.USER_ID)).where(AUDIT_TEAM.AUDIT_ID.eq(id.value()))
                .orderBy(APP_USER.FULL_NAME)
                .fetch(r -> new Person(new UserId(r.value1()), r.value2(), null));
    }

    private List<Audit.ScopedProcedure> procedures(AuditId id) {
        return dsl.select(DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TITLE).from(AUDIT_SCOPE_DOCUMENT).join(DOCUMENT)
                .on(DOCUMENT.ID.eq(AUDIT_SCOPE_DOCUMENT.DOCUMENT_ID)).where(AUDIT_SCOPE_DOCUMENT.AUDIT_ID.eq(id.value()))
                .orderBy(DOCUMENT.CODE)
                .fetch(r -> new Audit.ScopedProcedure(r.value1(), r.value2(), r.value3()));
    }

    private List<String> clausesOf(AuditId id) {
        return dsl.select(AUDIT_SCOPE_CLAUSE.CLAUSE_CODE).from(AUDIT_SCOPE_CLAUSE).join(ISO_CLAUSE)
                .on(ISO_CLAUSE.CODE.eq(AUDIT_SCOPE_CLAUSE.CLAUSE_CODE))
                .where(AUDIT_SCOPE_CLAUSE.AUDIT_ID.eq(id.value())).orderBy(ISO_CLAUSE.SORT_ORDER)
                .fetch(AUDIT_SCOPE_CLAUSE.CLAUSE_CODE);
    }

    List<AuditSummary> list(Condition condition) {
        return dsl.select(AUDIT.ID, AUDIT.UNIT_ID, UNIT.NAME, AUDIT.TITLE, AUDIT.STARTS_ON, AUDIT.ENDS_ON,
                        APP_USER.FULL_NAME, AUDIT.STATUS, FINDINGS)
                .from(AUDIT)
                .join(UNIT).on(UNIT.ID.eq(AUDIT.UNIT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(AUDIT.LEAD_AUDITOR_ID))
                .where(condition)
                .orderBy(AUDIT.STARTS_ON, AUDIT.ID)
                .fetch(r -> new AuditSummary(new AuditId(r.get(AUDIT.ID)), new UnitId(r.get(AUDIT.UNIT_ID)),
                        r.get(UNIT.NAME), r.get(AUDIT.TITLE), r.get(AUDIT.STARTS_ON), r.get(AUDIT.ENDS_ON),
                        r.get(APP_USER.FULL_NAME), AuditStatus.valueOf(r.get(AUDIT.STATUS)), r.get(FINDINGS)));
    }

    static Condition ofUnitYear(UnitId unit, int year) {
        return AUDIT.UNIT_ID.eq(unit.value()).and(AUDIT.AUDIT_YEAR.eq(year));
    }

    static Condition assignedTo(UserId user) {
        return AUDIT.LEAD_AUDITOR_ID.eq(user.value()).or(AUDIT.ID.in(
                DSL.select(AUDIT_TEAM.AUDIT_ID).from(AUDIT_TEAM).where(AUDIT_TEAM.USER_ID.eq(user.value()))));
    }

    /** Audits signed by the lead auditor and not yet acknowledged by the head, in the units. */
    static Condition signedIn(java.util.Collection<UnitId> units) {
        return AUDIT.UNIT_ID.in(units.stream().map(UnitId::value).toList())
                .and(AUDIT.STATUS.eq(AuditStatus.SIGNED.name()));
    }

    /** Planned audits starting within the window, and open audits whose end date has passed. */
    static Condition needingAttention(UnitId unit, LocalDate today, LocalDate horizon) {
        Condition open = AUDIT.STATUS.in(AuditStatus.PLANNED.name(), AuditStatus.IN_PROGRESS.name());
        return AUDIT.UNIT_ID.eq(unit.value()).and(open)
                .and(AUDIT.ENDS_ON.lt(today).or(AUDIT.STARTS_ON.between(today, horizon)));
    }

    /** Every audit's id, in order: what a rebuild of the search index walks. */
    List<AuditId> ids() {
        return dsl.select(AUDIT.ID).from(AUDIT).orderBy(AUDIT.ID).fetch(r -> new AuditId(r.value1()));
    }

    List<AuditItem> items(AuditId id) {
        return dsl.select(AUDIT_ITEM.asterisk(), DOCUMENT.CODE, DOCUMENT.TITLE, NONCONFORMITY.ID)
                .from(AUDIT_ITEM)
                .leftJoin(DOCUMENT).on(DOCUMENT.ID.eq(AUDIT_ITEM.DOCUMENT_ID))
                .leftJoin(NONCONFORMITY).on(NONCONFORMITY.AUDIT_ITEM_ID.eq(AUDIT_ITEM.ID))
                .where(AUDIT_ITEM.AUDIT_ID.eq(id.value()))
                .orderBy(AUDIT_ITEM.POSITION)
                .fetch(JooqInternalAuditRepository::item);
    }

    private static AuditItem item(Record r) {
        String result = r.get(AUDIT_ITEM.RESULT);
        return new AuditItem(new AuditItemId(r.get(AUDIT_ITEM.ID)), r.get(AUDIT_ITEM.POSITION),
                r.get(AUDIT_ITEM.CLAUSE_CODE), r.get(AUDIT_ITEM.DOCUMENT_ID), r.get(DOCUMENT.CODE),
                r.get(DOCUMENT.TITLE), r.get(AUDIT_ITEM.QUESTION), r.get(AUDIT_ITEM.EVIDENCE),
                result == null ? null : ItemResult.valueOf(result), r.get(NONCONFORMITY.ID),
                r.get(AUDIT_ITEM.VERSION));
    }

    Optional<AuditId> auditOf(AuditItemId item) {
        return dsl.select(AUDIT_ITEM.AUDIT_ID).from(AUDIT_ITEM).where(AUDIT_ITEM.ID.eq(item.value()))
                .fetchOptional(r -> new AuditId(r.value1()));
    }

    boolean updateItem(AuditItemId id, int version, String evidence, ItemResult result) {
        return dsl.update(AUDIT_ITEM)
                .set(AUDIT_ITEM.EVIDENCE, evidence)
                .set(AUDIT_ITEM.RESULT, result == null ? null : result.name())
                .set(AUDIT_ITEM.VERSION, AUDIT_ITEM.VERSION.plus(1))
                .where(AUDIT_ITEM.ID.eq(id.value()).and(AUDIT_ITEM.VERSION.eq(version)))
                .execute() == 1;
    }

    void insertFile(AuditItemId item, String name, String type, long size, String sha256, UserId by,
            OffsetDateTime now) {
        dsl.insertInto(AUDIT_ITEM_FILE)
                .set(AUDIT_ITEM_FILE.ITEM_ID, item.value())
                .set(AUDIT_ITEM_FILE.FILE_NAME, name)
                .set(AUDIT_ITEM_FILE.CONTENT_TYPE, type)
                .set(AUDIT_ITEM_FILE.SIZE_BYTES, size)
                .set(AUDIT_ITEM_FILE.SHA256, sha256)
                .set(AUDIT_ITEM_FILE.ADDED_BY, by.value())
                .set(AUDIT_ITEM_FILE.ADDED_AT, now)
                .execute();
    }

    List<EvidenceFile> files(AuditId audit) {
        return dsl.select(AUDIT_ITEM_FILE.ID, AUDIT_ITEM_FILE.ITEM_ID, AUDIT_ITEM_FILE.FILE_NAME,
                        AUDIT_ITEM_FILE.CONTENT_TYPE, AUDIT_ITEM_FILE.SIZE_BYTES)
                .from(AUDIT_ITEM_FILE).join(AUDIT_ITEM).on(AUDIT_ITEM.ID.eq(AUDIT_ITEM_FILE.ITEM_ID))
                .where(AUDIT_ITEM.AUDIT_ID.eq(audit.value()))
                .orderBy(AUDIT_ITEM_FILE.ID)
                .fetch(r -> new EvidenceFile(r.value1(), new AuditItemId(r.value2()), r.value3(), r.value4(),
                        r.value5()));
    }

    /** The file's item and stored hash, if it exists. */
    Optional<Map.Entry<AuditItemId, String>> file(long id) {
        return dsl.select(AUDIT_ITEM_FILE.ITEM_ID, AUDIT_ITEM_FILE.SHA256).from(AUDIT_ITEM_FILE)
                .where(AUDIT_ITEM_FILE.ID.eq(id))
                .fetchOptional(r -> Map.entry(new AuditItemId(r.value1()), r.value2()));
    }

    void deleteFile(long id) {
        dsl.deleteFrom(AUDIT_ITEM_FILE).where(AUDIT_ITEM_FILE.ID.eq(id)).execute();
    }

    void markInProgress(AuditId id) {
        dsl.update(AUDIT).set(AUDIT.STATUS, AuditStatus.IN_PROGRESS.name())
                .where(AUDIT.ID.eq(id.value()).and(AUDIT.STATUS.eq(AuditStatus.PLANNED.name()))).execute();
    }

    boolean saveReport(AuditId id, int version, String summary, String conclusion) {
        return dsl.update(AUDIT)
                .set(AUDIT.SUMMARY, summary)
                .set(AUDIT.CONCLUSION, conclusion)
                .set(AUDIT.STATUS, AuditStatus.IN_PROGRESS.name())
                .set(AUDIT.VERSION, AUDIT.VERSION.plus(1))
                .where(AUDIT.ID.eq(id.value()).and(AUDIT.VERSION.eq(version))
                        .and(AUDIT.STATUS.in(AuditStatus.PLANNED.name(), AuditStatus.IN_PROGRESS.name())))
                .execute() == 1;
    }

    boolean sign(AuditId id, int version, UserId by, OffsetDateTime now) {
        return advance(id, version, AuditStatus.IN_PROGRESS, AuditStatus.SIGNED, AUDIT.SIGNED_BY, AUDIT.SIGNED_AT, by,
                now);
    }

    boolean acknowledge(AuditId id, int version, UserId by, OffsetDateTime now) {
        return advance(id, version, AuditStatus.SIGNED, AuditStatus.ACKNOWLEDGED, AUDIT.ACKNOWLEDGED_BY,
                AUDIT.ACKNOWLEDGED_AT, by, now);
    }

    /** Moves the audit one step on, recording who and when; false when it was elsewhere or changed meanwhile. */
    private boolean advance(AuditId id, int version, AuditStatus from, AuditStatus to, Field<Long> byField,
            Field<OffsetDateTime> atField, UserId by, OffsetDateTime now) {
        return dsl.update(AUDIT)
                .set(AUDIT.STATUS, to.name())
                .set(byField, by.value())
                .set(atField, now)
                .set(AUDIT.VERSION, AUDIT.VERSION.plus(1))
                .where(AUDIT.ID.eq(id.value()).and(AUDIT.VERSION.eq(version)).and(AUDIT.STATUS.eq(from.name())))
                .execute() == 1;
    }

    /** Removes a planned audit nobody has started; false when it was started or changed meanwhile. */
    boolean deletePlanned(AuditId id, int version) {
        int deleted = dsl.deleteFrom(AUDIT).where(AUDIT.ID.eq(id.value()).and(AUDIT.VERSION.eq(version))
                .and(AUDIT.STATUS.eq(AuditStatus.PLANNED.name()))).execute();
        return deleted == 1;
    }

    void deleteChildren(AuditId id) {
        dsl.deleteFrom(AUDIT_ITEM_FILE).where(AUDIT_ITEM_FILE.ITEM_ID.in(
                DSL.select(AUDIT_ITEM.ID).from(AUDIT_ITEM).where(AUDIT_ITEM.AUDIT_ID.eq(id.value())))).execute();
        dsl.deleteFrom(AUDIT_ITEM).where(AUDIT_ITEM.AUDIT_ID.eq(id.value())).execute();
        dsl.deleteFrom(AUDIT_TEAM).where(AUDIT_TEAM.AUDIT_ID.eq(id.value())).execute();
        dsl.deleteFrom(AUDIT_SCOPE_DOCUMENT).where(AUDIT_SCOPE_DOCUMENT.AUDIT_ID.eq(id.value())).execute();
        dsl.deleteFrom(AUDIT_SCOPE_CLAUSE).where(AUDIT_SCOPE_CLAUSE.AUDIT_ID.eq(id.value())).execute();
    }

    /** How many of the year's audits have each procedure in scope. */
    Map<Long, Integer> plannedPerProcedure(UnitId unit, int year) {
        return dsl.select(AUDIT_SCOPE_DOCUMENT.DOCUMENT_ID, DSL.count())
                .from(AUDIT_SCOPE_DOCUMENT).join(AUDIT).on(AUDIT.ID.eq(AUDIT_SCOPE_DOCUMENT.AUDIT_ID))
                .where(ofUnitYear(unit, year))
                .groupBy(AUDIT_SCOPE_DOCUMENT.DOCUMENT_ID)
                .fetchMap(AUDIT_SCOPE_DOCUMENT.DOCUMENT_ID, DSL.count());
    }

    /** Nonconformity findings per procedure in the year's audits. */
    Map<Long, Integer> findingsPerProcedure(UnitId unit, int year) {
        return dsl.select(AUDIT_ITEM.DOCUMENT_ID, DSL.count())
                .from(AUDIT_ITEM).join(AUDIT).on(AUDIT.ID.eq(AUDIT_ITEM.AUDIT_ID))
                .where(ofUnitYear(unit, year).and(AUDIT_ITEM.DOCUMENT_ID.isNotNull())
                        .and(AUDIT_ITEM.RESULT.in(ItemResult.MINOR_NC.name(), ItemResult.MAJOR_NC.name())))
                .groupBy(AUDIT_ITEM.DOCUMENT_ID)
                .fetchMap(AUDIT_ITEM.DOCUMENT_ID, DSL.count());
    }

    Set<String> clausesInScope(UnitId unit, int year) {
        return dsl.selectDistinct(AUDIT_SCOPE_CLAUSE.CLAUSE_CODE).from(AUDIT_SCOPE_CLAUSE).join(AUDIT)
                .on(AUDIT.ID.eq(AUDIT_SCOPE_CLAUSE.AUDIT_ID)).where(ofUnitYear(unit, year))
                .fetchSet(AUDIT_SCOPE_CLAUSE.CLAUSE_CODE);
    }

    /** Nonconformities opened by audit findings of the unit that are not closed yet. */
    int openFindings(UnitId unit) {
        return dsl.fetchCount(NONCONFORMITY, NONCONFORMITY.UNIT_ID.eq(unit.value())
                .and(NONCONFORMITY.AUDIT_ITEM_ID.isNotNull())
                .and(NONCONFORMITY.STATUS.ne(Nonconformity.Status.CLOSED.name())));
    }

    CompletedAudits completedSince(UnitId unit, LocalDate since) {
        Condition completed = AUDIT.UNIT_ID.eq(unit.value()).and(AUDIT.ENDS_ON.ge(since))
                .and(AUDIT.STATUS.in(AuditStatus.SIGNED.name(), AuditStatus.ACKNOWLEDGED.name()));
        int count = dsl.fetchCount(AUDIT, completed);
        Set<DocumentId> procedures = new HashSet<>(dsl.selectDistinct(AUDIT_SCOPE_DOCUMENT.DOCUMENT_ID)
                .from(AUDIT_SCOPE_DOCUMENT).join(AUDIT).on(AUDIT.ID.eq(AUDIT_SCOPE_DOCUMENT.AUDIT_ID))
                .where(completed).fetch(r -> new DocumentId(r.value1())));
        return new CompletedAudits(count, procedures);
    }
}
