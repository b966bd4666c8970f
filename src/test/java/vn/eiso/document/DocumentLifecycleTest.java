package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.eiso.db.Tables.REVISION;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DiffRow;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;
import vn.eiso.support.TestClock;

/** The rules of clause 7.5 as the services enforce them, on the demo unit Sở Tư pháp. */
@SpringBootTest
class DocumentLifecycleTest {

    private static final String PASSWORD = Accounts.DEMO_PASSWORD;

    @Autowired
    TestClock clock;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    ChangeRequests changeRequests;
    @Autowired
    Records records;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    DSLContext dsl;

    private UnitId stp;
    private String code;

    @BeforeEach
    void setUp() {
        stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        code = "QT-T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private EisoPrincipal as(String username) {
        return Accounts.signIn(userDetails, username);
    }

    /** A document with a submitted first revision holding text and a DOCX. */
    private Revision submitted(String text) {
        EisoPrincipal officer = as("thuky.stp");
        Document document = register.create(stp, DocumentData.of(code, "Quy trình thử nghiệm", DocumentType.PROCEDURE,
                officer.userId()));
        Revision draft = workflow.startRevision(document.id(), "Ban hành lần đầu");
        draft = workflow.editDraft(draft.id(), draft.version(), text, "Ban hành lần đầu");
        workflow.attach(draft.id(), "QT-thu.docx", Files.docx("Phụ lục: sơ đồ quy trình"));
        return workflow.submit(draft.id(), draft.version());
    }

    private Revision issued(String text) {
        Revision revision = submitted(text);
        as("lanhdao.stp");
        workflow.review(revision.id(), PASSWORD, "Đạt");
        return workflow.approve(revision.id(), workflow.get(revision.id()).version(), PASSWORD, null, Set.of());
    }

    private Revision secondRevision(Revision first, String text) {
        as("thuky.stp");
        Revision draft = workflow.startRevision(first.documentId(), "Sửa bước 2");
        draft = workflow.editDraft(draft.id(), draft.version(), text, "Sửa bước 2");
        draft = workflow.submit(draft.id(), draft.version());
        as("lanhdao.stp");
        workflow.review(draft.id(), PASSWORD, null);
        return workflow.approve(draft.id(), workflow.get(draft.id()).version(), PASSWORD, null, Set.of());
    }

