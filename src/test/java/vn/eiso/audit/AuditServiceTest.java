package vn.eiso.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.eiso.db.Tables.AUDIT;
import static vn.eiso.db.Tables.AUDIT_EVENT;
import static vn.eiso.db.Tables.NONCONFORMITY;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import vn.eiso.signature.PdfSignature;
import vn.eiso.signature.SignatureVerdict;
import vn.eiso.signature.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.UserId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.base.ui.Messages;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.UserAccount;
import vn.eiso.organisation.UserService;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;

/** Clause 9.2 as the services enforce it: planning, impartiality, performing, sign-off and what follows from it. */
class AuditServiceTest extends ServiceTest {

    private static final String PASSWORD = Accounts.DEMO_PASSWORD;

    @Autowired
    Audits audits;
    @Autowired
    AuditWork work;
    @Autowired
    AuditorPool pool;
    @Autowired
    JooqAuditorRepository auditors;
    @Autowired
    Nonconformities nonconformities;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    UserService users;
    @Autowired
    DSLContext dsl;



    private DocumentId procedure(String code) {
        as("thuky.stp");
        return audits.procedures(stp).stream().filter(p -> p.code().equals(code)).map(DocumentSummary::id)
                .findFirst().orElseThrow();
    }

    /** A new user holding the internal-auditor role in the unit with this code. */
    private UserId newAuditor(String unitCode) {
        return SystemAuthentication.runAsSystem(() -> {
            String name = "kt" + UUID.randomUUID().toString().substring(0, 8);
            UserAccount user = users.create(new NewUser(name, "Kiểm tra " + name, null, PASSWORD));
            users.grant(user.id(), units.byCode(unitCode).id(), Role.INTERNAL_AUDITOR);
            return user.id();
        });
    }

    private UserId danhgia() {
        return as("danhgia").userId();
    }

    private AuditPlan plan(UserId lead, Set<DocumentId> procedures, Set<String> clauses) {
        LocalDate start = today.getMonthValue() == 12 && today.getDayOfMonth() > 28 ? today : today.plusDays(1);
        return new AuditPlan("Đánh giá thử " + UUID.randomUUID().toString().substring(0, 4), "TCVN ISO 9001:2015",
                start, start, lead, Set.of(), procedures, clauses);
    }

    private int auditCount() {
        return dsl.fetchCount(AUDIT);
    }

    private void refused(Runnable call, String key) {
        int before = auditCount();
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo(key);
        assertThat(auditCount()).isEqualTo(before);
    }

    @Test
    void the_checklist_has_every_subclause_in_scope_and_every_procedure_with_the_clause_it_serves() {
        UserId lead = danhgia();
        DocumentId control = procedure("QT-01");
        Audit audit = audits.plan(stp, plan(lead, Set.of(control), Set.of("7", "9.2")));

        List<AuditItem> items = work.checklist(audit.id());
        assertThat(items).extracting(AuditItem::clauseCode)
                .containsExactly("7.1", "7.2", "7.3", "7.4", "7.5", "9.2", "7.5");
        assertThat(items.getLast().documentCode()).isEqualTo("QT-01");
        assertThat(items).extracting(AuditItem::position).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(audit.status()).isEqualTo(AuditStatus.PLANNED);
        assertThat(audit.year()).isEqualTo(audit.startsOn().getYear());
    }

    @Test
    void an_auditor_may_not_audit_their_own_unit_by_default() {
        UserId insider = newAuditor("STP");
        as("thuky.stp");
        refused(() -> audits.plan(stp, plan(insider, Set.of(), Set.of("4"))), "error.audit.impartial.ownUnit");

        UserId outsider = newAuditor("SNV");
        as("thuky.stp");
        refused(() -> audits.plan(stp, new AuditPlan("Đánh giá", "ISO", today.plusDays(1), today.plusDays(1),
                outsider, Set.of(insider), Set.of(), Set.of("4"))), "error.audit.impartial.ownUnit");
    }

