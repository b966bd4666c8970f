package vn.eiso.document;

import static vn.eiso.db.Tables.ACKNOWLEDGEMENT;
import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.ATTACHMENT;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.MEMBERSHIP;
import static vn.eiso.db.Tables.REVISION;
import static vn.eiso.db.Tables.SIGNOFF;
import static vn.eiso.db.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.db.tables.Signoff;
import vn.eiso.organisation.UnitStatus;

@Repository
class JooqRevisionRepository {

    /**
     * The one asked to read still belongs to the document's unit, and the unit is active: a request made while
     * they were a member is not shown, counted or mailed once they have left (ADR 0020). It stays in the table,
     * and counts again if they come back.
     */
    private static final Condition READER_STILL_MEMBER = DSL.exists(DSL.selectOne().from(MEMBERSHIP)
            .join(UNIT).on(UNIT.ID.eq(MEMBERSHIP.UNIT_ID))
            .where(MEMBERSHIP.USER_ID.eq(ACKNOWLEDGEMENT.USER_ID).and(MEMBERSHIP.UNIT_ID.eq(DOCUMENT.UNIT_ID))
                    .and(UNIT.STATUS.eq(UnitStatus.ACTIVE.name()))));

    private static final org.jooq.Table<?> APPROVER = APP_USER.as("approver");
    private static final org.jooq.Field<String> APPROVER_NAME = APPROVER.field(APP_USER.FULL_NAME);
    private static final org.jooq.Field<Long> APPROVER_ID = APPROVER.field(APP_USER.ID);

    private final DSLContext dsl;

    JooqRevisionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    RevisionId insertDraft(DocumentId document, int number, String text, String summary, UserId author,
            ChangeRequestId request, OffsetDateTime now) {
        return new RevisionId(dsl.insertInto(REVISION)
                .set(REVISION.DOCUMENT_ID, document.value())
                .set(REVISION.NUMBER, number)
                .set(REVISION.STATUS, RevisionStatus.DRAFT.name())
                .set(REVISION.CONTENT_TEXT, text)
                .set(REVISION.CHANGE_SUMMARY, summary)
                .set(REVISION.AUTHOR_ID, author.value())
                .set(REVISION.CHANGE_REQUEST_ID, request == null ? null : request.value())
                .set(REVISION.CREATED_AT, now)
                .returning(REVISION.ID)
                .fetchOne(REVISION.ID));
    }

    /** A revision of an imported document, numbered as it was on paper, as a draft of its import batch. */
    RevisionId insertImported(DocumentId document, int number, UserId author, ImportJobId job, OffsetDateTime now) {
        RevisionId id = insertDraft(document, number, null, "Nhập từ tệp có sẵn", author, null, now);
        dsl.update(REVISION).set(REVISION.IMPORT_JOB_ID, job.value()).where(REVISION.ID.eq(id.value())).execute();
        return id;
    }

    /** An imported revision that was in force on paper from {@code effectiveOn}: it waits for the unit head. */
    void markImported(RevisionId id, String sha256, LocalDate effectiveOn) {
        dsl.update(REVISION)
                .set(REVISION.STATUS, RevisionStatus.IMPORTED.name())
                .set(REVISION.CONTENT_SHA256, sha256)
                .set(REVISION.EFFECTIVE_ON, effectiveOn)
                .set(REVISION.VERSION, REVISION.VERSION.plus(1))
                .where(REVISION.ID.eq(id.value()))
                .execute();
    }

    /** An imported revision confirmed by the unit head takes effect at the start of its own day. */
    void markImportedEffective(RevisionId id, DocumentId document, OffsetDateTime effectiveAt) {
        dsl.update(REVISION)
                .set(REVISION.STATUS, RevisionStatus.EFFECTIVE.name())
                .set(REVISION.EFFECTIVE_AT, effectiveAt)
                .set(REVISION.EFFECTIVE_MARKER, document.value())
                .set(REVISION.VERSION, REVISION.VERSION.plus(1))
                .where(REVISION.ID.eq(id.value()).and(REVISION.STATUS.eq(RevisionStatus.IMPORTED.name())))
                .execute();
    }

