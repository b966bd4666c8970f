package vn.eiso.announcement;

import static vn.eiso.db.Tables.ANNOUNCEMENT;
import static vn.eiso.db.Tables.ANNOUNCEMENT_TEMPLATE;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.QMS_SCOPE;
import static vn.eiso.db.Tables.QMS_SCOPE_ITEM;
import static vn.eiso.db.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.document.DocumentId;

@Repository
class JooqAnnouncementRepository {

    private static final String EFFECTIVE = "EFFECTIVE";

    private final DSLContext dsl;

    JooqAnnouncementRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    QmsScope scope(UnitId unit) {
        var row = dsl.selectFrom(QMS_SCOPE).where(QMS_SCOPE.UNIT_ID.eq(unit.value())).fetchOne();
        List<ScopeItem> items = dsl.select(QMS_SCOPE_ITEM.ID, QMS_SCOPE_ITEM.KIND, QMS_SCOPE_ITEM.CODE,
                        QMS_SCOPE_ITEM.NAME, QMS_SCOPE_ITEM.DOCUMENT_ID, DOCUMENT.CODE, DOCUMENT.TITLE, DOCUMENT.STATUS)
                .from(QMS_SCOPE_ITEM).leftJoin(DOCUMENT).on(DOCUMENT.ID.eq(QMS_SCOPE_ITEM.DOCUMENT_ID)
                        .and(DOCUMENT.UNIT_ID.eq(QMS_SCOPE_ITEM.UNIT_ID)))
                .where(QMS_SCOPE_ITEM.UNIT_ID.eq(unit.value()))
                .orderBy(QMS_SCOPE_ITEM.KIND.desc(), QMS_SCOPE_ITEM.CODE, QMS_SCOPE_ITEM.NAME, QMS_SCOPE_ITEM.ID)
                // A procedure that went to another unit in a split counts as no procedure here.
                .fetch(r -> new ScopeItem(r.value1(), ScopeItem.Kind.valueOf(r.value2()), r.value3(), r.value4(),
                        r.value6() == null ? null : new DocumentId(r.value5()), r.value6(), r.value7(),
                        EFFECTIVE.equals(r.value8())));
        return new QmsScope(row == null ? null : row.getAppliedSince(), row == null ? 0 : row.getVersion(), items);
    }

    /** Sets the application date; the first call creates the unit's scope row. */
    void setAppliedSince(UnitId unit, int version, LocalDate appliedSince, OffsetDateTime now) {
        if (!dsl.fetchExists(QMS_SCOPE, QMS_SCOPE.UNIT_ID.eq(unit.value()))) {
            if (version != 0) {
                throw new ConcurrentEditException();
            }
            try {
                dsl.insertInto(QMS_SCOPE).set(QMS_SCOPE.UNIT_ID, unit.value())
                        .set(QMS_SCOPE.APPLIED_SINCE, appliedSince).set(QMS_SCOPE.VERSION, 1)
                        .set(QMS_SCOPE.UPDATED_AT, now).execute();
            } catch (DuplicateKeyException e) {
                throw new ConcurrentEditException();
            }
            return;
        }
        int changed = dsl.update(QMS_SCOPE).set(QMS_SCOPE.APPLIED_SINCE, appliedSince)
                .set(QMS_SCOPE.VERSION, QMS_SCOPE.VERSION.plus(1)).set(QMS_SCOPE.UPDATED_AT, now)
                .where(QMS_SCOPE.UNIT_ID.eq(unit.value()).and(QMS_SCOPE.VERSION.eq(version))).execute();
        if (changed != 1) {
            throw new ConcurrentEditException();
        }
    }

