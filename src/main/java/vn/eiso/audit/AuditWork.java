package vn.eiso.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.Inputs;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.NextStep;
import vn.eiso.base.Role;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.document.EvidenceFiles;
import vn.eiso.inbox.Inbox;
import vn.eiso.nonconformity.NewFinding;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.organisation.UserService;
import vn.eiso.reporting.PdfReport;
import vn.eiso.signature.SignatureReport;
import vn.eiso.base.Texts;

/**
 * Performing an audit: the team records evidence and a result per checklist item and writes the report; the lead
 * auditor signs it off with the password, which freezes it and opens a nonconformity for every finding graded as
 * one; the unit head acknowledges it.
 */
@Service
public class AuditWork {

    private static final int MAX_TEXT = 8000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final JooqInternalAuditRepository audits;
    private final Audits programme;
    private final Nonconformities nonconformities;
    private final UserService users;
    private final EvidenceFiles evidenceFiles;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Inbox inbox;
    private final Clock clock;

    AuditWork(JooqInternalAuditRepository audits, Audits programme, Nonconformities nonconformities, UserService users,
            EvidenceFiles evidenceFiles, AccessGuard guard, AuditTrail trail, Inbox inbox, Clock clock) {
        this.audits = audits;
        this.programme = programme;
        this.nonconformities = nonconformities;
        this.users = users;
        this.evidenceFiles = evidenceFiles;
        this.guard = guard;
        this.trail = trail;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AuditItem> checklist(AuditId id) {
        programme.get(id);
        return audits.items(id);
    }

    /** Whether the caller may record results and write the report of this audit now. */
    @Transactional(readOnly = true)
    public boolean canWork(AuditId id) {
        Audit audit = programme.get(id);
        return audit.status().isOpen() && programme.isWorkingOnTeam(guard.caller(), audit);
    }

    /** The status line: what happens next and who does it. */
    @Transactional(readOnly = true)
    public NextStep nextStep(AuditId id) {
        Audit audit = programme.get(id);
        return switch (audit.status()) {
            case PLANNED, IN_PROGRESS -> NextStep.of("nextStep.audit.open", audit.startsOn(), audit.endsOn(),
                    audit.lead().name());
            case SIGNED -> NextStep.of("nextStep.audit.signed", audit.unitName());
            case ACKNOWLEDGED -> NextStep.of("nextStep.audit.acknowledged");
        };
    }

    /** Whether the caller is the head of the audited unit and the report waits for acknowledgement. */
    @Transactional(readOnly = true)
    public boolean canAcknowledge(AuditId id) {
        Audit audit = programme.get(id);
        return audit.status() == AuditStatus.SIGNED && guard.caller().hasRoleIn(audit.unitId(), Role.UNIT_HEAD);
    }

    @Transactional
    public AuditItem record(AuditItemId itemId, int version, String evidence, ItemResult result) {
        return record(itemId, version, evidence, result, Map.of());
    }

    /**
     * Records an item's result and evidence, attaching the given files; a file the inspection refuses refuses the
     * whole change.
     */
    @Transactional
    public AuditItem record(AuditItemId itemId, int version, String evidence, ItemResult result,
            Map<String, byte[]> files) {
        AuditId auditId = audits.auditOf(itemId).orElseThrow(() -> new DomainException("error.audit.notFound"));
        Audit audit = openForTeam(auditId);
        String clean = evidence == null ? null : evidence.strip();
        if (clean != null && clean.length() > MAX_TEXT) {
            throw new DomainException("error.tooLong", MAX_TEXT);
        }
        if (result != null && result != ItemResult.CONFORMING && (clean == null || clean.isEmpty())) {
            throw new DomainException("error.audit.evidenceRequired");
        }
        if (!audits.updateItem(itemId, version, clean == null || clean.isEmpty() ? null : clean, result)) {
            throw new ConcurrentEditException();
        }
        UserId me = guard.caller().user().orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            EvidenceFiles.Stored stored = evidenceFiles.store(file.getKey(), file.getValue());
            audits.insertFile(itemId, stored.fileName(), stored.contentType(), stored.size(), stored.sha256(), me, now);
        }
        audits.markInProgress(auditId);
        trail.record("AUDIT_ITEM_RECORDED", Audits.TARGET, auditId, audit.unitId(),
                "item " + itemId + ": " + (result == null ? "-" : result.name())
                        + (files.isEmpty() ? "" : " + " + String.join(", ", files.keySet())));
        return audits.items(auditId).stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
    }

