package vn.eiso.document;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.Allowed;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.NextStep;
import vn.eiso.base.Role;
import vn.eiso.base.Verdict;
import vn.eiso.base.DiffRow;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.inbox.Inbox;
import vn.eiso.organisation.Membership;
import vn.eiso.organisation.UserService;
import vn.eiso.signature.SignatureReport;
import vn.eiso.signature.Signatures;

/**
 * The life of a revision: draft → in review → approved → effective → superseded, or obsolete when the document
 * is withdrawn. Approved and later revisions never change; review and approval are signed with the password and
 * the SHA-256 of the exact content; exactly one revision of a document is effective at a time (the database
 * enforces it too).
 */
@Service
public class RevisionWorkflow {

    static final String TARGET = "REVISION";
    private static final int MAX_TEXT = 1_000_000;
    private static final int TASKS = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JooqRevisionRepository revisions;
    private final JooqDocumentRepository documents;
    private final DocumentAccess access;
    private final FileInspector inspector;
    private final FileStore files;
    private final UserService users;
    private final AuditTrail trail;
    private final Inbox inbox;
    private final Clock clock;
    private final TransactionTemplate tx;

    private final Signatures signatures;

    RevisionWorkflow(JooqRevisionRepository revisions, JooqDocumentRepository documents, DocumentAccess access,
            FileInspector inspector, FileStore files, UserService users, AuditTrail trail, Inbox inbox, Clock clock,
            TransactionTemplate tx, Signatures signatures) {
        this.revisions = revisions;
        this.documents = documents;
        this.access = access;
        this.inspector = inspector;
        this.files = files;
        this.users = users;
        this.trail = trail;
        this.inbox = inbox;
        this.clock = clock;
        this.tx = tx;
        this.signatures = signatures;
    }

    // ---- reading