    @Test
    void an_auditor_may_not_audit_a_procedure_they_own() {
        UserId auditor = newAuditor("SNV");
        EisoPrincipal officer = as("thuky.stp");
        String code = "QT-K" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Document owned = register.create(stp, DocumentData.of(code, "Quy trình do chuyên gia chủ trì",
                DocumentType.PROCEDURE, auditor));
        Revision draft = workflow.startRevision(owned.id(), "Lần đầu");
        draft = workflow.editDraft(draft.id(), draft.version(), "Nội dung", "Lần đầu");
        workflow.submit(draft.id(), draft.version());
        assertThat(officer.userId()).isNotEqualTo(auditor);

        refused(() -> audits.plan(stp, plan(auditor, Set.of(owned.id()), Set.of())), "error.audit.impartial.ownWork");
        Audit fine = audits.plan(stp, plan(auditor, Set.of(procedure("QT-01")), Set.of()));
        assertThat(fine.lead().id()).isEqualTo(auditor);
    }

    @Test
    void with_own_unit_audits_allowed_the_approver_of_a_procedure_is_still_refused() {
        UserId head = as("lanhdao.stp").userId();
        as("sokhcn");
        if (pool.members().stream().noneMatch(p -> p.id().equals(head))) {
            pool.add(head);
        }
        as("thuky.stp");
        Impartiality lenient = new Impartiality(auditors, register, true);
        DocumentId control = procedure("QT-01");

        assertThatThrownBy(() -> lenient.check(stp, "Sở Tư pháp", List.of(head), Map.of(control, "QT-01")))
                .isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.impartial.ownWork");
        lenient.check(stp, "Sở Tư pháp", List.of(head), Map.of());
    }

    @Test
    void someone_who_is_not_an_auditor_is_refused_and_bad_plans_change_nothing() {
        UserId staff = as("congchuc.stp").userId();
        UserId auditor = danhgia();
        as("thuky.stp");
        DocumentId control = procedure("QT-01");
        DocumentId foreign = SystemAuthentication.runAsSystem(() -> register.list(
                DocumentFilter.of(units.byCode("X-TANPHU").id()), DocumentSort.CODE,
                true, 0, 1)).getFirst().id();
        as("thuky.stp");

        refused(() -> audits.plan(stp, plan(staff, Set.of(control), Set.of())), "error.audit.notAuditor");
        refused(() -> audits.plan(stp, plan(auditor, Set.of(), Set.of())), "error.audit.scopeRequired");
        refused(() -> audits.plan(stp, plan(null, Set.of(control), Set.of())), "error.audit.leadRequired");
        refused(() -> audits.plan(stp, new AuditPlan("Đánh giá", "ISO", today.plusDays(3), today.plusDays(2), auditor,
                Set.of(), Set.of(control), Set.of())), "error.audit.dateOrder");
        refused(() -> audits.plan(stp, new AuditPlan(" ", "ISO", today, today, auditor, Set.of(), Set.of(control),
                Set.of())), "error.audit.titleRequired");
        refused(() -> audits.plan(stp, plan(auditor, Set.of(), Set.of("11"))), "error.audit.clauseUnknown");
        refused(() -> audits.plan(stp, plan(auditor, Set.of(foreign), Set.of())), "error.audit.scopeForeign");
    }

    /** Plans an audit led by danhgia with one procedure and clause 9.2; returns it as planned. */
    private Audit planned() {
        UserId lead = danhgia();
        as("thuky.stp");
        return audits.plan(stp, plan(lead, Set.of(procedure("QT-06")), Set.of("9.2")));
    }