    /**
     * The team adds a question of its own to the checklist while the audit is open (optionally under a clause); it
     * must be answered like the generated ones before sign-off.
     */
    @Transactional
    public AuditItem addItem(AuditId id, String question, String clauseCode) {
        Audit audit = openForTeam(id);
        String clean = Inputs.required(question, 1000, "error.audit.questionRequired");
        if (clauseCode != null && audits.clauses().stream().noneMatch(c -> c.code().equals(clauseCode))) {
            throw new DomainException("error.audit.clauseUnknown");
        }
        List<AuditItem> items = audits.items(id);
        int position = items.isEmpty() ? 1 : items.getLast().position() + 1;
        audits.insertItem(id, position, clauseCode, null, clean);
        trail.record("AUDIT_ITEM_ADDED", Audits.TARGET, id, audit.unitId(), clean);
        return audits.items(id).getLast();
    }

    /** The evidence files of the audit's checklist, for whoever may read the audit. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> evidenceFiles(AuditId id) {
        programme.get(id);
        return audits.files(id);
    }

    /** A file's bytes, after checking that the caller may read its audit. */
    @Transactional(readOnly = true)
    public byte[] evidenceContent(long fileId) {
        return evidenceFiles.read(readableEvidence(fileId));
    }

    /** The signatures on a PDF evidence file the caller may read; empty for a file of another type. */
    @Transactional(readOnly = true)
    public Optional<SignatureReport> evidenceSignatures(EvidenceFile file) {
        return evidenceFiles.signatures(readableEvidence(file.id()), file.contentType());
    }

    /** The stored content's hash of an evidence file whose audit the caller may read. */
    private String readableEvidence(long fileId) {
        Map.Entry<AuditItemId, String> file = audits.file(fileId)
                .orElseThrow(() -> new DomainException("error.audit.fileNotFound"));
        programme.get(audits.auditOf(file.getKey()).orElseThrow());
        return file.getValue();
    }

    /** Removes an evidence file while the audit is open; the team only. */
    @Transactional
    public void removeEvidence(long fileId) {
        Map.Entry<AuditItemId, String> file = audits.file(fileId)
                .orElseThrow(() -> new DomainException("error.audit.fileNotFound"));
        AuditId auditId = audits.auditOf(file.getKey()).orElseThrow();
        Audit audit = openForTeam(auditId);
        audits.deleteFile(fileId);
        trail.record("AUDIT_EVIDENCE_REMOVED", Audits.TARGET, auditId, audit.unitId(), "file " + fileId);
    }

    public long maxFileBytes() {
        return evidenceFiles.maxBytes();
    }

    @Transactional
    public Audit saveReport(AuditId id, int version, String summary, String conclusion) {
        Audit audit = openForTeam(id);
        if (!audits.saveReport(id, version, limited(summary), limited(conclusion))) {
            throw new ConcurrentEditException();
        }
        trail.record("AUDIT_REPORT_SAVED", Audits.TARGET, id, audit.unitId(), null);
        return programme.get(id);
    }

    /**
     * The lead auditor's sign-off. Every item must have a result, the report its summary and conclusion; each
     * nonconformity finding opens a nonconformity in the unit's register in the same transaction.
     */
    @Transactional
    public Audit signOff(AuditId id, int version, String password) {
        audits.lock(id);
        Audit audit = programme.get(id);
        Caller caller = guard.caller();
        UserId me = caller.user().orElseThrow(() -> new AccessDeniedException("no user"));
        if (!audit.lead().id().equals(me) || !programme.isWorkingOnTeam(caller, audit)) {
            throw new DomainException("error.audit.leadOnly");
        }
        if (!audit.status().isOpen()) {
            throw new DomainException("error.audit.signed");
        }
        users.verifySignature(password, "AUDIT_SIGNED #" + id);
        if (blank(audit.summary()) || blank(audit.conclusion())) {
            throw new DomainException("error.audit.reportIncomplete");
        }
        List<AuditItem> items = audits.items(id);
        long unanswered = items.stream().filter(i -> i.result() == null).count();
        if (unanswered > 0) {
            throw new DomainException("error.audit.itemsUnanswered", unanswered);
        }
        if (!audits.sign(id, version, me, OffsetDateTime.now(clock))) {
            throw audit.status() == AuditStatus.PLANNED ? new DomainException("error.audit.notStarted")
                    : new ConcurrentEditException();
        }
        int findings = 0;
        for (AuditItem item : items) {
            if (item.result().isNonconformity()) {
                findings++;
                nonconformities.openFromFinding(new NewFinding(audit.unitId(), item.id().value(),
                        item.result() == ItemResult.MAJOR_NC ? Nonconformity.Severity.MAJOR
                                : Nonconformity.Severity.MINOR,
                        item.clauseCode(), item.documentId(), findingText(audit, item)));
            }
        }
        trail.record("AUDIT_SIGNED", Audits.TARGET, id, audit.unitId(), audit.title());
        // The head acknowledges the signed report and its findings; the quality officers hear of each finding as
        // a new nonconformity to triage (Nonconformities#openFromFinding).
        Set<UserId> heads = new LinkedHashSet<>(users.holdersIn(audit.unitId(), Role.UNIT_HEAD));
        heads.remove(me);
        inbox.post(heads, "notice.auditSigned", List.of(audit.title(), String.valueOf(findings)),
                "audit/" + id.value());
        return programme.get(id);
    }