    long insertItem(UnitId unit, ScopeItem.Kind kind, String code, String name, DocumentId procedure,
            OffsetDateTime now) {
        return dsl.insertInto(QMS_SCOPE_ITEM).set(QMS_SCOPE_ITEM.UNIT_ID, unit.value())
                .set(QMS_SCOPE_ITEM.KIND, kind.name()).set(QMS_SCOPE_ITEM.CODE, code).set(QMS_SCOPE_ITEM.NAME, name)
                .set(QMS_SCOPE_ITEM.DOCUMENT_ID, procedure == null ? null : procedure.value())
                .set(QMS_SCOPE_ITEM.CREATED_AT, now)
                .returning(QMS_SCOPE_ITEM.ID).fetchOne(QMS_SCOPE_ITEM.ID);
    }

    Optional<UnitId> itemUnit(long item) {
        return dsl.select(QMS_SCOPE_ITEM.UNIT_ID).from(QMS_SCOPE_ITEM).where(QMS_SCOPE_ITEM.ID.eq(item))
                .fetchOptional(r -> new UnitId(r.value1()));
    }

    void mapItem(long item, DocumentId procedure) {
        dsl.update(QMS_SCOPE_ITEM).set(QMS_SCOPE_ITEM.DOCUMENT_ID, procedure == null ? null : procedure.value())
                .where(QMS_SCOPE_ITEM.ID.eq(item)).execute();
    }

    void deleteItem(long item) {
        dsl.deleteFrom(QMS_SCOPE_ITEM).where(QMS_SCOPE_ITEM.ID.eq(item)).execute();
    }

    /** Serialises announcing, scope edits and restructuring for one unit. */
    void lockUnit(UnitId unit) {
        dsl.select(UNIT.ID).from(UNIT).where(UNIT.ID.eq(unit.value())).forUpdate().fetch();
    }

    boolean numberTaken(UnitId issuer, String number) {
        return dsl.fetchExists(ANNOUNCEMENT, ANNOUNCEMENT.ISSUED_UNIT_ID.eq(issuer.value())
                .and(DSL.upper(ANNOUNCEMENT.NUMBER).eq(number.toUpperCase())));
    }

    long insert(UnitId unit, Decision d, String scopeText, String signature, String decisionSha, UserId by,
            OffsetDateTime now) {
        return dsl.insertInto(ANNOUNCEMENT).set(ANNOUNCEMENT.UNIT_ID, unit.value())
                .set(ANNOUNCEMENT.ISSUED_UNIT_ID, unit.value()).set(ANNOUNCEMENT.NUMBER, d.number())
                .set(ANNOUNCEMENT.DECIDED_ON, d.decidedOn()).set(ANNOUNCEMENT.SIGNER_NAME, d.signerName())
                .set(ANNOUNCEMENT.SIGNER_TITLE, d.signerTitle()).set(ANNOUNCEMENT.SCOPE_TEXT, scopeText)
                .set(ANNOUNCEMENT.SCOPE_SIGNATURE, signature).set(ANNOUNCEMENT.STATUS, AnnouncementStatus.ANNOUNCED.name())
                .set(ANNOUNCEMENT.DECISION_SHA256, decisionSha).set(ANNOUNCEMENT.ISSUED_BY, by.value())
                .set(ANNOUNCEMENT.ISSUED_AT, now)
                .returning(ANNOUNCEMENT.ID).fetchOne(ANNOUNCEMENT.ID);
    }

    /** Ends the unit's current announcements (a new one replaces them); returns their ids. */
    List<Long> supersedeCurrent(UnitId unit, long except) {
        Condition replaced = ANNOUNCEMENT.UNIT_ID.eq(unit.value()).and(ANNOUNCEMENT.ID.ne(except)).and(current());
        List<Long> ids = dsl.select(ANNOUNCEMENT.ID).from(ANNOUNCEMENT).where(replaced).fetch(ANNOUNCEMENT.ID);
        dsl.update(ANNOUNCEMENT).set(ANNOUNCEMENT.STATUS, AnnouncementStatus.SUPERSEDED.name())
                .set(ANNOUNCEMENT.VERSION, ANNOUNCEMENT.VERSION.plus(1)).where(ANNOUNCEMENT.ID.in(ids)).execute();
        return ids;
    }