    @Test
    void sign_off_needs_the_lead_the_password_every_result_and_the_report_then_nothing_changes() {
        Audit audit = planned();
        as("danhgia");
        List<AuditItem> items = work.checklist(audit.id());
        AuditItem clause = items.getFirst();
        AuditItem procedure = items.getLast();
        assertThatThrownBy(() -> work.record(procedure.id(), procedure.version(), " ", ItemResult.MAJOR_NC))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.evidenceRequired");
        work.record(clause.id(), clause.version(), null, ItemResult.CONFORMING);
        assertThat(audits.get(audit.id()).status()).isEqualTo(AuditStatus.IN_PROGRESS);

        Audit current = audits.get(audit.id());
        assertThatThrownBy(() -> work.signOff(audit.id(), current.version(), PASSWORD))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.reportIncomplete");
        Audit reported = work.saveReport(audit.id(), current.version(), "Tóm tắt", "Kết luận: phù hợp");
        assertThatThrownBy(() -> work.signOff(audit.id(), reported.version(), PASSWORD))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.itemsUnanswered");
        work.record(procedure.id(), procedure.version(), "02 hồ sơ trễ hạn không có thư xin lỗi",
                ItemResult.MAJOR_NC);
        assertThatThrownBy(() -> work.signOff(audit.id(), reported.version(), "sai"))
                .hasFieldOrPropertyWithValue("messageKey", "error.signoff.password");

        as("thuky.stp");
        assertThatThrownBy(() -> work.signOff(audit.id(), reported.version(), PASSWORD))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.leadOnly");

        as("danhgia");
        Audit signed = work.signOff(audit.id(), reported.version(), PASSWORD);
        assertThat(signed.status()).isEqualTo(AuditStatus.SIGNED);
        assertThat(signed.signedByName()).isEqualTo("Phạm Quốc Bảo");

        List<AuditItem> frozen = work.checklist(audit.id());
        AuditItem after = frozen.getFirst();
        assertThatThrownBy(() -> work.record(after.id(), after.version(), "sửa sau khi ký", ItemResult.OBSERVATION))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.signed");
        assertThatThrownBy(() -> work.saveReport(audit.id(), signed.version(), "khác", "khác"))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.signed");
        assertThatThrownBy(() -> work.signOff(audit.id(), signed.version(), PASSWORD))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.signed");
        assertThat(work.checklist(audit.id())).isEqualTo(frozen);
        Audit unchanged = audits.get(audit.id());
        assertThat(unchanged.summary()).isEqualTo("Tóm tắt");
        assertThat(unchanged.version()).isEqualTo(signed.version());
    }

