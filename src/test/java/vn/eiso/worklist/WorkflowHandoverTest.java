package vn.eiso.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audit.Audit;
import vn.eiso.audit.AuditItem;
import vn.eiso.audit.AuditPlan;
import vn.eiso.audit.AuditWork;
import vn.eiso.audit.Audits;
import vn.eiso.audit.ItemResult;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.UserId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentId;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.RegisterStatus;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityId;
import vn.eiso.nonconformity.NonconformityWorkflow;
import vn.eiso.organisation.NewUser;
import vn.eiso.organisation.UserService;
import vn.eiso.support.Accounts;
import vn.eiso.support.ServiceTest;
import vn.eiso.worklist.WorkItem.Kind;

/**
 * Each workflow step tells whoever must act next (a notice in the bell, stored in no language) and puts the step on
 * their work list until it is taken; the register shows where each revision stands. On the demo unit Sở Tư pháp,
 * with documents of the test's own, rolled back afterwards.
 */
@Transactional
class WorkflowHandoverTest extends ServiceTest {

    private static final String PASSWORD = Accounts.DEMO_PASSWORD;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    Worklist worklist;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    Nonconformities nonconformities;
    @Autowired
    NonconformityWorkflow triage;
    @Autowired
    Audits audits;
    @Autowired
    AuditWork auditWork;
    @Autowired
    UserService users;
    @Autowired
    DSLContext dsl;

    private String code;
    /** A second quality officer of the unit, so that the review is not the head's own. */
    private String secondOfficer;

    @BeforeEach
    void aSecondOfficer() {
        code = "QT-W" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        secondOfficer = "tk" + UUID.randomUUID().toString().substring(0, 8);
        SystemAuthentication.runAsSystem(() -> {
            var user = users.create(new NewUser(secondOfficer, "Thư ký thứ hai", null, PASSWORD));
            return users.grant(user.id(), stp, Role.QUALITY_OFFICER);
        });
    }

    // ---- helpers

    private List<WorkItem> itemsOf(String username, Kind kind) {
        as(username);
        return worklist.mine().stream().filter(i -> i.kind() == kind).toList();
    }

    private boolean hasItem(String username, Kind kind, String link) {
        return itemsOf(username, kind).stream().anyMatch(i -> link.equals(i.link()));
    }

    /** The arguments of each notice with this key and link that the user received, one list per notice. */
    private List<List<String>> notices(String username, String key, String link) {
        return dsl.fetch("select n.params from notification n join app_user u on u.id = n.recipient_id"
                        + " where u.username = ? and n.message_key = ? and n.link = ? order by n.id", username, key,
                link).getValues(0, String.class).stream().map(p -> List.of(p.split("\n", -1))).toList();
    }

    private Document newDocument() {
        UserId officer = as("thuky.stp").userId();
        return register.create(stp, DocumentData.of(code, "Quy trình chuyển việc", DocumentType.PROCEDURE, officer));
    }

    private Revision submittedBy(String author, DocumentId document, String summary) {
        as(author);
        Revision draft = workflow.startRevision(document, summary);
        draft = workflow.editDraft(draft.id(), draft.version(), "Bước 1\nBước 2", summary);
        return workflow.submit(draft.id(), draft.version());
    }

    private Revision approve(Revision revision, LocalDate effectiveOn) {
        as("lanhdao.stp");
        return workflow.approve(revision.id(), workflow.get(revision.id()).version(), PASSWORD, effectiveOn,
                Set.of());
    }

    private static String link(Revision revision) {
        return "revision/" + revision.id().value();
    }

    private List<DocumentSummary> registerFiltered(RegisterStatus status) {
        return register.list(new DocumentFilter(stp, code, null, null, null, false, status), DocumentSort.CODE, true,
                0, 50);
    }

    private int countFiltered(RegisterStatus status) {
        return register.count(new DocumentFilter(stp, code, null, null, null, false, status));
    }

    // ---- revisions

