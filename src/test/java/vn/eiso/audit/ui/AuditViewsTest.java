package vn.eiso.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.audit.Audit;
import vn.eiso.audit.AuditItem;
import vn.eiso.audit.AuditPlan;
import vn.eiso.audit.AuditStatus;
import vn.eiso.audit.AuditSummary;
import vn.eiso.audit.AuditWork;
import vn.eiso.audit.EvidenceFile;
import vn.eiso.audit.Audits;
import vn.eiso.audit.ItemResult;
import vn.eiso.audit.ManagementReview;
import vn.eiso.audit.ManagementReviews;
import vn.eiso.audit.Person;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.base.ui.Messages;
import vn.eiso.support.Accounts;
import vn.eiso.support.UiTest;

class AuditViewsTest extends UiTest {

    @Autowired
    Audits audits;
    @Autowired
    AuditWork work;
    @Autowired
    ManagementReviews reviews;

    private UnitId stp() {
        return unit("STP");
    }


    private LocalDate day() {
        LocalDate today = LocalDate.now(clock);
        return today.getMonthValue() == 12 && today.getDayOfMonth() > 28 ? today : today.plusDays(1);
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_plans_an_audit_and_an_empty_scope_or_a_partial_auditor_is_refused_in_the_dialog() {
        CurrentUnit.set(stp());
        navigate(AuditsView.class);
        test(find(Button.class).withId("audits-plan").single()).click();
        AuditPlanDialog dialog = find(AuditPlanDialog.class).single();
        String title = "Đánh giá giao diện " + UUID.randomUUID().toString().substring(0, 4);
        test(dialog.title).setValue(title);
        dialog.startsOn.setValue(day());
        dialog.endsOn.setValue(day());
        Person auditor = dialog.lead.getListDataView().getItems().filter(p -> p.name().equals("Phạm Quốc Bảo"))
                .findFirst().orElseThrow();
        dialog.lead.setValue(auditor);
        test(dialog.save).click();
        // On the scope field it is about, not as a toast over the form.
        assertThat(dialog.procedures.isInvalid()).isTrue();
        assertThat(dialog.procedures.getErrorMessage())
                .isEqualTo("Chọn ít nhất một quy trình hoặc một điều khoản để đánh giá");
        assertThat(notifications()).doesNotContain("Chọn ít nhất một quy trình hoặc một điều khoản để đánh giá");
        assertThat(dialog.isOpened()).isTrue();

        dialog.clauses.setValue(Set.of(dialog.clauses.getListDataView().getItems()
                .filter(c -> c.code().equals("9.2")).findFirst().orElseThrow()));
        dialog.procedures.setValue(Set.of(dialog.procedures.getListDataView().getItems()
                .filter(d -> d.code().equals("QT-06")).findFirst().orElseThrow()));
        Person officer = dialog.team.getListDataView().getItems().filter(p -> p.name().equals("Lê Thị Mai"))
                .findFirst().orElse(null);
        assertThat(officer).as("a quality officer who is no auditor is not offered").isNull();
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isFalse();
        AuditsView view = (AuditsView) getCurrentView();
        List<AuditSummary> rows = view.grid.getListDataView().getItems().toList();
        assertThat(rows).extracting(AuditSummary::title).contains(title);
        assertThat(rows.stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow().leadName())
                .isEqualTo("Phạm Quốc Bảo");
    }

    @Test
    @WithUserDetails("danhgia")
    void the_lead_auditor_records_a_finding_writes_the_report_and_signs_it_with_the_password() {
        UserId lead = ((EisoPrincipal) userDetails.loadUserByUsername("danhgia")).userId();
        Audit audit = as("thuky.stp", () -> audits.plan(stp(), new AuditPlan("Đánh giá ký báo cáo", "ISO", day(),
                day(), lead, Set.of(), Set.of(), Set.of("9.2"))));
        AuditView view = navigate(AuditView.class, audit.id().value());
        AuditItem item = work.checklist(audit.id()).getFirst();

        view.openItem(item, Messages.texts(Messages.VIETNAMESE), List.of());
        ItemDialog dialog = find(ItemDialog.class).single();
        test(dialog.result).selectItem("Không phù hợp nhẹ");
        test(dialog.save).click();
        assertThat(dialog.evidence.isInvalid()).isTrue();
        assertThat(dialog.evidence.getErrorMessage()).isEqualTo("Ghi bằng chứng cho kết quả này");
        assertThat(notifications()).doesNotContain("Ghi bằng chứng cho kết quả này");
        test(dialog.evidence).setValue("Chương trình đánh giá năm chưa được lãnh đạo phê duyệt");
        // What the upload hands over once a file has arrived; the service inspects it on save.
        dialog.files.put("chuong-trinh.txt", "Chương trình năm, bản chưa ký".getBytes(StandardCharsets.UTF_8));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(work.checklist(audit.id()).getFirst().result()).isEqualTo(ItemResult.MINOR_NC);
        assertThat(work.evidenceFiles(audit.id())).extracting(EvidenceFile::fileName).containsExactly("chuong-trinh.txt");

        find(TabSheet.class).single().setSelectedIndex(1);
        roundTrip();
        test(view.summary).setValue("Đánh giá điều 9.2 tại Văn phòng Sở.");
        test(view.conclusion).setValue("Cần phê duyệt chương trình đánh giá.");
        test(find(Button.class).withId("report-save").single()).click();
        test(find(Button.class).withId("audit-sign").single()).click();
        AuditSignDialog sign = find(AuditSignDialog.class).single();
        test(sign.password).setValue("sai");
        test(sign.sign).click();
        assertThat(sign.password.isInvalid()).isTrue();
        assertThat(sign.password.getErrorMessage()).isEqualTo("Mật khẩu hoặc mã PIN ký không đúng; chưa ký xác nhận");
        assertThat(notifications()).doesNotContain("Mật khẩu hoặc mã PIN ký không đúng; chưa ký xác nhận");
        test(sign.password).setValue(Accounts.DEMO_PASSWORD);
        test(sign.sign).click();

        assertThat(audits.get(audit.id()).status()).isEqualTo(AuditStatus.SIGNED);
        assertThat(notifications()).contains("Đã ký báo cáo; đã mở 1 sự không phù hợp");
        assertThat(view.summary.isReadOnly()).isTrue();
        assertThat(find(Button.class).withId("audit-sign").exists()).isFalse();
        assertThat(work.checklist(audit.id()).getFirst().nonconformityId()).isNotNull();
    }

    @Test
    @WithUserDetails("lanhdao.stp")
    void the_head_sees_the_prefilled_inputs_ticks_them_and_closes_the_review() {
        ManagementReview review = as("thuky.stp", () -> reviews.prepare(stp(), LocalDate.now(clock),
                "Xem xét giao diện"));
        ReviewView view = navigate(ReviewView.class, review.id().value());
        List<String> texts = find(Span.class).all().stream().map(Span::getText).toList();
        assertThat(texts).anyMatch(t -> t.startsWith("Cuộc đánh giá nội bộ đã ký báo cáo trong kỳ:"));
        assertThat(texts).contains("Hệ thống chưa có dữ liệu; cuộc họp ghi nhận trực tiếp.");

        view.covered.values().forEach(box -> test(box).click());
        test(view.attendees).setValue("Lãnh đạo Sở, thư ký ISO");
        test(view.minutes).setValue("Duy trì hệ thống; bổ sung nhân lực.");
        test(find(Button.class).withText("Lưu").first()).click();
        test(find(Button.class).withText("Kết thúc và khóa biên bản").single()).click();
        roundTrip();
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(reviews.get(review.id()).status()).isEqualTo(ManagementReview.Status.CLOSED);
        assertThat(view.minutes.isReadOnly()).isTrue();
        assertThat(find(Checkbox.class).all()).allMatch(Checkbox::getValue);
    }
}