    /** A unit that takes over another's work keeps its own application date, or takes the other's. */
    void inheritAppliedSince(UnitId from, UnitId to, OffsetDateTime now) {
        LocalDate since = dsl.select(QMS_SCOPE.APPLIED_SINCE).from(QMS_SCOPE)
                .where(QMS_SCOPE.UNIT_ID.eq(from.value())).fetchOne(QMS_SCOPE.APPLIED_SINCE);
        if (since == null || dsl.fetchExists(QMS_SCOPE, QMS_SCOPE.UNIT_ID.eq(to.value())
                .and(QMS_SCOPE.APPLIED_SINCE.isNotNull()))) {
            return;
        }
        if (dsl.fetchExists(QMS_SCOPE, QMS_SCOPE.UNIT_ID.eq(to.value()))) {
            dsl.update(QMS_SCOPE).set(QMS_SCOPE.APPLIED_SINCE, since).set(QMS_SCOPE.VERSION, QMS_SCOPE.VERSION.plus(1))
                    .set(QMS_SCOPE.UPDATED_AT, now).where(QMS_SCOPE.UNIT_ID.eq(to.value())).execute();
        } else {
            dsl.insertInto(QMS_SCOPE).set(QMS_SCOPE.UNIT_ID, to.value()).set(QMS_SCOPE.APPLIED_SINCE, since)
                    .set(QMS_SCOPE.VERSION, 1).set(QMS_SCOPE.UPDATED_AT, now).execute();
        }
    }

    /**
     * Flags the unit's announcements in force as due for re-announcement; returns the ones flagged, so that each
     * gets its trail line (and its new status reaches the search index).
     */
    /** The units whose scope names any of the TTHC codes. */
    Set<UnitId> unitsWithScopeCodes(Set<String> codes) {
        return dsl.selectDistinct(QMS_SCOPE_ITEM.UNIT_ID).from(QMS_SCOPE_ITEM)
                .where(QMS_SCOPE_ITEM.KIND.eq(ScopeItem.Kind.TTHC.name())).and(QMS_SCOPE_ITEM.CODE.in(codes))
                .fetchSet(r -> new UnitId(r.value1()));
    }

    List<Long> markDue(UnitId unit, String reason) {
        Condition announced = ANNOUNCEMENT.UNIT_ID.eq(unit.value())
                .and(ANNOUNCEMENT.STATUS.eq(AnnouncementStatus.ANNOUNCED.name()));
        List<Long> ids = dsl.select(ANNOUNCEMENT.ID).from(ANNOUNCEMENT).where(announced).orderBy(ANNOUNCEMENT.ID)
                .forUpdate().fetch(ANNOUNCEMENT.ID);
        if (!ids.isEmpty()) {
            dsl.update(ANNOUNCEMENT).set(ANNOUNCEMENT.STATUS, AnnouncementStatus.DUE.name())
                    .set(ANNOUNCEMENT.DUE_REASON, reason).set(ANNOUNCEMENT.VERSION, ANNOUNCEMENT.VERSION.plus(1))
                    .where(ANNOUNCEMENT.ID.in(ids)).execute();
        }
        return ids;
    }

    /** Every announcement's id, in order: what a rebuild of the search index walks. */
    List<Long> ids() {
        return dsl.select(ANNOUNCEMENT.ID).from(ANNOUNCEMENT).orderBy(ANNOUNCEMENT.ID).fetch(ANNOUNCEMENT.ID);
    }

    boolean withdraw(long id, int version, String reason, OffsetDateTime now) {
        return dsl.update(ANNOUNCEMENT).set(ANNOUNCEMENT.STATUS, AnnouncementStatus.WITHDRAWN.name())
                .set(ANNOUNCEMENT.WITHDRAWN_REASON, reason).set(ANNOUNCEMENT.WITHDRAWN_AT, now)
                .set(ANNOUNCEMENT.VERSION, ANNOUNCEMENT.VERSION.plus(1))
                .where(ANNOUNCEMENT.ID.eq(id).and(ANNOUNCEMENT.VERSION.eq(version)).and(current()))
                .execute() == 1;
    }