    @Test
    void a_submitted_revision_is_handed_to_the_other_editors_and_once_reviewed_to_the_head() {
        Revision revision = submittedBy("thuky.stp", newDocument().id(), "Ban hành lần đầu");
        String link = link(revision);

        assertThat(hasItem("lanhdao.stp", Kind.REVISION_REVIEW, link)).isTrue();
        assertThat(hasItem(secondOfficer, Kind.REVISION_REVIEW, link)).isTrue();
        assertThat(hasItem("thuky.stp", Kind.REVISION_REVIEW, link)).as("the author never reviews").isFalse();
        assertThat(hasItem("congchuc.stp", Kind.REVISION_REVIEW, link)).isFalse();
        assertThat(notices("lanhdao.stp", "notice.revisionSubmitted", link))
                .containsExactly(List.of(code, "1", "Quy trình chuyển việc"));
        assertThat(notices(secondOfficer, "notice.revisionSubmitted", link)).hasSize(1);
        assertThat(notices("thuky.stp", "notice.revisionSubmitted", link)).isEmpty();
        assertThat(notices("congchuc.stp", "notice.revisionSubmitted", link)).isEmpty();

        as(secondOfficer);
        workflow.review(revision.id(), PASSWORD, "Đạt");

        assertThat(hasItem("lanhdao.stp", Kind.REVISION_REVIEW, link)).as("reviewed: no longer to review").isFalse();
        assertThat(hasItem(secondOfficer, Kind.REVISION_REVIEW, link)).isFalse();
        assertThat(hasItem("lanhdao.stp", Kind.REVISION_APPROVAL, link)).isTrue();
        assertThat(hasItem(secondOfficer, Kind.REVISION_APPROVAL, link)).as("only the head approves").isFalse();
        assertThat(notices("lanhdao.stp", "notice.revisionReviewed", link))
                .containsExactly(List.of(code, "1", "Quy trình chuyển việc"));

        approve(revision, null);

        assertThat(hasItem("lanhdao.stp", Kind.REVISION_APPROVAL, link)).as("approved: the step is done").isFalse();
    }

    @Test
    void the_author_is_told_the_approval_with_the_day_it_takes_effect() {
        Revision revision = submittedBy("thuky.stp", newDocument().id(), "Ban hành lần đầu");
        as(secondOfficer);
        workflow.review(revision.id(), PASSWORD, null);
        LocalDate later = today.plusDays(10);
        approve(revision, later);

        assertThat(notices("thuky.stp", "notice.revisionApproved", link(revision)))
                .containsExactly(List.of(code, "1", "Quy trình chuyển việc", DAY.format(later)));
        assertThat(notices("lanhdao.stp", "notice.revisionApproved", link(revision)))
                .as("the approver is not told what he did").isEmpty();
    }

    @Test
    void a_returned_revision_goes_back_to_its_author_with_the_comment_until_she_submits_it_again() {
        Revision revision = submittedBy("thuky.stp", newDocument().id(), "Ban hành lần đầu");
        String link = link(revision);
        as(secondOfficer);
        workflow.review(revision.id(), PASSWORD, "Đạt");
        as("lanhdao.stp");
        workflow.reject(revision.id(), workflow.get(revision.id()).version(), "Bổ sung bước tiếp nhận hồ sơ");

        assertThat(notices("thuky.stp", "notice.revisionReturned", link))
                .containsExactly(List.of(code, "1", "Quy trình chuyển việc", "Bổ sung bước tiếp nhận hồ sơ"));
        assertThat(itemsOf("thuky.stp", Kind.REVISION_RETURNED)).filteredOn(i -> i.link().equals(link))
                .singleElement().satisfies(i -> assertThat(i.text()).contains("Bổ sung bước tiếp nhận hồ sơ"));
        assertThat(hasItem("lanhdao.stp", Kind.REVISION_APPROVAL, link)).isFalse();
        assertThat(hasItem("lanhdao.stp", Kind.REVISION_REVIEW, link)).isFalse();

        as("thuky.stp");
        Revision draft = workflow.get(revision.id());
        draft = workflow.editDraft(draft.id(), draft.version(), "Bước 0: tiếp nhận\nBước 1\nBước 2", "Bổ sung");
        workflow.submit(draft.id(), draft.version());

        assertThat(hasItem("thuky.stp", Kind.REVISION_RETURNED, link)).isFalse();
        assertThat(hasItem("lanhdao.stp", Kind.REVISION_REVIEW, link))
                .as("the review before the return does not count for the new content").isTrue();
        assertThat(hasItem("lanhdao.stp", Kind.REVISION_APPROVAL, link)).isFalse();
        assertThat(notices("lanhdao.stp", "notice.revisionSubmitted", link)).hasSize(2);
    }

    // ---- the register

    @Test
    void the_register_shows_and_filters_a_first_revision_in_review_and_then_approved_not_yet_in_force() {
        Document document = newDocument();
        as("thuky.stp");
        assertThat(registerFiltered(RegisterStatus.DRAFT)).extracting(DocumentSummary::code).containsExactly(code);

        Revision revision = submittedBy("thuky.stp", document.id(), "Ban hành lần đầu");
        as("thuky.stp");
        assertThat(registerFiltered(null)).singleElement().satisfies(d -> {
            assertThat(d.registerStatus()).isEqualTo(RegisterStatus.IN_REVIEW);
            assertThat(d.pendingStatus()).isNull();
        });
        assertThat(registerFiltered(RegisterStatus.IN_REVIEW)).extracting(DocumentSummary::code)
                .containsExactly(code);
        assertThat(countFiltered(RegisterStatus.IN_REVIEW)).isEqualTo(1);
        assertThat(registerFiltered(RegisterStatus.DRAFT)).isEmpty();
        assertThat(countFiltered(RegisterStatus.DRAFT)).isZero();

        as(secondOfficer);
        workflow.review(revision.id(), PASSWORD, null);
        approve(revision, today.plusDays(5));
        as("thuky.stp");
        assertThat(registerFiltered(null)).singleElement().extracting(DocumentSummary::registerStatus)
                .isEqualTo(RegisterStatus.APPROVED);
        assertThat(registerFiltered(RegisterStatus.APPROVED)).hasSize(1);
        assertThat(countFiltered(RegisterStatus.APPROVED)).isEqualTo(1);
        assertThat(countFiltered(RegisterStatus.IN_REVIEW)).isZero();
        assertThat(countFiltered(RegisterStatus.EFFECTIVE)).isZero();
    }