    @Transactional
    public Audit acknowledge(AuditId id, int version) {
        Audit audit = programme.get(id);
        Caller caller = guard.requireRoleIn(audit.unitId(), Role.UNIT_HEAD);
        if (audit.status() != AuditStatus.SIGNED) {
            throw new DomainException("error.audit.notSigned");
        }
        if (!audits.acknowledge(id, version, caller.user().orElseThrow(), OffsetDateTime.now(clock))) {
            throw new ConcurrentEditException();
        }
        trail.record("AUDIT_ACKNOWLEDGED", Audits.TARGET, id, audit.unitId(), audit.title());
        return programme.get(id);
    }

    /** The report as a PDF in the reader's language, for whoever may read the audit. */
    @Transactional(readOnly = true)
    public byte[] reportPdf(AuditId id, Texts texts) {
        Audit audit = programme.get(id);
        ZoneId zone = clock.getZone();
        List<IsoClause> clauses = audits.clauses();
        PdfReport pdf = new PdfReport(texts.get("audit.pdf.title"))
                .field(texts.get("audit.unit"), audit.unitName())
                .field(texts.get("audit.title"), audit.title())
                .field(texts.get("audit.dates"), DATE.format(audit.startsOn()) + " – " + DATE.format(audit.endsOn()))
                .field(texts.get("audit.criteria"), audit.criteria())
                .field(texts.get("audit.lead"), audit.lead().name())
                .field(texts.get("audit.team"), String.join(", ", audit.team().stream().map(Person::name).toList()))
                .field(texts.get("audit.scope.procedures"), String.join(", ",
                        audit.procedures().stream().map(p -> p.code() + " " + p.title()).toList()))
                .field(texts.get("audit.scope.clauses"), String.join(", ", audit.clauses()))
                .field(texts.get("audit.status"), texts.get("auditStatus." + audit.status()));
        pdf.heading(texts.get("audit.checklist"));
        for (AuditItem item : audits.items(id)) {
            pdf.field(itemLabel(item, clauses, texts), item.result() == null ? "—"
                    : texts.get("itemResult." + item.result()));
            if (item.evidence() != null) {
                pdf.paragraph(item.evidence());
            }
        }
        pdf.heading(texts.get("audit.summary")).paragraph(nullToEmpty(audit.summary()))
                .heading(texts.get("audit.conclusion")).paragraph(nullToEmpty(audit.conclusion()));
        if (audit.signedAt() != null) {
            pdf.field(texts.get("audit.signedBy"), audit.signedByName() + " · "
                    + DATE_TIME.format(audit.signedAt().atZoneSameInstant(zone)));
        }
        if (audit.acknowledgedAt() != null) {
            pdf.field(texts.get("audit.acknowledgedBy"), audit.acknowledgedByName() + " · "
                    + DATE_TIME.format(audit.acknowledgedAt().atZoneSameInstant(zone)));
        }
        return pdf.toBytes();
    }

    /** "7.5 Documented information" or "QT-01 Title (7.5)", in the reader's language. */
    public static String itemLabel(AuditItem item, List<IsoClause> clauses, Texts texts) {
        if (item.documentCode() != null) {
            return item.documentCode() + " " + item.documentTitle()
                    + (item.clauseCode() == null ? "" : " (" + item.clauseCode() + ")");
        }
        if (item.question() != null) {
            return (item.clauseCode() == null ? "" : item.clauseCode() + " · ") + item.question();
        }
        return item.clauseCode() + " " + clauses.stream().filter(c -> c.code().equals(item.clauseCode()))
                .findFirst().map(c -> c.title(texts.locale())).orElse("");
    }

    private Audit openForTeam(AuditId id) {
        audits.lock(id);
        Audit audit = programme.get(id);
        if (!audit.status().isOpen()) {
            throw new DomainException("error.audit.signed");
        }
        if (!programme.isWorkingOnTeam(guard.caller(), audit)) {
            throw new DomainException("error.audit.teamOnly");
        }
        return audit;
    }

    private static String findingText(Audit audit, AuditItem item) {
        String where = item.documentCode() != null ? item.documentCode()
                : item.question() != null ? item.question() : item.clauseCode();
        String text = audit.title() + " · " + where + ": " + item.evidence();
        return text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    private static String limited(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.length() > MAX_TEXT) {
            throw new DomainException("error.tooLong", MAX_TEXT);
        }
        return clean.isEmpty() ? null : clean;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