    @Test
    void an_approved_revision_takes_effect_signed_with_the_hash_of_its_exact_content() {
        Revision effective = issued("Bước 1\nBước 2");

        assertThat(effective.status()).isEqualTo(RevisionStatus.EFFECTIVE);
        assertThat(effective.contentSha256()).isEqualTo(workflow.contentSha256(effective)).hasSize(64);
        assertThat(workflow.signOffs(effective.id())).extracting(SignOff::kind, SignOff::userName)
                .containsExactly(tuple(SignOff.Kind.REVIEWED, "Trần Văn Hùng"),
                        tuple(SignOff.Kind.APPROVED, "Trần Văn Hùng"));
        assertThat(workflow.signOffs(effective.id())).allMatch(s -> s.sha256().equals(effective.contentSha256()));
        Document document = register.get(effective.documentId());
        assertThat(document.status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(document.nextReviewOn()).isEqualTo(LocalDate.now(clock).plusMonths(12));
        // The author (Lê Thị Mai) and the head who reviewed and approved it are not asked to confirm reading it.
        assertThat(workflow.acknowledgements(effective.id())).extracting(Acknowledgement::userName)
                .contains("Hoàng Minh Tuấn").doesNotContain("Lê Thị Mai", "Trần Văn Hùng");
    }

    @Test
    void the_approver_may_choose_who_must_read_the_revision() {
        Revision revision = submitted("Chỉ một người đọc");
        EisoPrincipal staff = (EisoPrincipal) userDetails.loadUserByUsername("congchuc.stp");
        as("lanhdao.stp");
        workflow.review(revision.id(), PASSWORD, null);
        Revision effective = workflow.approve(revision.id(), workflow.get(revision.id()).version(), PASSWORD, null,
                Set.of(staff.userId()));

        assertThat(workflow.acknowledgements(effective.id())).extracting(Acknowledgement::userName)
                .containsExactly("Hoàng Minh Tuấn");
    }

    @Test
    void a_new_revision_supersedes_the_old_one_and_never_two_are_effective() {
        Revision first = issued("Bước 1\nBước 2");
        Revision second = secondRevision(first, "Bước 1\nBước 2 đã sửa\nBước 3");

        assertThat(workflow.get(first.id()).status()).isEqualTo(RevisionStatus.SUPERSEDED);
        assertThat(workflow.get(second.id()).status()).isEqualTo(RevisionStatus.EFFECTIVE);
        assertThat(workflow.history(first.documentId())).filteredOn(r -> r.status() == RevisionStatus.EFFECTIVE)
                .hasSize(1);
        // The database refuses a second effective revision even if code tried.
        assertThatThrownBy(() -> dsl.update(REVISION).set(REVISION.EFFECTIVE_MARKER, first.documentId().value())
                .where(REVISION.ID.eq(first.id().value())).execute())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void nothing_approved_or_in_force_can_change() {
        Revision effective = issued("Nội dung gốc");
        as("thuky.stp");

        assertThatThrownBy(() -> workflow.editDraft(effective.id(), effective.version(), "sửa lén", "x"))
                .hasMessageContaining("error.revision.frozen");
        assertThatThrownBy(() -> workflow.attach(effective.id(), "them.docx", Files.docx("x")))
                .hasMessageContaining("error.revision.frozen");
        Attachment file = workflow.attachments(effective.id()).getFirst();
        assertThatThrownBy(() -> workflow.removeAttachment(file.id())).hasMessageContaining("error.revision.frozen");
        assertThat(workflow.get(effective.id()).text()).isEqualTo("Nội dung gốc");
        assertThat(workflow.contentSha256(workflow.get(effective.id()))).isEqualTo(effective.contentSha256());
    }

    @Test
    void sign_offs_need_the_right_password_another_reviewer_and_a_review_before_approval() {
        Revision revision = submitted("Nội dung");
        assertThatThrownBy(() -> workflow.review(revision.id(), PASSWORD, null))
                .hasMessageContaining("error.revision.selfReview");

        as("lanhdao.stp");
        assertThatThrownBy(() -> workflow.approve(revision.id(), workflow.get(revision.id()).version(), PASSWORD, null,
                Set.of())).hasMessageContaining("error.revision.notReviewed");
        assertThatThrownBy(() -> workflow.review(revision.id(), "sai-mat-khau", null))
                .hasMessageContaining("error.signoff.password");
        assertThat(workflow.signOffs(revision.id())).isEmpty();
        assertThat(workflow.get(revision.id()).status()).isEqualTo(RevisionStatus.IN_REVIEW);
    }

    /** A second revision of the document, submitted and reviewed, waiting for the head's approval (signed in). */
    private Revision reviewedSecond(Revision first) {
        as("thuky.stp");
        Revision draft = workflow.startRevision(first.documentId(), "v2");
        draft = workflow.editDraft(draft.id(), draft.version(), "v2", "v2");
        Revision submitted = workflow.submit(draft.id(), draft.version());
        as("lanhdao.stp");
        workflow.review(submitted.id(), PASSWORD, null);
        return submitted;
    }

    @Test
    void effective_dates_in_the_past_or_before_the_revision_in_force_are_refused() {
        Revision first = issued("v1");
        Revision submitted = reviewedSecond(first);

        assertThatThrownBy(() -> workflow.approve(submitted.id(), workflow.get(submitted.id()).version(), PASSWORD,
                LocalDate.now(clock).minusDays(1), Set.of())).hasMessageContaining("error.revision.effectiveInPast");
        assertThat(workflow.get(submitted.id()).status()).isEqualTo(RevisionStatus.IN_REVIEW);

        Revision scheduled = workflow.approve(submitted.id(), workflow.get(submitted.id()).version(), PASSWORD,
                LocalDate.now(clock).plusDays(10), Set.of());
        assertThat(scheduled.status()).isEqualTo(RevisionStatus.APPROVED);
        assertThat(workflow.get(first.id()).status()).isEqualTo(RevisionStatus.EFFECTIVE);
    }

    @Test
    void an_approved_revision_takes_effect_at_local_midnight_of_its_day_and_not_a_minute_before() {
        Revision first = issued("v1");
        Revision submitted = reviewedSecond(first);
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        workflow.approve(submitted.id(), workflow.get(submitted.id()).version(), PASSWORD, tomorrow, Set.of());

        try (var evening = clock.moveTo(tomorrow.atStartOfDay().minusMinutes(1))) {
            SystemAuthentication.runAsSystem(workflow::activateDue);
            assertThat(workflow.get(submitted.id()).status()).isEqualTo(RevisionStatus.APPROVED);
            assertThat(workflow.get(first.id()).status()).isEqualTo(RevisionStatus.EFFECTIVE);
        }
        try (var midnight = clock.moveTo(tomorrow.atStartOfDay())) {
            SystemAuthentication.runAsSystem(workflow::activateDue);
            assertThat(workflow.get(submitted.id()).status()).isEqualTo(RevisionStatus.EFFECTIVE);
            assertThat(workflow.get(first.id()).status()).isEqualTo(RevisionStatus.SUPERSEDED);
        }
    }

    @Test
    void a_return_starts_a_new_round_so_even_unchanged_content_is_reviewed_again_before_approval() {
        Revision revision = submitted("Nội dung không đổi");
        as("lanhdao.stp");
        workflow.review(revision.id(), PASSWORD, null);
        workflow.reject(revision.id(), workflow.get(revision.id()).version(), "Chờ họp giao ban rồi trình lại");
        as("thuky.stp");
        Revision again = workflow.submit(revision.id(), workflow.get(revision.id()).version());

        as("lanhdao.stp");
        assertThatThrownBy(() -> workflow.approve(again.id(), workflow.get(again.id()).version(), PASSWORD, null,
                Set.of())).hasMessageContaining("error.revision.notReviewed");
        assertThat(workflow.myTasks()).filteredOn(t -> t.revisionId().equals(again.id()))
                .extracting(RevisionTask::step).containsExactly(RevisionTask.Step.REVIEW);
        workflow.review(again.id(), PASSWORD, null);
        assertThat(workflow.myTasks()).filteredOn(t -> t.revisionId().equals(again.id()))
                .extracting(RevisionTask::step).containsExactly(RevisionTask.Step.APPROVE);
        assertThat(workflow.approve(again.id(), workflow.get(again.id()).version(), PASSWORD, null, Set.of())
                .status()).isEqualTo(RevisionStatus.EFFECTIVE);
    }

    @Test
    void a_rejected_revision_returns_to_draft_with_the_comment() {
        Revision revision = submitted("Nội dung");
        as("lanhdao.stp");
        assertThatThrownBy(() -> workflow.reject(revision.id(), revision.version(), " "))
                .hasMessageContaining("error.revision.commentRequired");
        Revision back = workflow.reject(revision.id(), workflow.get(revision.id()).version(), "Thiếu lưu đồ");

        assertThat(back.status()).isEqualTo(RevisionStatus.DRAFT);
        assertThat(workflow.signOffs(revision.id())).extracting(SignOff::comment).containsExactly("Thiếu lưu đồ");
    }

    @Test
    void two_people_editing_the_same_draft_the_second_is_told_and_nothing_is_overwritten() {
        EisoPrincipal officer = as("thuky.stp");
        Document document = register.create(stp, DocumentData.of(code, "Sửa đồng thời", DocumentType.PROCEDURE,
                officer.userId()));
        Revision draft = workflow.startRevision(document.id(), "x");
        workflow.editDraft(draft.id(), draft.version(), "Bản của người thứ nhất", "x");
        as("lanhdao.stp");

        assertThatThrownBy(() -> workflow.editDraft(draft.id(), draft.version(), "Bản của người thứ hai", "x"))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(workflow.get(draft.id()).text()).isEqualTo("Bản của người thứ nhất");
    }

    @Test
    void staff_cannot_edit_and_never_see_drafts_nor_does_another_unit() {
        Revision revision = submitted("Bí mật dự thảo");
        Attachment file = workflow.attachments(revision.id()).getFirst();

        as("congchuc.stp");
        // A document never in force does not exist for staff at all.
        assertThatThrownBy(() -> workflow.startRevision(revision.documentId(), "x"))
                .hasMessageContaining("error.document.notFound");
        assertThatThrownBy(() -> workflow.get(revision.id())).hasMessageContaining("error.revision.notFound");
        assertThatThrownBy(() -> workflow.open(file.id())).hasMessageContaining("error.revision.notFound");
        assertThat(register.list(DocumentFilter.of(stp), DocumentSort.CODE, true, 0, 10_000))
                .noneMatch(d -> d.code().equals(code));

        as("thuky.xa");
        assertThatThrownBy(() -> workflow.get(revision.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workflow.open(file.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> register.list(DocumentFilter.of(stp), DocumentSort.CODE, true, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_science_department_reads_what_is_in_force_but_not_drafts() {
        Revision effective = issued("Đang áp dụng");
        as("thuky.stp");
        Revision draft = workflow.startRevision(effective.documentId(), "đang sửa");

        as("sokhcn");
        assertThat(workflow.get(effective.id()).text()).isEqualTo("Đang áp dụng");
        assertThatThrownBy(() -> workflow.get(draft.id())).hasMessageContaining("error.revision.notFound");
    }

    @Test
    void an_outdated_revision_is_marked_in_its_downloads() {
        Revision first = issued("v1");
        secondRevision(first, "v2");
        as("congchuc.stp");
        Attachment file = workflow.attachments(first.id()).getFirst();

        DownloadableFile download = workflow.open(file.id());
        assertThat(download.fileName()).isEqualTo("BI-THAY-THE_QT-thu.docx");
        assertThat(download.outdatedStatus()).isEqualTo(RevisionStatus.SUPERSEDED);
        assertThat(FileInspector.sha256(download.content())).isEqualTo(file.sha256());
    }

    @Test
    void an_outdated_pdf_is_downloaded_with_the_mark_across_its_pages_while_the_stored_file_stays_intact()
            throws Exception {
        EisoPrincipal officer = as("thuky.stp");
        Document document = register.create(stp, DocumentData.of(code, "Quy trình có PDF", DocumentType.PROCEDURE,
                officer.userId()));
        Revision draft = workflow.startRevision(document.id(), "v1");
        byte[] pdf = Files.pdf("Quy trinh ban goc");
        workflow.attach(draft.id(), "QT.pdf", pdf);
        draft = workflow.submit(draft.id(), draft.version());
        as("lanhdao.stp");
        workflow.review(draft.id(), PASSWORD, null);
        Revision first = workflow.approve(draft.id(), workflow.get(draft.id()).version(), PASSWORD, null, Set.of());
        Attachment file = workflow.attachments(first.id()).getFirst();
        assertThat(workflow.open(file.id()).content()).isEqualTo(pdf);

        secondRevision(first, "v2");
        DownloadableFile marked = workflow.open(file.id());

        try (PDDocument doc = Loader.loadPDF(marked.content())) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains("BẢN ĐÃ BỊ THAY THẾ", "Quy trinh ban goc");
        }
        assertThat(workflow.attachments(first.id()).getFirst().sha256()).isEqualTo(FileInspector.sha256(pdf));
    }

    @Test
    void the_comparison_shows_the_changed_lines_of_text_and_files() {
        Revision first = issued("Bước 1\nBước 2\nBước 3");
        Revision second = secondRevision(first, "Bước 1\nBước 2 (sửa)\nBước 3\nBước 4");

        List<DiffRow> diff = workflow.diff(first.id(), second.id());
        assertThat(diff).filteredOn(r -> r.kind() == DiffRow.Kind.CHANGED)
                .extracting(DiffRow::left, DiffRow::right).contains(
                        tuple("Bước 2", "Bước 2 (sửa)"));
        assertThat(diff).filteredOn(r -> r.kind() == DiffRow.Kind.ADDED).extracting(DiffRow::right)
                .contains("Bước 4");
        assertThat(diff).filteredOn(r -> r.kind() == DiffRow.Kind.SAME).extracting(DiffRow::left)
                .contains("Bước 1", "Phụ lục: sơ đồ quy trình");
    }

    @Test
    void as_of_a_date_lists_the_revision_in_force_on_that_day() {
        Revision effective = issued("Hôm nay");
        as("congchuc.stp");

        assertThat(workflow.effectiveOn(stp, LocalDate.now(clock))).extracting(RevisionInForce::revisionId)
                .contains(effective.id());
        assertThat(workflow.effectiveOn(stp, LocalDate.now(clock).minusDays(1))).extracting(RevisionInForce::revisionId)
                .doesNotContain(effective.id());
    }

    @Test
    void staff_ask_for_a_change_and_the_accepted_request_opens_a_linked_draft() {
        Revision effective = issued("Bản đang áp dụng");
        as("congchuc.stp");
        ChangeRequest request = changeRequests.request(effective.documentId(), "Bổ sung thời hạn xử lý");

        as("thuky.stp");
        Revision draft = changeRequests.accept(request.id(), request.version());
        assertThat(draft.changeRequestId()).isEqualTo(request.id());
        assertThat(draft.text()).isEqualTo("Bản đang áp dụng");
        assertThat(changeRequests.ofDocument(effective.documentId()).getFirst().status())
                .isEqualTo(ChangeRequest.Status.ACCEPTED);
        assertThatThrownBy(() -> changeRequests.decline(request.id(), 1, "muộn"))
                .hasMessageContaining("error.changeRequest.decided");
    }

    @Test
    void each_reader_acknowledges_the_exact_revision_once() {
        Revision effective = issued("Đọc kỹ");
        as("congchuc.stp");
        assertThat(workflow.myPendingReadings()).extracting(PendingReading::revisionId).contains(effective.id());

        workflow.acknowledge(effective.id());
        assertThat(workflow.myPendingReadings()).extracting(PendingReading::revisionId).doesNotContain(effective.id());
        assertThatThrownBy(() -> workflow.acknowledge(effective.id()))
                .hasMessageContaining("error.acknowledgement.notRequested");
        as("thuky.stp");
        assertThat(workflow.acknowledgements(effective.id())).filteredOn(Acknowledgement::done)
                .extracting(Acknowledgement::userName).containsExactly("Hoàng Minh Tuấn");
    }

    @Test
    void replacing_an_external_document_flags_the_documents_that_rely_on_it() {
        EisoPrincipal officer = as("thuky.stp");
        Document decree = register.create(stp, new DocumentData("ND-" + code, "Nghị định thử", DocumentType.EXTERNAL,
                officer.userId(), null, null, 12, null, "Chính phủ", "99/2025/NĐ-CP", LocalDate.of(2025, 1, 1), null,
                Set.of()));
        Document relying = register.create(stp, new DocumentData(code, "Quy trình dựa trên nghị định",
                DocumentType.PROCEDURE, officer.userId(), null, null, 12, null, null, null, null, null,
                Set.of(decree.id())));

        List<DocumentId> flagged = register.changeExternalStatus(decree.id(), decree.version(),
                ExternalStatus.REPLACED);

        assertThat(flagged).containsExactly(relying.id());
        assertThat(register.get(relying.id()).reviewFlag()).contains("ND-" + code);
        assertThat(register.get(decree.id()).status()).isEqualTo(DocumentStatus.OBSOLETE);
        // Not yet in force, it has no periodic review to be late with: the flag waits on its page until it is.
        assertThat(register.reviewsDue(stp, 1000)).extracting(DocumentSummary::id).doesNotContain(relying.id());
    }

    @Test
    void records_are_filed_against_templates_and_corrected_by_a_linked_entry() {
        EisoPrincipal officer = as("thuky.stp");
        Document template = register.create(stp, new DocumentData("HS-" + code, "Sổ theo dõi", DocumentType.RECORD_TEMPLATE,
                officer.userId(), null, null, 12, 24, null, null, null, null, Set.of()));
        Revision draft = workflow.startRevision(template.id(), "Mẫu");
        draft = workflow.editDraft(draft.id(), draft.version(), "Mẫu sổ", "Mẫu");
        draft = workflow.submit(draft.id(), draft.version());
        as("lanhdao.stp");
        workflow.review(draft.id(), PASSWORD, null);
        workflow.approve(draft.id(), workflow.get(draft.id()).version(), PASSWORD, null, Set.of());

        as("congchuc.stp");
        FiledRecord original = records.file(template.id(), "Sổ tháng 11", "Ghi chép",
                Map.of("so.docx", Files.docx("Ghi chép tháng 11")));
        FiledRecord correction = records.correct(original.id(), "Sổ tháng 11 (đính chính)", "Ghi chép đúng", Map.of());

        assertThat(original.retainUntil()).isEqualTo(LocalDate.now(clock).plusMonths(24));
        assertThat(correction.correctsId()).isEqualTo(original.id());
        assertThat(records.list(stp, 0, 1000)).extracting(FiledRecord::id).contains(original.id(), correction.id());
        assertThat(records.attachments(original.id())).extracting(Attachment::fileName).containsExactly("so.docx");
        Attachment kept = records.attachments(original.id()).getFirst();
        assertThatThrownBy(() -> workflow.removeAttachment(kept.id())).hasMessageContaining("error.record.immutable");
        assertThatThrownBy(() -> records.file(template.id(), "x", "x", Map.of("exe.pdf", Files.windowsExecutable())))
                .isInstanceOf(DomainException.class);
        assertThat(records.list(stp, 0, 1000)).noneMatch(r -> r.title().equals("x"));
    }
}