    /** The revisions of a batch awaiting confirmation, by document and then in the order they were in force. */
    List<Revision> awaitingConfirmation(ImportJobId job) {
        return select(REVISION.IMPORT_JOB_ID.eq(job.value()).and(REVISION.STATUS.eq(RevisionStatus.IMPORTED.name())))
                .stream().sorted(java.util.Comparator.comparing((Revision r) -> r.documentId().value())
                        .thenComparing(Revision::number))
                .toList();
    }

    boolean awaitsImportConfirmation(DocumentId document) {
        return dsl.fetchExists(REVISION, REVISION.DOCUMENT_ID.eq(document.value())
                .and(REVISION.STATUS.eq(RevisionStatus.IMPORTED.name())));
    }

    /** Whether the document came from an import: only then may a later import add to its history. */
    boolean createdByImport(DocumentId document) {
        return dsl.fetchExists(REVISION, REVISION.DOCUMENT_ID.eq(document.value())
                .and(REVISION.IMPORT_JOB_ID.isNotNull()));
    }

    /** Whether a revision of the document already holds a file with this content: a repeated import skips it. */
    boolean holdsFile(DocumentId document, String sha256) {
        return dsl.fetchExists(ATTACHMENT.join(REVISION).on(REVISION.ID.eq(ATTACHMENT.REVISION_ID)),
                REVISION.DOCUMENT_ID.eq(document.value()).and(ATTACHMENT.SHA256.eq(sha256)));
    }