    @Test
    void a_document_in_force_with_a_new_revision_in_review_shows_and_is_found_under_both() {
        Document document = newDocument();
        Revision first = submittedBy("thuky.stp", document.id(), "Ban hành lần đầu");
        as(secondOfficer);
        workflow.review(first.id(), PASSWORD, null);
        approve(first, null);
        submittedBy("thuky.stp", document.id(), "Sửa bước 2");

        as("thuky.stp");
        assertThat(registerFiltered(null)).singleElement().satisfies(d -> {
            assertThat(d.registerStatus()).isEqualTo(RegisterStatus.EFFECTIVE);
            assertThat(d.pendingStatus()).isEqualTo(RegisterStatus.IN_REVIEW);
            assertThat(d.unfinishedRevision()).isEqualTo(2);
            assertThat(d.effectiveRevision()).isEqualTo(1);
        });
        assertThat(countFiltered(RegisterStatus.EFFECTIVE)).isEqualTo(1);
        assertThat(countFiltered(RegisterStatus.IN_REVIEW)).isEqualTo(1);
        assertThat(countFiltered(RegisterStatus.DRAFT)).isZero();

        as("congchuc.stp");
        assertThat(registerFiltered(null)).singleElement().satisfies(d -> {
            assertThat(d.registerStatus()).isEqualTo(RegisterStatus.EFFECTIVE);
            assertThat(d.pendingStatus()).as("a revision in review is the editors' business").isNull();
        });
        assertThatThrownBy(() -> registerFiltered(RegisterStatus.IN_REVIEW)).isInstanceOf(DomainException.class);
    }

    @Test
    void the_filter_pages_and_counts_in_review_documents_in_the_database() {
        for (int i = 0; i < 3; i++) {
            code = "QT-W" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-P";
            submittedBy("thuky.stp", newDocument().id(), "Ban hành lần đầu");
        }
        as("thuky.stp");
        DocumentFilter inReview = new DocumentFilter(stp, "-P", null, null, null, false, RegisterStatus.IN_REVIEW);
        int all = register.count(inReview);
        assertThat(all).isGreaterThanOrEqualTo(3);
        List<DocumentSummary> first = register.list(inReview, DocumentSort.CODE, true, 0, 2);
        List<DocumentSummary> rest = register.list(inReview, DocumentSort.CODE, true, 2, 100);
        assertThat(first).hasSize(2);
        assertThat(first.size() + rest.size()).isEqualTo(all);
        assertThat(first).extracting(DocumentSummary::registerStatus).containsOnly(RegisterStatus.IN_REVIEW);
        assertThat(rest).extracting(DocumentSummary::registerStatus).containsOnly(RegisterStatus.IN_REVIEW);
    }

    // ---- nonconformities and audits

    @Test
    void a_staff_report_reaches_the_quality_officers_until_it_is_triaged() {
        as("congchuc.stp");
        NonconformityId id = nonconformities.report(new NcReport(stp, Nonconformity.Source.STAFF,
                "Máy scan ở bộ phận một cửa hỏng ba ngày", null, null), Map.of());
        String link = "nonconformity/" + id.value();

        assertThat(hasItem("thuky.stp", Kind.NC_TRIAGE, link)).isTrue();
        assertThat(hasItem(secondOfficer, Kind.NC_TRIAGE, link)).isTrue();
        assertThat(hasItem("lanhdao.stp", Kind.NC_TRIAGE, link)).isFalse();
        assertThat(hasItem("congchuc.stp", Kind.NC_TRIAGE, link)).isFalse();
        assertThat(notices("thuky.stp", "notice.ncReported", link))
                .containsExactly(List.of(id.label(), "Máy scan ở bộ phận một cửa hỏng ba ngày"));
        assertThat(notices("congchuc.stp", "notice.ncReported", link)).isEmpty();

        as("thuky.stp");
        triage.accept(id, nonconformities.get(id).version(), Nonconformity.Severity.MINOR);
        assertThat(hasItem("thuky.stp", Kind.NC_TRIAGE, link)).isFalse();
    }