    void attachSigned(long id, String name, String type, String sha) {
        dsl.update(ANNOUNCEMENT).set(ANNOUNCEMENT.SIGNED_NAME, name).set(ANNOUNCEMENT.SIGNED_TYPE, type)
                .set(ANNOUNCEMENT.SIGNED_SHA256, sha).set(ANNOUNCEMENT.VERSION, ANNOUNCEMENT.VERSION.plus(1))
                .where(ANNOUNCEMENT.ID.eq(id)).execute();
    }

    List<Announcement> ofUnit(UnitId unit) {
        return announcements(ANNOUNCEMENT.UNIT_ID.eq(unit.value()));
    }

    Optional<Announcement> find(long id) {
        return announcements(ANNOUNCEMENT.ID.eq(id)).stream().findFirst();
    }

    /** The file a citizen downloads: the signed copy when there is one, else the generated decision. */
    Optional<StoredFile> publicFile(long id) {
        return dsl.select(ANNOUNCEMENT.SIGNED_SHA256, ANNOUNCEMENT.SIGNED_TYPE, ANNOUNCEMENT.SIGNED_NAME,
                        ANNOUNCEMENT.DECISION_SHA256, ANNOUNCEMENT.NUMBER)
                .from(ANNOUNCEMENT).where(ANNOUNCEMENT.ID.eq(id))
                .fetchOptional(r -> r.value1() != null ? new StoredFile(r.value1(), r.value2(), r.value5())
                        : new StoredFile(r.value4(), "application/pdf", r.value5()));
    }

    /** Each announcement's public file when it is a PDF (the signed copy, else the generated decision). */
    Map<Long, String> publicPdfs() {
        Map<Long, String> pdfs = new LinkedHashMap<>();
        dsl.select(ANNOUNCEMENT.ID, ANNOUNCEMENT.SIGNED_SHA256, ANNOUNCEMENT.SIGNED_TYPE, ANNOUNCEMENT.DECISION_SHA256)
                .from(ANNOUNCEMENT).forEach(r -> {
                    if (r.value2() == null) {
                        pdfs.put(r.value1(), r.value4());
                    } else if ("application/pdf".equals(r.value3())) {
                        pdfs.put(r.value1(), r.value2());
                    }
                });
        return pdfs;
    }

    Optional<String> decisionSha(long id) {
        return dsl.select(ANNOUNCEMENT.DECISION_SHA256).from(ANNOUNCEMENT).where(ANNOUNCEMENT.ID.eq(id))
                .fetchOptional(ANNOUNCEMENT.DECISION_SHA256);
    }

    Optional<StoredFile> signedFile(long id) {
        return dsl.select(ANNOUNCEMENT.SIGNED_SHA256, ANNOUNCEMENT.SIGNED_TYPE, ANNOUNCEMENT.SIGNED_NAME)
                .from(ANNOUNCEMENT).where(ANNOUNCEMENT.ID.eq(id).and(ANNOUNCEMENT.SIGNED_SHA256.isNotNull()))
                .fetchOptional(r -> new StoredFile(r.value1(), r.value2(), r.value3()));
    }

    String signatureOfCurrent(UnitId unit) {
        return dsl.select(ANNOUNCEMENT.SCOPE_SIGNATURE).from(ANNOUNCEMENT)
                .where(ANNOUNCEMENT.UNIT_ID.eq(unit.value()).and(current()))
                .orderBy(ANNOUNCEMENT.DECIDED_ON.desc(), ANNOUNCEMENT.ID.desc()).limit(1)
                .fetchOne(ANNOUNCEMENT.SCOPE_SIGNATURE);
    }

