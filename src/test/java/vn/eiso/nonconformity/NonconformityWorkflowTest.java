package vn.eiso.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.eiso.db.Tables.AUDIT_EVENT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import vn.eiso.signature.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.nonconformity.Nonconformity.Status;
import vn.eiso.organisation.UserService;
import vn.eiso.search.SearchService;
import vn.eiso.support.ServiceTest;

/** Clause 10.2 as the services enforce it: the closed loop, its guards, who may do what, and overdue actions. */
class NonconformityWorkflowTest extends ServiceTest {

    @Autowired
    Nonconformities register;
    @Autowired
    NonconformityWorkflow workflow;
    @Autowired
    JooqNonconformityRepository repository;
    @Autowired
    UserService users;
    @Autowired
    RevisionWorkflow revisions;
    @Autowired
    DocumentRegister documents;
    @Autowired
    AccessGuard guard;
    @Autowired
    AuditTrail trail;
    @Autowired
    SearchService search;
    @Autowired
    DSLContext dsl;

    private NonconformityId reported(String text) {
        as("congchuc.stp");
        return register.report(new NcReport(stp, Nonconformity.Source.STAFF, text, null, "8.5"), Map.of());
    }

    private Nonconformity nc(NonconformityId id) {
        return register.get(id);
    }

    private void refused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", key);
    }

    @Test
    void the_loop_runs_from_report_to_close_with_a_reopening_that_keeps_the_history() {
        UserId staff = as("congchuc.stp").userId();
        UserId head = as("lanhdao.stp").userId();
        NonconformityId id = reported("Hồ sơ khai sinh trả muộn 2 ngày, không báo trước cho công dân");
        assertThat(nc(id).status()).isEqualTo(Status.REPORTED);

        UserId officer = as("thuky.stp").userId();
        var procedure = documents.list(DocumentFilter.of(stp), DocumentSort.CODE, true, 0, 100).stream()
                .filter(d -> d.code().equals("QT-06")).findFirst().orElseThrow();
        refused(() -> workflow.accept(id, nc(id).version(), Nonconformity.Severity.MAJOR, "12.1", null),
                "error.audit.clauseUnknown");
        workflow.accept(id, nc(id).version(), Nonconformity.Severity.MAJOR, "8.5", procedure.id());
        assertThat(nc(id).documentCode()).isEqualTo("QT-06");
        assertThat(nc(id).clauseCode()).isEqualTo("8.5");
        assertThat(nc(id).severity()).isEqualTo(Nonconformity.Severity.MAJOR);
        refused(() -> workflow.planActions(id, nc(id).version()), "error.nc.rootCauseRequired");
        workflow.analyse(id, nc(id).version(), "Gọi điện xin lỗi công dân", "Không có bước nhắc hạn",
                Nonconformity.CauseCategory.METHOD);
        refused(() -> workflow.planActions(id, nc(id).version()), "error.nc.actionsRequired");
        refused(() -> workflow.addAction(id, "Nhắc hạn", staff, today.minusDays(1)), "error.nc.duePast");
        UserId outsider = as("thuky.xa").userId();
        as("thuky.stp");
        refused(() -> workflow.addAction(id, "Nhắc hạn", outsider, today), "error.owner.notMember");
        CorrectiveAction first = workflow.addAction(id, "Bật nhắc hạn trên phần mềm", staff, today.plusDays(3));
        workflow.planActions(id, nc(id).version());
        assertThat(nc(id).status()).isEqualTo(Status.ACTIONS_PLANNED);

        as("congchuc.stp");
        refused(() -> workflow.completeAction(first.id(), first.version(), " "), "error.nc.evidenceRequired");
        workflow.completeAction(first.id(), first.version(), "Ảnh chụp cấu hình nhắc hạn");
        Nonconformity verifying = nc(id);
        assertThat(verifying.status()).isEqualTo(Status.VERIFYING);
        assertThat(verifying.verifyDueOn()).isEqualTo(today.plusDays(30));

        as("thuky.stp");
        refused(() -> workflow.assignVerifier(id, verifying.version(), staff), "error.nc.verifierOwnsAction");
        workflow.assignVerifier(id, verifying.version(), head);
        refused(() -> workflow.verify(id, nc(id).version(), true, "Tốt"), "error.nc.verifierOnly");
        as("lanhdao.stp");
        refused(() -> workflow.verify(id, nc(id).version(), null, "Chưa rõ"), "error.nc.effectivenessRequired");
        workflow.verify(id, nc(id).version(), false, "Tháng sau vẫn có hồ sơ trễ");
        Nonconformity reopened = nc(id);
        assertThat(reopened.status()).isEqualTo(Status.ANALYSING);
        assertThat(reopened.reopened()).isEqualTo(1);
        assertThat(reopened.verifierId()).isNull();
        assertThat(reopened.closedAt()).isNull();

        as("thuky.stp");
        CorrectiveAction second = workflow.addAction(id, "Sửa quy trình: kiểm tra hạn mỗi sáng", officer,
                today.plusDays(5));
        workflow.planActions(id, nc(id).version());
        workflow.completeAction(second.id(), second.version(), "QT đã sửa, ban hành lần 2");
        workflow.assignVerifier(id, nc(id).version(), staff);
        as("congchuc.stp");
        workflow.verify(id, nc(id).version(), true, "Ba tháng không còn hồ sơ trễ");

        Nonconformity closed = nc(id);
        assertThat(closed.status()).isEqualTo(Status.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(workflow.state(id).actions()).extracting(CorrectiveAction::round).containsExactlyInAnyOrder(0, 1);
        assertThat(register.history(id)).extracting(NcEvent::to).containsExactly(Status.REPORTED, Status.ANALYSING,
                Status.ACTIONS_PLANNED, Status.VERIFYING, Status.ANALYSING, Status.ACTIONS_PLANNED, Status.VERIFYING,
                Status.CLOSED);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.in("NC_REOPENED", "NC_CLOSED")
                .and(AUDIT_EVENT.TARGET_ID.eq(id.toString())))).isEqualTo(2);
        as("thuky.stp");
        refused(() -> workflow.addAction(id, "Thêm", officer, today), "error.nc.noActionsNow");
    }

    @Test
    void triage_closes_a_report_only_with_a_reason_and_roles_and_units_decide_who_does_what() {
        NonconformityId id = reported("Máy in ở bộ phận một cửa hỏng");
        as("congchuc.stp");
        assertThatThrownBy(() -> workflow.accept(id, nc(id).version(), Nonconformity.Severity.MINOR))
                .isInstanceOf(AccessDeniedException.class);
        refused(() -> register.report(new NcReport(stp, Nonconformity.Source.INSPECTION, "Kiểm tra", null, null),
                Map.of()), "error.nc.source");
        as("thuky.xa");
        assertThatThrownBy(() -> register.get(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> register.report(new NcReport(stp, Nonconformity.Source.STAFF, "x", null, null),
                Map.of())).isInstanceOf(AccessDeniedException.class);
        as("sokhcn");
        NonconformityId inspection = register.report(new NcReport(stp, Nonconformity.Source.INSPECTION,
                "Đoàn kiểm tra: chưa niêm yết quy trình tại bộ phận một cửa", null, "7.4"), Map.of());
        assertThat(nc(inspection).source()).isEqualTo(Nonconformity.Source.INSPECTION);

        as("thuky.stp");
        refused(() -> workflow.dismiss(id, nc(id).version(), "  "), "error.nc.reasonRequired");
        workflow.dismiss(id, nc(id).version(), "Sự cố thiết bị, đã báo sửa; không phải sự không phù hợp của HTQLCL");
        assertThat(nc(id).status()).isEqualTo(Status.CLOSED);
        assertThat(nc(id).closedReason()).startsWith("Sự cố thiết bị");
        refused(() -> workflow.accept(id, nc(id).version(), Nonconformity.Severity.MINOR), "error.nc.wrongState");
    }

    @Test
    void an_action_is_overdue_from_midnight_in_ho_chi_minh_city_not_in_utc() {
        UserId staff = as("congchuc.stp").userId();
        NonconformityId id = reported("Chậm cập nhật sổ theo dõi");
        as("thuky.stp");
        workflow.accept(id, nc(id).version(), Nonconformity.Severity.MINOR);
        CorrectiveAction action = workflow.addAction(id, "Cập nhật sổ", staff, today);
        ZoneId hcm = ZoneId.of("Asia/Ho_Chi_Minh");
        // 23:59 on the due day in Vietnam is 16:59 UTC; one minute past midnight there is still the due day in UTC.
        Instant lastMinute = today.atTime(23, 59).atZone(hcm).toInstant();
        Instant nextDay = today.plusDays(1).atTime(0, 1).atZone(hcm).toInstant();
        assertThat(nextDay.atZone(ZoneId.of("UTC")).toLocalDate()).isEqualTo(today);

        assertThat(at(lastMinute, hcm).overdue(stp)).extracting(CorrectiveAction::id).doesNotContain(action.id());
        assertThat(at(nextDay, hcm).overdue(stp)).extracting(CorrectiveAction::id).contains(action.id());
        assertThat(action.isOverdue(today)).isFalse();
        assertThat(action.isOverdue(today.plusDays(1))).isTrue();
    }

    /** The same workflow on a clock stopped at an instant of the agencies' time zone. */
    private NonconformityWorkflow at(Instant instant, ZoneId zone) {
        return new NonconformityWorkflow(repository, register, users, revisions, documents, guard, trail,
                Clock.fixed(instant, zone), 30);
    }

    @Test
    void evidence_files_follow_the_unit_and_similar_nonconformities_are_found_through_the_search() {
        as("congchuc.stp");
        String word = "dauvet" + UUID.randomUUID().toString().substring(0, 5);
        NonconformityId first = register.report(new NcReport(stp, Nonconformity.Source.CITIZEN,
                "Công dân phản ánh " + word + " phải bổ sung hồ sơ lý lịch tư pháp nhiều lần", null, null),
                Map.of("phan-anh.txt", "Nội dung phản ánh".getBytes(StandardCharsets.UTF_8)));
        NonconformityId second = register.report(new NcReport(stp, Nonconformity.Source.CITIZEN,
                "Lại có công dân phản ánh " + word + " về việc bổ sung hồ sơ nhiều lần", null, null), Map.of());
        refused(() -> register.report(new NcReport(stp, Nonconformity.Source.STAFF, "Ảnh", null, null),
                Map.of("anh.exe", new byte[] {'M', 'Z', 0, 0, 1, 2, 3, 4})), "error.file.executable");

        List<NcFile> files = register.files(first);
        assertThat(files).extracting(NcFile::fileName).containsExactly("phan-anh.txt");
        assertThat(register.fileContent(files.getFirst().id()))
                .isEqualTo("Nội dung phản ánh".getBytes(StandardCharsets.UTF_8));
        assertThat(register.fileSignatures(files.getFirst().id())).as("a text file carries no signature").isEmpty();
        as("thuky.xa");
        assertThatThrownBy(() -> register.fileContent(files.getFirst().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> register.fileSignatures(files.getFirst().id()))
                .isInstanceOf(AccessDeniedException.class);

        // A signed answer from the agency at fault, attached as evidence, shows who signed it.
        as("thuky.stp");
        register.attachFiles(first, Map.of("cong-van-tra-loi.pdf",
                TestPki.signed(TestPki.pdf("Cong van tra loi"), TestPki.DIRECTOR)));
        NcFile letter = register.files(first).stream().filter(f -> f.fileName().endsWith(".pdf")).findFirst()
                .orElseThrow();
        assertThat(register.fileSignatures(letter.id()).orElseThrow().headline().orElseThrow().signerName())
                .isEqualTo("Trần Văn Hùng");

        as("thuky.stp");
        search.catchUp();
        assertThat(register.similar(first)).extracting(h -> h.code()).contains(second.label())
                .doesNotContain(first.label());
        as("thuky.xa");
        assertThatThrownBy(() -> register.similar(first)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_revision_made_as_a_result_is_linked_with_its_change_request_and_only_within_the_unit() {
        NonconformityId id = reported("Biểu mẫu BM-01 thiếu ô số điện thoại");
        as("thuky.stp");
        var form = documents.list(DocumentFilter.of(stp), DocumentSort.CODE, true,
                0, 100).stream().filter(d -> d.code().equals("QT-01")).findFirst().orElseThrow();
        var revision = revisions.history(form.id()).getFirst();
        Nonconformity linked = workflow.linkRevision(id, nc(id).version(), revision.id());
        assertThat(linked.revisionId()).isEqualTo(revision.id().value());
        assertThat(linked.changeRequestId()).isEqualTo(revision.changeRequestId() == null ? null
                : revision.changeRequestId().value());

        var foreign = SystemAuthentication.runAsSystem(() -> revisions.history(documents.list(
                DocumentFilter.of(unit("X-TANPHU")), DocumentSort.CODE, true, 0, 1).getFirst().id()).getFirst());
        as("thuky.stp");
        assertThatThrownBy(() -> workflow.linkRevision(id, nc(id).version(), foreign.id()))
                .isInstanceOfAny(AccessDeniedException.class, DomainException.class);
        assertThat(nc(id).revisionId()).isEqualTo(revision.id().value());
    }

    @Test
    void a_named_verifier_gets_no_action_and_an_audit_finding_keeps_the_auditors_grading() {
        UserId staff = as("congchuc.stp").userId();
        UserId head = as("lanhdao.stp").userId();
        NonconformityId id = reported("Sổ giao nhận hồ sơ ghi thiếu ngày");
        as("thuky.stp");
        workflow.accept(id, nc(id).version(), Nonconformity.Severity.MINOR);
        workflow.analyse(id, nc(id).version(), null, "Mẫu sổ không có cột ngày", null);
        workflow.addAction(id, "Sửa mẫu sổ", staff, today.plusDays(2));
        workflow.planActions(id, nc(id).version());
        workflow.assignVerifier(id, nc(id).version(), head);
        refused(() -> workflow.addAction(id, "Ký duyệt mẫu mới", head, today.plusDays(2)),
                "error.nc.verifierOwnsAction");

        Nonconformity finding = register.ofUnit(stp, false).stream().filter(n -> n.auditItemId() != null)
                .findFirst().orElseThrow();
        refused(() -> workflow.dismiss(finding.id(), finding.version(), "Không đúng"),
                "error.nc.findingNotDismissable");
        refused(() -> register.attachFiles(id, Map.of()), "error.nc.noFiles");
        refused(() -> register.report(new NcReport(stp, Nonconformity.Source.STAFF, "x", null, "99.9"), Map.of()),
                "error.audit.clauseUnknown");
    }
}