    int nextNumber(DocumentId document) {
        Integer max = dsl.select(DSL.max(REVISION.NUMBER)).from(REVISION)
                .where(REVISION.DOCUMENT_ID.eq(document.value())).fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    Optional<Revision> find(RevisionId id) {
        return select(REVISION.ID.eq(id.value())).stream().findFirst();
    }

    /**
     * The revision, its row locked until the transaction ends: a submission, sign-off or edit of it waits, so
     * what the caller checks stays true until it commits.
     */
    Optional<Revision> lock(RevisionId id) {
        dsl.select(REVISION.ID).from(REVISION).where(REVISION.ID.eq(id.value())).forUpdate().fetch();
        return find(id);
    }

    List<Revision> ofDocument(DocumentId document) {
        return select(REVISION.DOCUMENT_ID.eq(document.value()));
    }

    /** The revision of the document still being worked on (draft or in review), if any. */
    Optional<Revision> openRevision(DocumentId document) {
        return select(REVISION.DOCUMENT_ID.eq(document.value())
                .and(REVISION.STATUS.in(RevisionStatus.DRAFT.name(), RevisionStatus.IN_REVIEW.name(),
                        RevisionStatus.APPROVED.name())))
                .stream().findFirst();
    }

    /** Revisions in force at {@code endOfDay} in a unit: effective from on or before it and not ended by then. */
    List<RevisionInForce> inForce(UnitId unit, LocalDate day, OffsetDateTime endOfDay) {
        return dsl.select(REVISION.ID, DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TITLE, REVISION.NUMBER,
                        REVISION.EFFECTIVE_ON, REVISION.STATUS)
                .from(REVISION).join(DOCUMENT).on(DOCUMENT.ID.eq(REVISION.DOCUMENT_ID))
                .where(DOCUMENT.UNIT_ID.eq(unit.value())
                        .and(REVISION.EFFECTIVE_ON.le(day))
                        .and(REVISION.EFFECTIVE_AT.isNotNull())
                        .and(REVISION.EFFECTIVE_AT.lt(endOfDay))
                        .and(REVISION.ENDED_AT.isNull().or(REVISION.ENDED_AT.ge(endOfDay))))
                .orderBy(DOCUMENT.CODE)
                .fetch(r -> new RevisionInForce(new RevisionId(r.value1()), new DocumentId(r.value2()), r.value3(),
                        r.value4(), r.value5(), r.value6(), RevisionStatus.valueOf(r.value7())));
    }

    boolean updateDraft(RevisionId id, int version, String text, String summary) {
        return dsl.update(REVISION)
                .set(REVISION.CONTENT_TEXT, text)
                .set(REVISION.CHANGE_SUMMARY, summary)
                .set(REVISION.VERSION, REVISION.VERSION.plus(1))
                .where(REVISION.ID.eq(id.value()).and(REVISION.VERSION.eq(version))
                        .and(REVISION.STATUS.eq(RevisionStatus.DRAFT.name())))
                .execute() == 1;
    }

    /** Moves a revision from one status to another; false when it was not in {@code from} at that version. */
    boolean transition(RevisionId id, int version, RevisionStatus from, RevisionStatus to) {
        return dsl.update(REVISION)
                .set(REVISION.STATUS, to.name())
                .set(REVISION.VERSION, REVISION.VERSION.plus(1))
                .where(REVISION.ID.eq(id.value()).and(REVISION.VERSION.eq(version))
                        .and(REVISION.STATUS.eq(from.name())))
                .execute() == 1;
    }

    void markSubmitted(RevisionId id, OffsetDateTime now) {
        dsl.update(REVISION).set(REVISION.SUBMITTED_AT, now).where(REVISION.ID.eq(id.value())).execute();
    }

    void markApproved(RevisionId id, UserId approver, OffsetDateTime now, String sha256, LocalDate effectiveOn) {
        dsl.update(REVISION)
                .set(REVISION.APPROVED_BY, approver.value())
                .set(REVISION.APPROVED_AT, now)
                .set(REVISION.CONTENT_SHA256, sha256)
                .set(REVISION.EFFECTIVE_ON, effectiveOn)
                .where(REVISION.ID.eq(id.value()))
                .execute();
    }

    void setDistribution(RevisionId id, Set<UserId> users) {
        String csv = users == null || users.isEmpty() ? null
                : users.stream().map(u -> Long.toString(u.value())).collect(Collectors.joining(","));
        dsl.update(REVISION).set(REVISION.DISTRIBUTION, csv).where(REVISION.ID.eq(id.value())).execute();
    }

    /** The chosen readers of a revision; empty when every member of the unit is to read it. */
    List<UserId> distribution(RevisionId id) {
        String csv = dsl.select(REVISION.DISTRIBUTION).from(REVISION).where(REVISION.ID.eq(id.value()))
                .fetchOne(REVISION.DISTRIBUTION);
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(v -> new UserId(Long.parseLong(v.strip()))).toList();
    }

    void markEffective(RevisionId id, DocumentId document, OffsetDateTime now) {
        dsl.update(REVISION)
                .set(REVISION.STATUS, RevisionStatus.EFFECTIVE.name())
                .set(REVISION.EFFECTIVE_AT, now)
                .set(REVISION.EFFECTIVE_MARKER, document.value())
                .set(REVISION.VERSION, REVISION.VERSION.plus(1))
                .where(REVISION.ID.eq(id.value()))
                .execute();
    }

    void markEnded(RevisionId id, RevisionStatus status, OffsetDateTime now) {
        dsl.update(REVISION)
                .set(REVISION.STATUS, status.name())
                .set(REVISION.ENDED_AT, now)
                .setNull(REVISION.EFFECTIVE_MARKER)
                .set(REVISION.VERSION, REVISION.VERSION.plus(1))
                .where(REVISION.ID.eq(id.value()))
                .execute();
    }

    void deleteDraft(RevisionId id) {
        dsl.deleteFrom(SIGNOFF).where(SIGNOFF.REVISION_ID.eq(id.value())).execute();
        dsl.deleteFrom(ATTACHMENT).where(ATTACHMENT.REVISION_ID.eq(id.value())).execute();
        dsl.deleteFrom(REVISION).where(REVISION.ID.eq(id.value())
                .and(REVISION.STATUS.eq(RevisionStatus.DRAFT.name()))).execute();
    }

    /** Approved revisions whose effective date has come, oldest first. */
    List<Revision> approvedDueBy(LocalDate day) {
        return select(REVISION.STATUS.eq(RevisionStatus.APPROVED.name()).and(REVISION.EFFECTIVE_ON.le(day)));
    }

    void insertSignOff(RevisionId revision, SignOff.Kind kind, UserId user, OffsetDateTime now, String sha256,
            String comment) {
        dsl.insertInto(SIGNOFF)
                .set(SIGNOFF.REVISION_ID, revision.value())
                .set(SIGNOFF.KIND, kind.name())
                .set(SIGNOFF.USER_ID, user.value())
                .set(SIGNOFF.SIGNED_AT, now)
                .set(SIGNOFF.SHA256, sha256)
                .set(SIGNOFF.COMMENT_TEXT, comment)
                .execute();
    }

    List<SignOff> signOffs(RevisionId revision) {
        return dsl.select(SIGNOFF.KIND, APP_USER.FULL_NAME, SIGNOFF.SIGNED_AT, SIGNOFF.SHA256, SIGNOFF.COMMENT_TEXT)
                .from(SIGNOFF).join(APP_USER).on(APP_USER.ID.eq(SIGNOFF.USER_ID))
                .where(SIGNOFF.REVISION_ID.eq(revision.value()))
                .orderBy(SIGNOFF.SIGNED_AT, SIGNOFF.ID)
                .fetch(r -> new SignOff(SignOff.Kind.valueOf(r.value1()), r.value2(), r.value3(), r.value4(),
                        r.value5()));
    }

    /** Who reviewed or approved the revision: they are not asked to confirm reading it. */
    Set<UserId> endorsers(RevisionId revision) {
        return new HashSet<>(dsl.selectDistinct(SIGNOFF.USER_ID).from(SIGNOFF)
                .where(SIGNOFF.REVISION_ID.eq(revision.value())
                        .and(SIGNOFF.KIND.in(SignOff.Kind.REVIEWED.name(), SignOff.Kind.APPROVED.name())))
                .fetch(r -> new UserId(r.value1())));
    }

    /** Whether this exact content was reviewed in the current round (see {@link #reviewedThisRound}). */
    boolean reviewedThisRound(RevisionId revision, String sha256) {
        return dsl.fetchExists(SIGNOFF, SIGNOFF.REVISION_ID.eq(revision.value())
                .and(reviewedThisRound(DSL.val(revision.value()), SIGNOFF)).and(SIGNOFF.SHA256.eq(sha256)));
    }

    /**
     * The one rule for "reviewed": a review signed after the revision was last sent back. A return starts a new
     * round, so a review from before it no longer counts, even for unchanged content; the row condition applies to
     * {@code signOff}, a sign-off row of the revision {@code revisionId}.
     */
    private static Condition reviewedThisRound(Field<Long> revisionId, Signoff signOff) {
        var rejected = SIGNOFF.as("rj");
        Field<Long> lastReturn = DSL.field(DSL.select(DSL.max(rejected.ID)).from(rejected)
                .where(rejected.REVISION_ID.eq(revisionId).and(rejected.KIND.eq(SignOff.Kind.REJECTED.name()))));
        return signOff.KIND.eq(SignOff.Kind.REVIEWED.name()).and(signOff.ID.gt(DSL.coalesce(lastReturn, 0L)));
    }

    AttachmentId insertAttachment(RevisionId revision, RecordId record, String name, String type, long size,
            String sha256, String text, OffsetDateTime now) {
        return new AttachmentId(dsl.insertInto(ATTACHMENT)
                .set(ATTACHMENT.REVISION_ID, revision == null ? null : revision.value())
                .set(ATTACHMENT.RECORD_ID, record == null ? null : record.value())
                .set(ATTACHMENT.FILE_NAME, name)
                .set(ATTACHMENT.CONTENT_TYPE, type)
                .set(ATTACHMENT.SIZE_BYTES, size)
                .set(ATTACHMENT.SHA256, sha256)
                .set(ATTACHMENT.EXTRACTED_TEXT, text)
                .set(ATTACHMENT.CREATED_AT, now)
                .returning(ATTACHMENT.ID)
                .fetchOne(ATTACHMENT.ID));
    }

    List<Attachment> attachments(RevisionId revision) {
        return attachments(ATTACHMENT.REVISION_ID.eq(revision.value()));
    }

    List<Attachment> recordAttachments(RecordId record) {
        return attachments(ATTACHMENT.RECORD_ID.eq(record.value()));
    }

    Optional<Attachment> attachment(AttachmentId id) {
        return attachments(ATTACHMENT.ID.eq(id.value())).stream().findFirst();
    }

    void deleteAttachment(AttachmentId id) {
        dsl.deleteFrom(ATTACHMENT).where(ATTACHMENT.ID.eq(id.value())).execute();
    }

    void requestAcknowledgements(RevisionId revision, List<UserId> users, OffsetDateTime now) {
        for (UserId user : users) {
            dsl.insertInto(ACKNOWLEDGEMENT)
                    .set(ACKNOWLEDGEMENT.REVISION_ID, revision.value())
                    .set(ACKNOWLEDGEMENT.USER_ID, user.value())
                    .set(ACKNOWLEDGEMENT.REQUESTED_AT, now)
                    .onConflictDoNothing()
                    .execute();
        }
    }

    boolean acknowledge(RevisionId revision, UserId user, OffsetDateTime now) {
        return dsl.update(ACKNOWLEDGEMENT)
                .set(ACKNOWLEDGEMENT.ACKNOWLEDGED_AT, now)
                .where(ACKNOWLEDGEMENT.REVISION_ID.eq(revision.value()).and(ACKNOWLEDGEMENT.USER_ID.eq(user.value()))
                        .and(ACKNOWLEDGEMENT.ACKNOWLEDGED_AT.isNull()))
                .execute() == 1;
    }

    List<Acknowledgement> acknowledgements(RevisionId revision) {
        return dsl.select(APP_USER.ID, APP_USER.FULL_NAME, ACKNOWLEDGEMENT.REQUESTED_AT,
                        ACKNOWLEDGEMENT.ACKNOWLEDGED_AT)
                .from(ACKNOWLEDGEMENT).join(APP_USER).on(APP_USER.ID.eq(ACKNOWLEDGEMENT.USER_ID))
                .where(ACKNOWLEDGEMENT.REVISION_ID.eq(revision.value()))
                .orderBy(ACKNOWLEDGEMENT.ACKNOWLEDGED_AT.asc().nullsFirst(), APP_USER.FULL_NAME)
                .fetch(r -> new Acknowledgement(revision, new UserId(r.value1()), r.value2(), r.value3(), r.value4()));
    }

    /**
     * Revisions waiting for a step in the units the user keeps: those in review (with whether a review was signed
     * since the last return), and the user's own drafts that were returned (with the latest return's comment) —
     * only where the user still edits, since a draft is the editors' alone. The caller decides whose step it is;
     * at most {@code limit} rows.
     */
    List<TaskRow> tasks(UserId user, Collection<UnitId> units, int limit) {
        if (units.isEmpty()) {
            return List.of();
        }
        var rejected = SIGNOFF.as("rj");
        var reviewed = SIGNOFF.as("rv");
        var lastReturn = SIGNOFF.as("lr");
        Field<Long> lastReturnId = DSL.field(DSL.select(DSL.max(rejected.ID)).from(rejected)
                .where(rejected.REVISION_ID.eq(REVISION.ID).and(rejected.KIND.eq(SignOff.Kind.REJECTED.name()))));
        Field<Boolean> reviewedSinceReturn = DSL.field(DSL.exists(DSL.selectOne().from(reviewed)
                .where(reviewed.REVISION_ID.eq(REVISION.ID).and(reviewedThisRound(REVISION.ID, reviewed)))));
        Field<String> returnComment = DSL.field(DSL.select(lastReturn.COMMENT_TEXT).from(lastReturn)
                .where(lastReturn.ID.eq(lastReturnId)));
        Field<OffsetDateTime> returnedAt = DSL.field(DSL.select(lastReturn.SIGNED_AT).from(lastReturn)
                .where(lastReturn.ID.eq(lastReturnId)));
        Condition inReview = REVISION.STATUS.eq(RevisionStatus.IN_REVIEW.name());
        Condition returned = REVISION.STATUS.eq(RevisionStatus.DRAFT.name()).and(REVISION.AUTHOR_ID.eq(user.value()))
                .and(DSL.exists(DSL.selectOne().from(rejected).where(rejected.REVISION_ID.eq(REVISION.ID)
                        .and(rejected.KIND.eq(SignOff.Kind.REJECTED.name())))));
        return dsl.select(REVISION.ID, DOCUMENT.ID, DOCUMENT.UNIT_ID, DOCUMENT.CODE, DOCUMENT.TITLE, REVISION.NUMBER,
                        REVISION.STATUS, REVISION.AUTHOR_ID, REVISION.SUBMITTED_AT, reviewedSinceReturn, returnComment,
                        returnedAt)
                .from(REVISION).join(DOCUMENT).on(DOCUMENT.ID.eq(REVISION.DOCUMENT_ID))
                .where(DOCUMENT.UNIT_ID.in(units.stream().map(UnitId::value).toList()).and(inReview.or(returned)))
                .orderBy(REVISION.SUBMITTED_AT, REVISION.ID)
                .limit(limit)
                .fetch(r -> new TaskRow(new RevisionId(r.value1()), new DocumentId(r.value2()), new UnitId(r.value3()),
                        r.value4(), r.value5(), r.value6(), RevisionStatus.valueOf(r.value7()), r.value8(),
                        r.value9(), Boolean.TRUE.equals(r.value10()), r.value11(), r.value12()));
    }

    record TaskRow(RevisionId revisionId, DocumentId documentId, UnitId unitId, String code, String title, int number,
            RevisionStatus status, long authorId, OffsetDateTime submittedAt, boolean reviewed, String returnComment,
            OffsetDateTime returnedAt) {
    }

    /** What a user has been asked to read and has not yet acknowledged, newest first. */
    List<PendingReading> pendingFor(UserId user) {
        return dsl.select(REVISION.ID, DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TITLE, REVISION.NUMBER,
                        ACKNOWLEDGEMENT.REQUESTED_AT)
                .from(ACKNOWLEDGEMENT)
                .join(REVISION).on(REVISION.ID.eq(ACKNOWLEDGEMENT.REVISION_ID))
                .join(DOCUMENT).on(DOCUMENT.ID.eq(REVISION.DOCUMENT_ID))
                .where(ACKNOWLEDGEMENT.USER_ID.eq(user.value()).and(ACKNOWLEDGEMENT.ACKNOWLEDGED_AT.isNull())
                        .and(REVISION.STATUS.eq(RevisionStatus.EFFECTIVE.name())).and(READER_STILL_MEMBER))
                .orderBy(ACKNOWLEDGEMENT.REQUESTED_AT.desc())
                .fetch(r -> new PendingReading(new RevisionId(r.value1()), new DocumentId(r.value2()), r.value3(),
                        r.value4(), r.value5(), r.value6()));
    }

    /** One line of an e-mail reminder. */
    record MailLine(String email, String language, long documentId, String code, String title) {
    }

    /** Revisions in force that people with an e-mail address have not yet confirmed reading. */
    List<MailLine> pendingReadingsWithEmail() {
        return dsl.select(APP_USER.EMAIL, APP_USER.LOCALE, DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TITLE)
                .from(ACKNOWLEDGEMENT)
                .join(APP_USER).on(APP_USER.ID.eq(ACKNOWLEDGEMENT.USER_ID))
                .join(REVISION).on(REVISION.ID.eq(ACKNOWLEDGEMENT.REVISION_ID))
                .join(DOCUMENT).on(DOCUMENT.ID.eq(REVISION.DOCUMENT_ID))
                .where(ACKNOWLEDGEMENT.ACKNOWLEDGED_AT.isNull()
                        .and(REVISION.STATUS.eq(RevisionStatus.EFFECTIVE.name()))
                        .and(APP_USER.EMAIL.isNotNull()).and(APP_USER.ENABLED.isTrue()).and(READER_STILL_MEMBER))
                .orderBy(APP_USER.EMAIL, DOCUMENT.CODE)
                .fetch(r -> new MailLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Documents in force past their review date, or flagged, with their owner's e-mail address. */
    List<MailLine> reviewsDueWithOwnerEmail(LocalDate today) {
        return dsl.select(APP_USER.EMAIL, APP_USER.LOCALE, DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TITLE)
                .from(DOCUMENT)
                .join(APP_USER).on(APP_USER.ID.eq(DOCUMENT.OWNER_ID))
                .where(ReviewDue.overdue(DOCUMENT.STATUS, DOCUMENT.NEXT_REVIEW_ON, DOCUMENT.REVIEW_FLAG, today)
                        .and(APP_USER.EMAIL.isNotNull()).and(APP_USER.ENABLED.isTrue()))
                .orderBy(APP_USER.EMAIL, DOCUMENT.CODE)
                .fetch(r -> new MailLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    private List<Attachment> attachments(Condition condition) {
        return dsl.selectFrom(ATTACHMENT).where(condition).orderBy(ATTACHMENT.FILE_NAME, ATTACHMENT.ID)
                .fetch(r -> new Attachment(new AttachmentId(r.getId()),
                        r.getRevisionId() == null ? null : new RevisionId(r.getRevisionId()),
                        r.getRecordId() == null ? null : new RecordId(r.getRecordId()), r.getFileName(),
                        r.getContentType(), r.getSizeBytes(), r.getSha256(), r.getExtractedText(), r.getCreatedAt()));
    }

    private List<Revision> select(Condition condition) {
        return dsl.select(REVISION.asterisk(), APP_USER.FULL_NAME, APPROVER_NAME)
                .from(REVISION)
                .join(DOCUMENT).on(DOCUMENT.ID.eq(REVISION.DOCUMENT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(REVISION.AUTHOR_ID))
                .leftJoin(APPROVER).on(APPROVER_ID.eq(REVISION.APPROVED_BY))
                .where(condition)
                .orderBy(REVISION.DOCUMENT_ID, REVISION.NUMBER.desc())
                .fetch(JooqRevisionRepository::toRevision);
    }

    private static Revision toRevision(Record r) {
        return new Revision(new RevisionId(r.get(REVISION.ID)), new DocumentId(r.get(REVISION.DOCUMENT_ID)),
                r.get(REVISION.NUMBER), RevisionStatus.valueOf(r.get(REVISION.STATUS)), r.get(REVISION.CONTENT_TEXT),
                r.get(REVISION.CHANGE_SUMMARY), r.get(APP_USER.FULL_NAME), r.get(REVISION.AUTHOR_ID),
                r.get(REVISION.CREATED_AT), r.get(REVISION.SUBMITTED_AT), r.get(APPROVER_NAME),
                r.get(REVISION.APPROVED_AT), r.get(REVISION.CONTENT_SHA256), r.get(REVISION.EFFECTIVE_ON),
                r.get(REVISION.EFFECTIVE_AT), r.get(REVISION.ENDED_AT),
                r.get(REVISION.CHANGE_REQUEST_ID) == null ? null : new ChangeRequestId(r.get(REVISION.CHANGE_REQUEST_ID)),
                r.get(REVISION.VERSION));
    }
}