    @Test
    void each_nonconformity_finding_opens_one_nonconformity_linked_both_ways() {
        Audit audit = planned();
        as("danhgia");
        List<AuditItem> items = work.checklist(audit.id());
        work.record(items.get(0).id(), items.get(0).version(), "Chương trình đánh giá năm chưa phê duyệt",
                ItemResult.MINOR_NC);
        work.record(items.get(1).id(), items.get(1).version(), "03 hồ sơ trả quá hạn", ItemResult.MAJOR_NC);
        Audit reported = work.saveReport(audit.id(), audits.get(audit.id()).version(), "Tóm tắt", "Kết luận");
        int before = dsl.fetchCount(NONCONFORMITY);
        work.signOff(audit.id(), reported.version(), PASSWORD);

        assertThat(dsl.fetchCount(NONCONFORMITY)).isEqualTo(before + 2);
        List<AuditItem> linked = work.checklist(audit.id());
        assertThat(linked).allSatisfy(i -> assertThat(i.nonconformityId()).isNotNull());
        as("thuky.stp");
        List<Nonconformity> opened = nonconformities.ofUnit(stp, true).stream()
                .filter(n -> Long.valueOf(audit.id().value()).equals(n.auditId())).toList();
        assertThat(opened).hasSize(2);
        for (AuditItem item : linked) {
            Nonconformity nc = opened.stream().filter(n -> n.id().value() == item.nonconformityId()).findFirst()
                    .orElseThrow();
            assertThat(nc.auditItemId()).isEqualTo(item.id().value());
            assertThat(nc.source()).isEqualTo(Nonconformity.Source.INTERNAL_AUDIT);
            assertThat(nc.status()).isEqualTo(Nonconformity.Status.REPORTED);
            assertThat(nc.severity()).isEqualTo(item.result() == ItemResult.MAJOR_NC ? Nonconformity.Severity.MAJOR
                    : Nonconformity.Severity.MINOR);
            assertThat(nc.description()).contains(item.evidence());
            assertThat(nc.clauseCode()).isEqualTo(item.clauseCode());
        }
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("NC_OPENED")
                .and(AUDIT_EVENT.UNIT_ID.eq(stp.value())))).isGreaterThanOrEqualTo(2);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("AUDIT_SIGNED")
                .and(AUDIT_EVENT.TARGET_ID.eq(audit.id().toString())))).isEqualTo(1);
    }

    @Test
    void roles_and_units_decide_who_plans_reads_records_and_acknowledges() {
        Audit audit = planned();

        UserId lead = danhgia();
        as("congchuc.stp");
        assertThatThrownBy(() -> audits.plan(stp, plan(lead, Set.of(), Set.of("4"))))
                .isInstanceOf(AccessDeniedException.class);
        as("congchuc.stp");
        assertThat(audits.get(audit.id()).title()).isEqualTo(audit.title());
        AuditItem item = work.checklist(audit.id()).getFirst();
        assertThatThrownBy(() -> work.record(item.id(), item.version(), null, ItemResult.CONFORMING))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.teamOnly");

        as("thuky.xa");
        assertThatThrownBy(() -> audits.get(audit.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audits.programme(stp, audit.year())).isInstanceOf(AccessDeniedException.class);

        UserId stranger = newAuditor("SNV");
        as("thuky.stp");
        Audit other = audits.plan(stp, plan(stranger, Set.of(), Set.of("4")));
        as("danhgia");
        assertThat(audits.get(audit.id()).lead().name()).isEqualTo("Phạm Quốc Bảo");
        assertThat(audits.assignedToMe()).extracting(AuditSummary::id).contains(audit.id())
                .doesNotContain(other.id());
        assertThatThrownBy(() -> audits.get(other.id())).isInstanceOf(AccessDeniedException.class);

        for (AuditItem each : work.checklist(audit.id())) {
            work.record(each.id(), each.version(), null, ItemResult.CONFORMING);
        }
        Audit reported = work.saveReport(audit.id(), audits.get(audit.id()).version(), "Tóm tắt", "Kết luận");
        Audit signed = work.signOff(audit.id(), reported.version(), PASSWORD);
        as("thuky.stp");
        assertThat(work.canAcknowledge(audit.id())).isFalse();
        assertThatThrownBy(() -> work.acknowledge(audit.id(), signed.version()))
                .isInstanceOf(AccessDeniedException.class);
        as("lanhdao.stp");
        assertThat(work.acknowledge(audit.id(), signed.version()).status()).isEqualTo(AuditStatus.ACKNOWLEDGED);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("AUDIT_ACKNOWLEDGED")
                .and(AUDIT_EVENT.TARGET_ID.eq(audit.id().toString())))).isEqualTo(1);
    }

    @Test
    void a_planned_audit_can_be_cancelled_a_started_one_cannot() {
        Audit audit = planned();
        Audit started = planned();
        as("danhgia");
        AuditItem item = work.checklist(started.id()).getFirst();
        work.record(item.id(), item.version(), null, ItemResult.CONFORMING);

        as("thuky.stp");
        audits.cancel(audit.id(), audit.version());
        assertThatThrownBy(() -> audits.get(audit.id())).hasFieldOrPropertyWithValue("messageKey",
                "error.audit.notFound");
        assertThatThrownBy(() -> audits.cancel(started.id(), audits.get(started.id()).version()))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.started");
    }

    @Test
    void the_programme_asks_twice_a_year_for_citizen_facing_procedures_and_names_uncovered_clauses() {
        as("thuky.stp");
        int year = today.getYear() + 1;
        ProgrammeCoverage empty = audits.coverage(stp, year);
        assertThat(empty.uncoveredClauses()).containsExactly("4", "5", "6", "7", "8", "9", "10");
        ProgrammeCoverage.ProcedureCoverage lyLich = empty.procedures().stream()
                .filter(p -> p.code().equals("QT-06")).findFirst().orElseThrow();
        assertThat(lyLich.citizenFacing()).isTrue();
        assertThat(lyLich.required()).isEqualTo(2);
        assertThat(lyLich.planned()).isZero();
        assertThat(empty.isComplete()).isFalse();

        UserId lead = danhgia();
        as("thuky.stp");
        LocalDate next = LocalDate.of(year, 3, 10);
        audits.plan(stp, new AuditPlan("Đợt 1", "ISO", next, next, lead, Set.of(), Set.of(procedure("QT-06")),
                Set.of("4", "5.1")));
        ProgrammeCoverage after = audits.coverage(stp, year);
        assertThat(after.uncoveredClauses()).containsExactly("6", "7", "8", "9", "10");
        assertThat(after.procedures()).filteredOn(p -> p.code().equals("QT-06"))
                .extracting(ProgrammeCoverage.ProcedureCoverage::planned).containsExactly(1);
    }

    @Test
    void the_report_pdf_carries_the_report_and_the_evidence_as_written() throws Exception {
        Audit audit = planned();
        as("danhgia");
        List<AuditItem> items = work.checklist(audit.id());
        String evidence = "Hồ sơ số 15/LLTP trả chậm 3 ngày; chưa có phiếu xin lỗi theo Quyết định 09/2015/QĐ-TTg.";
        work.record(items.getFirst().id(), items.getFirst().version(), null, ItemResult.CONFORMING);
        work.record(items.getLast().id(), items.getLast().version(), evidence, ItemResult.MINOR_NC);
        Audit reported = work.saveReport(audit.id(), audits.get(audit.id()).version(),
                "Đoàn đánh giá làm việc tại Bộ phận Một cửa ngày đầu tiên.", "Hệ thống phù hợp, cần khắc phục 01 điểm.");
        work.signOff(audit.id(), reported.version(), PASSWORD);

        byte[] pdf = work.reportPdf(audit.id(), Messages.texts(Messages.VIETNAMESE));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("BÁO CÁO ĐÁNH GIÁ NỘI BỘ", audit.title(), "Sở Tư pháp", evidence,
                "Đoàn đánh giá làm việc tại Bộ phận Một cửa ngày đầu tiên.", "Hệ thống phù hợp, cần khắc phục 01 điểm.",
                "Không phù hợp nhẹ", "9.2 Đánh giá nội bộ", "Phạm Quốc Bảo");
    }

    @Test
    void evidence_files_are_checked_like_document_files_readable_by_readers_and_frozen_by_the_sign_off() {
        Audit audit = planned();
        as("danhgia");
        AuditItem item = work.checklist(audit.id()).getFirst();
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
        assertThatThrownBy(() -> work.record(item.id(), item.version(), "Ảnh chụp sổ", ItemResult.OBSERVATION,
                Map.of("anh-chup.exe", exe))).hasFieldOrPropertyWithValue("messageKey", "error.file.executable");
        assertThatThrownBy(() -> work.record(item.id(), item.version(), "Ảnh chụp sổ", ItemResult.OBSERVATION,
                Map.of("anh-chup.png", exe))).hasFieldOrPropertyWithValue("messageKey", "error.file.type");
        assertThat(work.checklist(audit.id()).getFirst().result()).isNull();
        assertThat(work.evidenceFiles(audit.id())).isEmpty();

        byte[] note = "Biên bản phỏng vấn bộ phận một cửa".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> work.record(item.id(), item.version(), "Ảnh chụp sổ", ItemResult.OBSERVATION,
                Map.of("bien-ban\u202Etxt.js", note))).hasFieldOrPropertyWithValue("messageKey", "error.file.executable");
        work.record(item.id(), item.version(), "Ảnh chụp sổ", ItemResult.OBSERVATION,
                Map.of("bien-ban phong van.txt", note));
        List<EvidenceFile> files = work.evidenceFiles(audit.id());
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().fileName()).isEqualTo("bien-ban phong van.txt");
        assertThat(files.getFirst().contentType()).isEqualTo("text/plain");
        assertThat(files.getFirst().itemId()).isEqualTo(item.id());

        as("congchuc.stp");
        assertThat(work.evidenceContent(files.getFirst().id())).isEqualTo(note);
        as("thuky.xa");
        assertThatThrownBy(() -> work.evidenceContent(files.getFirst().id())).isInstanceOf(AccessDeniedException.class);

        as("danhgia");
        for (AuditItem each : work.checklist(audit.id())) {
            if (each.result() == null) {
                work.record(each.id(), each.version(), null, ItemResult.CONFORMING);
            }
        }
        Audit reported = work.saveReport(audit.id(), audits.get(audit.id()).version(), "Tóm tắt", "Kết luận");
        work.signOff(audit.id(), reported.version(), PASSWORD);
        assertThatThrownBy(() -> work.removeEvidence(files.getFirst().id()))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.signed");
        assertThat(work.evidenceFiles(audit.id())).hasSize(1);
    }

    @Test
    void a_signed_pdf_kept_as_evidence_shows_its_signer_to_those_who_read_the_audit_and_a_text_file_shows_none() {
        Audit audit = planned();
        as("danhgia");
        AuditItem item = work.checklist(audit.id()).getFirst();
        byte[] minutes = TestPki.signed(TestPki.pdf("Bien ban kiem tra"), TestPki.DIRECTOR);
        work.record(item.id(), item.version(), "Biên bản có ký số", ItemResult.OBSERVATION,
                Map.of("bien-ban.pdf", minutes, "ghi-chu.txt", "Ghi chú".getBytes(StandardCharsets.UTF_8)));
        Map<String, EvidenceFile> files = work.evidenceFiles(audit.id()).stream()
                .collect(java.util.stream.Collectors.toMap(EvidenceFile::fileName, f -> f));

        as("congchuc.stp");
        PdfSignature signature = work.evidenceSignatures(files.get("bien-ban.pdf")).orElseThrow().headline()
                .orElseThrow();
        assertThat(signature.signerName()).isEqualTo("Trần Văn Hùng");
        assertThat(signature.verdict()).as("the tests' CA is not in the trust store")
                .isEqualTo(SignatureVerdict.UNTRUSTED);
        assertThat(work.evidenceSignatures(files.get("ghi-chu.txt"))).isEmpty();
        as("thuky.xa");
        assertThatThrownBy(() -> work.evidenceSignatures(files.get("bien-ban.pdf")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_team_adds_its_own_questions_which_must_be_answered_before_sign_off() {
        Audit audit = planned();
        as("congchuc.stp");
        assertThatThrownBy(() -> work.addItem(audit.id(), "Câu hỏi của công chức", null))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.teamOnly");
        as("danhgia");
        assertThatThrownBy(() -> work.addItem(audit.id(), "  ", null))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.questionRequired");
        assertThatThrownBy(() -> work.addItem(audit.id(), "Hỏi", "12.1"))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.clauseUnknown");
        int before = work.checklist(audit.id()).size();
        AuditItem added = work.addItem(audit.id(), "Phiếu hẹn trả kết quả có ghi đủ thông tin liên hệ?", "8.5");

        List<AuditItem> items = work.checklist(audit.id());
        assertThat(items).hasSize(before + 1);
        assertThat(items.getLast()).isEqualTo(added);
        assertThat(added.position()).isEqualTo(before + 1);
        assertThat(AuditWork.itemLabel(added, audits.clauses(), Messages.texts(Messages.VIETNAMESE)))
                .isEqualTo("8.5 · Phiếu hẹn trả kết quả có ghi đủ thông tin liên hệ?");
        for (AuditItem item : items.subList(0, before)) {
            work.record(item.id(), item.version(), null, ItemResult.CONFORMING);
        }
        Audit reported = work.saveReport(audit.id(), audits.get(audit.id()).version(), "Tóm tắt", "Kết luận");
        assertThatThrownBy(() -> work.signOff(audit.id(), reported.version(), PASSWORD))
                .hasFieldOrPropertyWithValue("messageKey", "error.audit.itemsUnanswered");
    }

    @Test
    void a_procedure_item_takes_the_first_sub_clause_its_register_entry_names() {
        assertThat(Audits.firstClause("4, 7.5; 8.5")).isEqualTo("7.5");
        assertThat(Audits.firstClause("9.1.2")).isEqualTo("9.1");
        assertThat(Audits.firstClause("4")).isNull();
        assertThat(Audits.firstClause(null)).isNull();
    }
}