    @Test
    void in_a_unit_without_a_quality_officer_the_head_triages_new_reports() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String head = "ld" + suffix.toLowerCase();
        String clerk = "cc" + suffix.toLowerCase();
        var commune = SystemAuthentication.runAsSystem(() -> {
            var unit = units.create(new vn.eiso.organisation.UnitData("X-" + suffix, "UBND xã Thử " + suffix,
                    vn.eiso.organisation.UnitType.COMMUNE, null)).id();
            users.grant(users.create(new NewUser(head, "Lãnh đạo xã", null, PASSWORD)).id(), unit, Role.UNIT_HEAD);
            users.grant(users.create(new NewUser(clerk, "Công chức xã", null, PASSWORD)).id(), unit, Role.STAFF);
            return unit;
        });
        as(clerk);
        NonconformityId id = nonconformities.report(new NcReport(commune, Nonconformity.Source.STAFF,
                "Sổ theo dõi hồ sơ không được cập nhật", null, null), Map.of());
        String link = "nonconformity/" + id.value();

        assertThat(hasItem(head, Kind.NC_TRIAGE, link)).isTrue();
        assertThat(notices(head, "notice.ncReported", link))
                .containsExactly(List.of(id.label(), "Sổ theo dõi hồ sơ không được cập nhật"));
        assertThat(hasItem(clerk, Kind.NC_TRIAGE, link)).isFalse();
        // Where the unit has a quality officer the head is not asked (the officer is, as above).
        assertThat(itemsOf("lanhdao.stp", Kind.NC_TRIAGE)).isEmpty();

        as(head);
        triage.accept(id, nonconformities.get(id).version(), Nonconformity.Severity.MINOR);
        assertThat(hasItem(head, Kind.NC_TRIAGE, link)).isFalse();
    }

    @Test
    void every_report_awaiting_triage_the_demo_complaint_included_is_on_the_officer_list() {
        as("thuky.stp");
        List<String> waiting = nonconformities.ofUnit(stp, true).stream()
                .filter(nc -> nc.status() == Nonconformity.Status.REPORTED)
                .map(nc -> "nonconformity/" + nc.id().value()).toList();
        assertThat(itemsOf("thuky.stp", Kind.NC_TRIAGE)).extracting(WorkItem::link).containsAll(waiting);
    }

    @Test
    void a_signed_audit_report_waits_for_the_head_and_its_findings_for_the_officers() {
        UserId lead = as("danhgia").userId();
        as("thuky.stp");
        DocumentId procedure = audits.procedures(stp).stream().filter(p -> p.code().equals("QT-06"))
                .map(DocumentSummary::id).findFirst().orElseThrow();
        LocalDate start = today.getMonthValue() == 12 && today.getDayOfMonth() > 28 ? today : today.plusDays(1);
        Audit audit = audits.plan(stp, new AuditPlan("Đánh giá chuyển việc", "TCVN ISO 9001:2015", start, start,
                lead, Set.of(), Set.of(procedure), Set.of("9.2")));
        as("danhgia");
        List<AuditItem> items = auditWork.checklist(audit.id());
        for (AuditItem item : items) {
            auditWork.record(item.id(), item.version(), "02 hồ sơ trễ hạn",
                    item == items.getLast() ? ItemResult.MINOR_NC : ItemResult.CONFORMING);
        }
        Audit reported = auditWork.saveReport(audit.id(), audits.get(audit.id()).version(), "Tóm tắt", "Kết luận");
        auditWork.signOff(audit.id(), reported.version(), PASSWORD);
        String link = "audit/" + audit.id().value();

        assertThat(hasItem("lanhdao.stp", Kind.AUDIT_ACKNOWLEDGEMENT, link)).isTrue();
        assertThat(hasItem("thuky.stp", Kind.AUDIT_ACKNOWLEDGEMENT, link)).isFalse();
        assertThat(notices("lanhdao.stp", "notice.auditSigned", link))
                .containsExactly(List.of("Đánh giá chuyển việc", "1"));
        as("thuky.stp");
        Nonconformity finding = nonconformities.ofUnit(stp, true).stream()
                .filter(n -> Long.valueOf(audit.id().value()).equals(n.auditId())).findFirst().orElseThrow();
        String findingLink = "nonconformity/" + finding.id().value();
        assertThat(hasItem("thuky.stp", Kind.NC_TRIAGE, findingLink)).isTrue();
        assertThat(notices("thuky.stp", "notice.ncReported", findingLink)).hasSize(1);

        as("lanhdao.stp");
        auditWork.acknowledge(audit.id(), audits.get(audit.id()).version());
        assertThat(hasItem("lanhdao.stp", Kind.AUDIT_ACKNOWLEDGEMENT, link)).isFalse();
    }
}