    /** Every revision of the document the caller may see, newest first. */
    @Transactional(readOnly = true)
    public List<Revision> history(DocumentId id) {
        Document document = access.readable(id);
        Caller caller = access.reader(document.unitId());
        return revisions.ofDocument(id).stream()
                .filter(r -> DocumentAccess.canSee(caller, document.unitId(), r.status()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Revision get(RevisionId id) {
        return visible(id);
    }

    @Transactional(readOnly = true)
    public List<Attachment> attachments(RevisionId id) {
        visible(id);
        return revisions.attachments(id);
    }

    @Transactional(readOnly = true)
    public List<SignOff> signOffs(RevisionId id) {
        visible(id);
        return revisions.signOffs(id);
    }

    /** Revisions in force at the end of {@code day} in the unit: what applied on that day. */
    @Transactional(readOnly = true)
    public List<RevisionInForce> effectiveOn(UnitId unit, LocalDate day) {
        access.reader(unit);
        OffsetDateTime endOfDay = day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        return revisions.inForce(unit, day, endOfDay);
    }

    /** A line-by-line comparison of two revisions' written text and the text extracted from their files. */
    @Transactional(readOnly = true)
    public List<DiffRow> diff(RevisionId older, RevisionId newer) {
        Revision a = visible(older);
        Revision b = visible(newer);
        if (!a.documentId().equals(b.documentId())) {
            throw new DomainException("error.revision.differentDocuments");
        }
        return DiffRow.between(comparableText(a), comparableText(b));
    }

    /** The largest file accepted (configuration {@code eiso.files.max-size}). */
    public long maxFileBytes() {
        return inspector.maxBytes();
    }

    // ---- what the caller may do now, and what comes next

    /**
     * The actions the caller may take on the document and its open revision now, each with its verdict: the same
     * rules the action methods check, asked once per page render.
     */
    @Transactional(readOnly = true)
    public Allowed<DocumentAction> allowedActions(DocumentId id) {
        Document document = access.readable(id);
        UnitId unit = document.unitId();
        Caller caller = access.reader(unit);
        boolean editor = DocumentAccess.isEditor(caller, unit);
        boolean approver = caller.isAdministrator() || caller.hasRoleIn(unit, Role.UNIT_HEAD);
        Allowed<DocumentAction> allowed = new Allowed<>(DocumentAction.class);
        Verdict editing = editor ? Verdict.ALLOWED : Verdict.hidden("error.accessDenied");
        allowed.put(DocumentAction.EDIT_ENTRY, editing);
        allowed.put(DocumentAction.EXTERNAL_STATUS, document.type() == DocumentType.EXTERNAL ? editing
                : Verdict.hidden("error.document.notExternal"));
        boolean effective = document.status() == DocumentStatus.EFFECTIVE;
        allowed.put(DocumentAction.CONFIRM_REVIEWED, editor && effective ? Verdict.ALLOWED
                : Verdict.hidden("error.document.notEffective"));
        allowed.put(DocumentAction.WITHDRAW, approver ? withdrawVerdict(caller, document)
                : Verdict.hidden("error.accessDenied"));
        boolean pending = document.effectiveRevisionId() != null && caller.user()
                .map(u -> revisions.pendingFor(u).stream()
                        .anyMatch(p -> p.revisionId().equals(document.effectiveRevisionId())))
                .orElse(false);
        allowed.put(DocumentAction.ACKNOWLEDGE, pending ? Verdict.ALLOWED
                : Verdict.hidden("error.acknowledgement.notRequested"));
        if (!editor) {
            return allowed;
        }
        Optional<Revision> open = revisions.openRevision(id);
        if (open.isEmpty()) {
            allowed.put(DocumentAction.START_DRAFT, document.status() == DocumentStatus.OBSOLETE
                    ? Verdict.hidden("error.document.withdrawn") : Verdict.ALLOWED);
            return allowed;
        }
        Revision revision = open.get();
        if (revision.status() == RevisionStatus.DRAFT) {
            allowed.put(DocumentAction.EDIT_DRAFT, Verdict.ALLOWED);
            allowed.put(DocumentAction.SUBMIT, Verdict.ALLOWED);
            allowed.put(DocumentAction.DELETE_DRAFT, Verdict.ALLOWED);
        } else if (revision.status() == RevisionStatus.IN_REVIEW) {
            String sha = contentSha256(revision);
            allowed.put(DocumentAction.REVIEW, reviewVerdict(caller, unit, revision, sha));
            allowed.put(DocumentAction.APPROVE, approver ? approveVerdict(caller, unit, revision, sha)
                    : Verdict.hidden("error.accessDenied"));
            allowed.put(DocumentAction.REJECT, rejectVerdict(caller, unit, revision));
        }
        return allowed;
    }

    /** The actions on the document this revision belongs to (see {@link #allowedActions(DocumentId)}). */
    @Transactional(readOnly = true)
    public Allowed<DocumentAction> allowedActions(RevisionId id) {
        return allowedActions(visible(id).documentId());
    }

    /** The document's status line: what happens next and who does it, as far as the caller may see. */
    @Transactional(readOnly = true)
    public NextStep nextStep(DocumentId id) {
        Document document = access.readable(id);
        UnitId unit = document.unitId();
        Caller caller = access.reader(unit);
        Optional<Revision> open = DocumentAccess.isEditor(caller, unit) ? revisions.openRevision(id)
                : Optional.empty();
        if (DocumentAccess.isEditor(caller, unit) && revisions.awaitsImportConfirmation(id)) {
            return NextStep.of("nextStep.importAwaiting", names(users.membersOf(unit).stream()
                    .filter(m -> m.role() == Role.UNIT_HEAD).toList()));
        }
        if (open.isPresent()) {
            Revision revision = open.get();
            switch (revision.status()) {
                case DRAFT -> {
                    return NextStep.of("nextStep.draft", revision.number(), revision.authorName());
                }
                case IN_REVIEW -> {
                    List<Membership> members = users.membersOf(unit);
                    if (revisions.reviewedThisRound(revision.id(), contentSha256(revision))) {
                        return NextStep.of("nextStep.approve", names(members.stream()
                                .filter(m -> m.role() == Role.UNIT_HEAD).toList()));
                    }
                    return NextStep.of("nextStep.review", names(members.stream()
                            .filter(m -> m.role() == Role.UNIT_HEAD || m.role() == Role.QUALITY_OFFICER)
                            .filter(m -> m.userId().value() != revision.authorId()).toList()));
                }
                case APPROVED -> {
                    return NextStep.of("nextStep.approved", revision.effectiveOn());
                }
                default -> {
                }
            }
        }
        return switch (document.status()) {
            // A document of external origin is in force without revisions of its own: it is followed, not reviewed.
            case EFFECTIVE -> document.effectiveRevisionId() == null ? NextStep.of("nextStep.external")
                    : effective(document, revisions.find(document.effectiveRevisionId()).orElseThrow());
            case OBSOLETE -> NextStep.of("nextStep.obsolete");
            default -> NextStep.of("nextStep.noRevision");
        };
    }

    private static NextStep effective(Document document, Revision current) {
        return document.nextReviewOn() == null
                ? NextStep.of("nextStep.effectiveNoReview", current.number(), current.effectiveOn())
                : NextStep.of("nextStep.effective", current.number(), current.effectiveOn(), document.nextReviewOn());
    }

    /** When the caller confirmed reading the revision, if they were asked and did. */
    @Transactional(readOnly = true)
    public Optional<OffsetDateTime> myAcknowledgement(RevisionId id) {
        visible(id);
        Optional<UserId> me = access.anyone().user();
        return me.flatMap(u -> revisions.acknowledgements(id).stream()
                .filter(a -> a.userId().equals(u) && a.done()).map(Acknowledgement::acknowledgedAt).findFirst());
    }

    private static String names(List<Membership> members) {
        List<String> names = members.stream().map(Membership::fullName).distinct().toList();
        return names.isEmpty() ? "—" : String.join(", ", names);
    }

    /** The review: by an editor other than the author, once for this exact content. */
    private Verdict reviewVerdict(Caller caller, UnitId unit, Revision revision, String sha) {
        if (revision.status() != RevisionStatus.IN_REVIEW || !DocumentAccess.isEditor(caller, unit)) {
            return Verdict.hidden("error.revision.wrongStatus");
        }
        if (caller.user().map(u -> u.value() == revision.authorId()).orElse(false)) {
            return Verdict.hidden("error.revision.selfReview");
        }
        if (revisions.reviewedThisRound(revision.id(), sha)) {
            return Verdict.hidden("error.revision.alreadyReviewed");
        }
        return Verdict.ALLOWED;
    }

    /** The approval: by the unit head, after a review of this exact content. */
    private Verdict approveVerdict(Caller caller, UnitId unit, Revision revision, String sha) {
        if (revision.status() != RevisionStatus.IN_REVIEW) {
            return Verdict.hidden("error.revision.wrongStatus");
        }
        if (!caller.isAdministrator() && !caller.hasRoleIn(unit, Role.UNIT_HEAD)) {
            return Verdict.hidden("error.accessDenied");
        }
        if (!revisions.reviewedThisRound(revision.id(), sha)) {
            return Verdict.refused("error.revision.notReviewed");
        }
        return Verdict.ALLOWED;
    }

    /** Sending back: by a reviewer or approver, not by the author of the submission. */
    private Verdict rejectVerdict(Caller caller, UnitId unit, Revision revision) {
        if (revision.status() != RevisionStatus.IN_REVIEW || !DocumentAccess.isEditor(caller, unit)) {
            return Verdict.hidden("error.revision.wrongStatus");
        }
        if (caller.user().map(u -> u.value() == revision.authorId()).orElse(false)) {
            return Verdict.hidden("error.revision.selfReject");
        }
        return Verdict.ALLOWED;
    }

    private static Verdict withdrawVerdict(Caller caller, Document document) {
        return document.status() == DocumentStatus.EFFECTIVE ? Verdict.ALLOWED
                : Verdict.hidden("error.document.notEffective");
    }

    // ---- drafting

    /** A new draft starting from the revision in force (its text and files), or empty for a new document. */
    @Transactional
    public Revision startRevision(DocumentId id, String changeSummary) {
        Document document = access.readable(id);
        Caller caller = access.editor(document.unitId());
        return startDraft(document, caller, changeSummary, null);
    }

    Revision startDraft(Document document, Caller caller, String changeSummary, ChangeRequestId request) {
        if (document.status() == DocumentStatus.OBSOLETE) {
            throw new DomainException("error.document.withdrawn");
        }
        if (revisions.openRevision(document.id()).isPresent()) {
            throw new DomainException("error.revision.openExists");
        }
        if (revisions.awaitsImportConfirmation(document.id())) {
            throw new DomainException("error.revision.importAwaiting");
        }
        UserId author = caller.user().orElseThrow(() -> new DomainException("error.revision.needsUser"));
        Optional<Revision> current = Optional.ofNullable(document.effectiveRevisionId()).flatMap(revisions::find);
        RevisionId id = revisions.insertDraft(document.id(), revisions.nextNumber(document.id()),
                current.map(Revision::text).orElse(null), clip(changeSummary, 2000), author, request, now());
        current.ifPresent(c -> revisions.attachments(c.id()).forEach(a -> revisions.insertAttachment(id, null,
                a.fileName(), a.contentType(), a.size(), a.sha256(), a.extractedText(), now())));
        trail.record("REVISION_CREATED", TARGET, id, document.unitId(), document.code());
        return revisions.find(id).orElseThrow();
    }

    @Transactional
    public Revision editDraft(RevisionId id, int version, String text, String changeSummary) {
        Revision revision = editable(id);
        if (text != null && text.length() > MAX_TEXT) {
            throw new DomainException("error.revision.textTooLong", MAX_TEXT);
        }
        if (!revisions.updateDraft(id, version, text, clip(changeSummary, 2000))) {
            throw new ConcurrentEditException();
        }
        trail.record("REVISION_EDITED", TARGET, id, unitOf(revision), null);
        return revisions.find(id).orElseThrow();
    }

    /**
     * Adds a file to a draft after checking it; a refused file changes nothing. The inspection may take up to
     * {@code eiso.files.extraction-timeout} and runs outside any transaction; afterwards the revision's row is
     * locked and must still be the same draft, or the file is refused: it was reviewed, approved or changed
     * meanwhile, and a file slipped in then would not be what was signed.
     */
    public Attachment attach(RevisionId id, String fileName, byte[] content) {
        Revision checked = tx.execute(s -> editable(id));
        FileInspector.Inspected file = inspector.inspect(fileName, content);
        return tx.execute(s -> store(checked, file, content));
    }

    private Attachment store(Revision checked, FileInspector.Inspected file, byte[] content) {
        RevisionId id = checked.id();
        Revision revision = revisions.lock(id).orElseThrow(() -> new DomainException("error.revision.notFound"));
        access.editor(unitOf(revision));
        if (revision.status() != RevisionStatus.DRAFT || revision.version() != checked.version()) {
            throw new DomainException("error.revision.changedDuringUpload", file.fileName());
        }
        if (revisions.attachments(id).stream().anyMatch(a -> a.fileName().equalsIgnoreCase(file.fileName()))) {
            throw new DomainException("error.file.duplicateName", file.fileName());
        }
        files.put(file.sha256(), content);
        AttachmentId attachment = revisions.insertAttachment(id, null, file.fileName(), file.contentType(),
                file.size(), file.sha256(), file.text(), now());
        trail.record("FILE_ATTACHED", TARGET, id, unitOf(revision), file.fileName() + " · " + file.sha256());
        return revisions.attachment(attachment).orElseThrow();
    }

    @Transactional
    public void removeAttachment(AttachmentId id) {
        Attachment attachment = revisions.attachment(id).orElseThrow(() -> new DomainException("error.file.notFound"));
        if (attachment.revisionId() == null) {
            throw new DomainException("error.record.immutable");
        }
        Revision revision = editable(attachment.revisionId());
        revisions.deleteAttachment(id);
        trail.record("FILE_REMOVED", TARGET, revision.id(), unitOf(revision), attachment.fileName());
    }

    @Transactional
    public void deleteDraft(RevisionId id) {
        Revision revision = editable(id);
        revisions.deleteDraft(id);
        // The revision is gone, so the entry names its document (which the search index then re-reads).
        trail.record("DRAFT_DELETED", DocumentRegister.TARGET, revision.documentId(), unitOf(revision),
                "#" + revision.number());
    }

    // ---- lifecycle

    @Transactional
    public Revision submit(RevisionId id, int version) {
        Revision revision = editable(id);
        if (isBlank(revision.text()) && revisions.attachments(id).isEmpty()) {
            throw new DomainException("error.revision.empty");
        }
        if (isBlank(revision.changeSummary())) {
            throw new DomainException("error.revision.summaryRequired");
        }
        move(revision, version, RevisionStatus.DRAFT, RevisionStatus.IN_REVIEW);
        revisions.markSubmitted(id, now());
        UnitId unit = unitOf(revision);
        trail.record("REVISION_SUBMITTED", TARGET, id, unit, null);
        // Whoever may review: the unit's editors other than the author (RevisionWorkflow#review).
        Set<UserId> reviewers = new LinkedHashSet<>(users.holdersIn(unit, Role.QUALITY_OFFICER, Role.UNIT_HEAD));
        reviewers.remove(new UserId(revision.authorId()));
        notify(reviewers, "notice.revisionSubmitted", revision);
        return revisions.find(id).orElseThrow();
    }

    /** The review sign-off: by an editor of the unit other than the author, with the password re-entered. */
    @Transactional
    public Revision review(RevisionId id, String password, String comment) {
        Revision revision = inStatus(id, RevisionStatus.IN_REVIEW);
        Caller caller = access.editor(unitOf(revision));
        String sha = contentSha256(revision);
        reviewVerdict(caller, unitOf(revision), revision, sha).orThrow();
        users.verifySignature(password, "REVISION_REVIEWED #" + id);
        revisions.insertSignOff(id, SignOff.Kind.REVIEWED, caller.user().orElseThrow(), now(), sha, clip(comment, 2000));
        trail.record("REVISION_REVIEWED", TARGET, id, unitOf(revision), sha);
        notify(users.holdersIn(unitOf(revision), Role.UNIT_HEAD), "notice.revisionReviewed", revision);
        return revisions.find(id).orElseThrow();
    }

    /**
     * The approval: by the unit head, after a review of this exact content, with the password re-entered. The
     * revision takes effect on {@code effectiveOn} (today at the earliest, never before the revision in force).
     * {@code distribution} chooses who must read it; empty means every member of the unit.
     */
    @Transactional
    public Revision approve(RevisionId id, int version, String password, LocalDate effectiveOn,
            Set<UserId> distribution) {
        Revision revision = inStatus(id, RevisionStatus.IN_REVIEW);
        Document document = documents.find(revision.documentId()).orElseThrow();
        Caller caller = access.approver(document.unitId());
        String sha = contentSha256(revision);
        approveVerdict(caller, document.unitId(), revision, sha).orThrow();
        // The rules first, then the password: a refusal for another reason never reads as a wrong password.
        LocalDate today = LocalDate.now(clock);
        LocalDate day = effectiveOn == null ? today : effectiveOn;
        if (day.isBefore(today)) {
            throw new DomainException("error.revision.effectiveInPast");
        }
        Optional<Revision> current = Optional.ofNullable(document.effectiveRevisionId()).flatMap(revisions::find);
        if (current.isPresent() && day.isBefore(current.get().effectiveOn())) {
            throw new DomainException("error.revision.effectiveBeforeCurrent", current.get().effectiveOn());
        }
        users.verifySignature(password, "REVISION_APPROVED #" + id);
        move(revision, version, RevisionStatus.IN_REVIEW, RevisionStatus.APPROVED);
        revisions.markApproved(id, caller.user().orElseThrow(), now(), sha, day);
        revisions.setDistribution(id, distribution);
        revisions.insertSignOff(id, SignOff.Kind.APPROVED, caller.user().orElseThrow(), now(), sha, null);
        trail.record("REVISION_APPROVED", TARGET, id, document.unitId(), sha + " · " + day);
        notify(Set.of(new UserId(revision.authorId())), "notice.revisionApproved", revision, DAY.format(day));
        if (!day.isAfter(today)) {
            takeEffect(revisions.find(id).orElseThrow(), document);
        }
        return revisions.find(id).orElseThrow();
    }

    /** Sends the revision back to its author as a draft, with the reviewer's comments. */
    @Transactional
    public Revision reject(RevisionId id, int version, String comment) {
        Revision revision = inStatus(id, RevisionStatus.IN_REVIEW);
        Caller caller = access.editor(unitOf(revision));
        rejectVerdict(caller, unitOf(revision), revision).orThrow();
        if (isBlank(comment)) {
            throw new DomainException("error.revision.commentRequired");
        }
        move(revision, version, RevisionStatus.IN_REVIEW, RevisionStatus.DRAFT);
        revisions.insertSignOff(id, SignOff.Kind.REJECTED, caller.user().orElseThrow(), now(),
                contentSha256(revision), clip(comment, 2000));
        trail.record("REVISION_REJECTED", TARGET, id, unitOf(revision), clip(comment, 500));
        notify(Set.of(new UserId(revision.authorId())), "notice.revisionReturned", revision, clip(comment, 500));
        return revisions.find(id).orElseThrow();
    }

    /** Withdraws the document: its revision in force becomes obsolete and nothing of it applies any more. */
    @Transactional
    public void withdraw(DocumentId id, String reason) {
        Document document = access.readable(id);
        access.approver(document.unitId());
        withdrawVerdict(access.anyone(), document).orThrow();
        if (isBlank(reason)) {
            throw new DomainException("error.revision.commentRequired");
        }
        revisions.markEnded(document.effectiveRevisionId(), RevisionStatus.OBSOLETE, now());
        documents.setState(id, DocumentStatus.OBSOLETE, null, null, now());
        trail.record("DOCUMENT_WITHDRAWN", DocumentRegister.TARGET, id, document.unitId(), clip(reason, 500));
    }

    /** Puts approved revisions whose day has come into force; run by the scheduler as the system. */
    @Transactional
    public int activateDue() {
        if (!access.anyone().isSystem()) {
            throw new AccessDeniedException("only the scheduler activates revisions");
        }
        List<Revision> due = revisions.approvedDueBy(LocalDate.now(clock));
        due.forEach(r -> takeEffect(r, documents.find(r.documentId()).orElseThrow()));
        return due.size();
    }

    // ---- reading acknowledgements

    @Transactional(readOnly = true)
    public List<Acknowledgement> acknowledgements(RevisionId id) {
        Revision revision = visible(id);
        access.editor(unitOf(revision));
        return revisions.acknowledgements(id);
    }

    /** The caller confirms having read this exact revision. */
    @Transactional
    public void acknowledge(RevisionId id) {
        Revision revision = visible(id);
        Caller caller = access.reader(unitOf(revision));
        UserId me = caller.user().orElseThrow(() -> new DomainException("error.revision.needsUser"));
        if (!revisions.acknowledge(id, me, now())) {
            throw new DomainException("error.acknowledgement.notRequested");
        }
        trail.record("REVISION_ACKNOWLEDGED", TARGET, id, unitOf(revision), null);
    }

    @Transactional(readOnly = true)
    public List<PendingReading> myPendingReadings() {
        return access.anyone().user().map(revisions::pendingFor).orElse(List.of());
    }

    /**
     * Revisions waiting for the caller, in every unit: to review (in review, not yet reviewed since it was last
     * returned, in a unit the caller edits, written by someone else), to approve (reviewed, in a unit the caller
     * heads) and the caller's own returned drafts to rework. Derived from the data, so each goes once its step is
     * taken.
     */
    @Transactional(readOnly = true)
    public List<RevisionTask> myTasks() {
        Caller caller = access.anyone();
        Optional<UserId> me = caller.user();
        if (me.isEmpty()) {
            return List.of();
        }
        Set<UnitId> editing = new LinkedHashSet<>();
        Set<UnitId> heading = new LinkedHashSet<>();
        caller.grants().forEach(g -> {
            if (g.role().isEditor()) {
                editing.add(g.unitId());
            }
            if (g.role() == Role.UNIT_HEAD) {
                heading.add(g.unitId());
            }
        });
        List<RevisionTask> tasks = new ArrayList<>();
        for (JooqRevisionRepository.TaskRow row : revisions.tasks(me.get(), editing, TASKS)) {
            if (row.status() == RevisionStatus.DRAFT) {
                tasks.add(task(RevisionTask.Step.RETURNED, row, row.returnedAt(), row.returnComment()));
            } else if (row.reviewed() && heading.contains(row.unitId())) {
                tasks.add(task(RevisionTask.Step.APPROVE, row, row.submittedAt(), null));
            } else if (!row.reviewed() && row.authorId() != me.get().value()) {
                tasks.add(task(RevisionTask.Step.REVIEW, row, row.submittedAt(), null));
            }
        }
        return tasks;
    }

    private static RevisionTask task(RevisionTask.Step step, JooqRevisionRepository.TaskRow row,
            OffsetDateTime since, String comment) {
        return new RevisionTask(step, row.revisionId(), row.documentId(), row.unitId(), row.code(), row.title(),
                row.number(), since, comment);
    }

    // ---- files

    /** A file for download or preview, after the same visibility check as the revision or record it belongs to. */
    @Transactional(readOnly = true)
    public DownloadableFile open(AttachmentId id) {
        ReadableFile readable = readableFile(id);
        Attachment attachment = readable.attachment();
        RevisionStatus outdated = readable.outdated();
        byte[] content = files.get(attachment.sha256());
        String name = FileInspector.servedName(attachment.fileName(), attachment.contentType());
        if (outdated == null) {
            return new DownloadableFile(name, attachment.contentType(), content, null);
        }
        boolean superseded = outdated == RevisionStatus.SUPERSEDED;
        if ("application/pdf".equals(attachment.contentType())) {
            content = PdfMark.mark(content, superseded ? "BẢN ĐÃ BỊ THAY THẾ" : "BẢN ĐÃ HẾT HIỆU LỰC");
        }
        return new DownloadableFile((superseded ? "BI-THAY-THE_" : "HET-HIEU-LUC_") + name,
                attachment.contentType(), content, outdated);
    }

    /**
     * The verdicts on the signatures of a PDF file, after the same visibility check as its download; empty for a
     * file of another type.
     */
    @Transactional(readOnly = true)
    public Optional<SignatureReport> signatures(AttachmentId id) {
        Attachment attachment = readableFile(id).attachment();
        if (!"application/pdf".equals(attachment.contentType())) {
            return Optional.empty();
        }
        return Optional.of(signatures.report(attachment.sha256(), () -> files.get(attachment.sha256())));
    }

    /** A file the caller may read, and the status of its revision when that is no longer in force. */
    private record ReadableFile(Attachment attachment, RevisionStatus outdated) {
    }

    private ReadableFile readableFile(AttachmentId id) {
        Attachment attachment = revisions.attachment(id).orElseThrow(() -> new DomainException("error.file.notFound"));
        if (attachment.revisionId() == null) {
            access.recordReadable(attachment.recordId());
            return new ReadableFile(attachment, null);
        }
        RevisionStatus status = visible(attachment.revisionId()).status();
        return new ReadableFile(attachment, status.isOutdated() ? status : null);
    }

    // ---- internals

    /**
     * A notice about the revision to each recipient but the one acting: stored with the change, in no language
     * (the bell and the e-mail render it in the recipient's own), arguments the code, number and title first.
     */
    private void notify(Set<UserId> recipients, String key, Revision revision, String... more) {
        Set<UserId> to = new LinkedHashSet<>(recipients);
        access.anyone().user().ifPresent(to::remove);
        // A revision on its way is the editors' alone: an author who has since left the role is not told of it.
        to.retainAll(users.holdersIn(unitOf(revision), Role.QUALITY_OFFICER, Role.UNIT_HEAD));
        if (to.isEmpty()) {
            return;
        }
        Document document = documents.find(revision.documentId()).orElseThrow();
        List<String> params = new ArrayList<>(List.of(document.code(), String.valueOf(revision.number()),
                document.title()));
        params.addAll(List.of(more));
        inbox.post(to, key, params, "revision/" + revision.id().value());
    }

    void takeEffect(Revision revision, Document document) {
        Optional.ofNullable(document.effectiveRevisionId())
                .ifPresent(previous -> revisions.markEnded(previous, RevisionStatus.SUPERSEDED, now()));
        try {
            revisions.markEffective(revision.id(), document.id(), now());
        } catch (DataIntegrityViolationException e) {
            throw new DomainException("error.revision.twoEffective");
        }
        documents.setState(document.id(), DocumentStatus.EFFECTIVE, revision.id(),
                revision.effectiveOn().plusMonths(document.reviewPeriodMonths()), now());
        List<UserId> readers = revisions.distribution(revision.id());
        if (readers.isEmpty()) {
            readers = users.membersOf(document.unitId()).stream().map(Membership::userId).distinct().toList();
        }
        // Who wrote or signed off this revision has read it: they are not asked to confirm their own work.
        Set<UserId> signers = revisions.endorsers(revision.id());
        signers.add(new UserId(revision.authorId()));
        readers = readers.stream().filter(r -> !signers.contains(r)).toList();
        revisions.requestAcknowledgements(revision.id(), readers, now());
        trail.record("REVISION_EFFECTIVE", TARGET, revision.id(), document.unitId(),
                document.code() + " lần " + revision.number() + " · " + readers.size() + " readers");
    }

    /** The SHA-256 of exactly what is signed: the written text (NFC) and each file's name and hash, by name. */
    String contentSha256(Revision revision) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(Normalizer.normalize(revision.text() == null ? "" : revision.text(), Normalizer.Form.NFC));
        canonical.append("\n\u0000files\n");
        revisions.attachments(revision.id()).stream()
                .sorted(Comparator.comparing(Attachment::fileName).thenComparing(Attachment::sha256))
                .forEach(a -> canonical.append(a.fileName()).append('\u0000').append(a.sha256()).append('\n'));
        return FileInspector.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String comparableText(Revision revision) {
        StringBuilder text = new StringBuilder(revision.text() == null ? "" : revision.text());
        for (Attachment a : revisions.attachments(revision.id())) {
            text.append("\n\n── ").append(a.fileName()).append(" ──\n")
                    .append(a.extractedText() == null ? "" : a.extractedText());
        }
        return text.toString();
    }

    private Revision visible(RevisionId id) {
        Revision revision = revisions.find(id).orElseThrow(() -> new DomainException("error.revision.notFound"));
        UnitId unit = unitOf(revision);
        Caller caller = access.reader(unit);
        if (!DocumentAccess.canSee(caller, unit, revision.status())) {
            throw new DomainException("error.revision.notFound");
        }
        return revision;
    }

    private Revision editable(RevisionId id) {
        Revision revision = revisions.find(id).orElseThrow(() -> new DomainException("error.revision.notFound"));
        access.editor(unitOf(revision));
        if (revision.status() != RevisionStatus.DRAFT) {
            throw new DomainException("error.revision.frozen");
        }
        return revision;
    }

    private Revision inStatus(RevisionId id, RevisionStatus status) {
        Revision revision = visible(id);
        if (revision.status() != status) {
            throw new DomainException("error.revision.wrongStatus");
        }
        return revision;
    }

    private void move(Revision revision, int version, RevisionStatus from, RevisionStatus to) {
        if (!revisions.transition(revision.id(), version, from, to)) {
            throw new ConcurrentEditException();
        }
    }

    private UnitId unitOf(Revision revision) {
        return documents.unitOf(revision.documentId()).orElseThrow();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