    /** Every announcement ever issued, newest first, with only the public columns read. */
    List<PublicAnnouncement> publicRegister() {
        return dsl.select(ANNOUNCEMENT.ID, UNIT.NAME, ANNOUNCEMENT.NUMBER, ANNOUNCEMENT.DECIDED_ON,
                        ANNOUNCEMENT.SCOPE_TEXT, ANNOUNCEMENT.STATUS)
                .from(ANNOUNCEMENT).join(UNIT).on(UNIT.ID.eq(ANNOUNCEMENT.ISSUED_UNIT_ID))
                .orderBy(ANNOUNCEMENT.DECIDED_ON.desc(), ANNOUNCEMENT.ID.desc())
                .fetch(r -> new PublicAnnouncement(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        AnnouncementStatus.valueOf(r.value6())));
    }

    DecisionTemplate template() {
        return dsl.selectFrom(ANNOUNCEMENT_TEMPLATE).where(ANNOUNCEMENT_TEMPLATE.ID.eq(1))
                .fetchOne(r -> new DecisionTemplate(r.getPlace(), r.getTitle(), r.getBody(), r.getRecipients(),
                        r.getVersion()));
    }

    void saveTemplate(DecisionTemplate t, String by, OffsetDateTime now) {
        int changed = dsl.update(ANNOUNCEMENT_TEMPLATE).set(ANNOUNCEMENT_TEMPLATE.PLACE, t.place())
                .set(ANNOUNCEMENT_TEMPLATE.TITLE, t.title()).set(ANNOUNCEMENT_TEMPLATE.BODY, t.body())
                .set(ANNOUNCEMENT_TEMPLATE.RECIPIENTS, t.recipients())
                .set(ANNOUNCEMENT_TEMPLATE.VERSION, ANNOUNCEMENT_TEMPLATE.VERSION.plus(1))
                .set(ANNOUNCEMENT_TEMPLATE.UPDATED_BY, by).set(ANNOUNCEMENT_TEMPLATE.UPDATED_AT, now)
                .where(ANNOUNCEMENT_TEMPLATE.ID.eq(1).and(ANNOUNCEMENT_TEMPLATE.VERSION.eq(t.version()))).execute();
        if (changed != 1) {
            throw new ConcurrentEditException();
        }
    }

    record StoredFile(String sha256, String contentType, String name) {
    }

    private static Condition current() {
        return ANNOUNCEMENT.STATUS.in(AnnouncementStatus.ANNOUNCED.name(), AnnouncementStatus.DUE.name());
    }

    private List<Announcement> announcements(Condition condition) {
        var issuer = UNIT.as("issuer");
        return dsl.select(ANNOUNCEMENT.asterisk(), UNIT.NAME, issuer.NAME).from(ANNOUNCEMENT)
                .join(UNIT).on(UNIT.ID.eq(ANNOUNCEMENT.UNIT_ID))
                .join(issuer).on(issuer.ID.eq(ANNOUNCEMENT.ISSUED_UNIT_ID))
                .where(condition).orderBy(ANNOUNCEMENT.DECIDED_ON.desc(), ANNOUNCEMENT.ID.desc())
                .fetch(r -> toAnnouncement(r, r.get(UNIT.NAME), r.get(issuer.NAME)));
    }

    private static Announcement toAnnouncement(Record r, String unitName, String issuerName) {
        return new Announcement(r.get(ANNOUNCEMENT.ID), new UnitId(r.get(ANNOUNCEMENT.UNIT_ID)), unitName, issuerName,
                r.get(ANNOUNCEMENT.NUMBER), r.get(ANNOUNCEMENT.DECIDED_ON), r.get(ANNOUNCEMENT.SIGNER_NAME),
                r.get(ANNOUNCEMENT.SIGNER_TITLE), r.get(ANNOUNCEMENT.SCOPE_TEXT),
                AnnouncementStatus.valueOf(r.get(ANNOUNCEMENT.STATUS)), r.get(ANNOUNCEMENT.DUE_REASON),
                r.get(ANNOUNCEMENT.SIGNED_NAME), r.get(ANNOUNCEMENT.ISSUED_AT), r.get(ANNOUNCEMENT.WITHDRAWN_REASON),
                r.get(ANNOUNCEMENT.VERSION));
    }
}
