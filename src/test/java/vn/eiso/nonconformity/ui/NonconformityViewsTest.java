package vn.eiso.nonconformity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextArea;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import vn.eiso.nonconformity.NonconformityWorkflow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.Revision;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityId;
import vn.eiso.organisation.Membership;
import vn.eiso.support.UiTest;

class NonconformityViewsTest extends UiTest {

    @Autowired
    Nonconformities register;
    @Autowired
    NonconformityWorkflow triage;

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_report_a_problem_with_a_photo_and_an_empty_description_is_refused_in_the_dialog() {
        CurrentUnit.set(unit("STP"));
        NonconformitiesView view = navigate(NonconformitiesView.class);
        long before = view.grid.getListDataView().getItems().count();
        test(find(Button.class).withId("nc-report").single()).click();
        ReportDialog dialog = find(ReportDialog.class).single();
        test(dialog.send).click();
        assertThat(dialog.description.isInvalid()).isTrue();
        assertThat(dialog.description.getErrorMessage()).isEqualTo("Mô tả vấn đề");
        assertThat(notifications()).doesNotContain("Mô tả vấn đề");
        assertThat(dialog.isOpened()).isTrue();

        test(dialog.description).setValue("Bàn tiếp nhận thiếu bảng niêm yết thủ tục lý lịch tư pháp");
        dialog.files.put("anh.txt", "ảnh chụp".getBytes(StandardCharsets.UTF_8));
        test(dialog.send).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.grid.getListDataView().getItems().count()).isEqualTo(before + 1);
        Nonconformity created = view.grid.getListDataView().getItems()
                .filter(n -> n.description().startsWith("Bàn tiếp nhận")).findFirst().orElseThrow();
        assertThat(created.status()).isEqualTo(Nonconformity.Status.REPORTED);
        assertThat(register.files(created.id())).hasSize(1);
        assertThat(find(Button.class).withId("nc-accept").exists()).isFalse();
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_accepts_analyses_adds_an_action_and_confirms_the_plan_in_the_view() {
        NonconformityId id = as("congchuc.stp", () -> register.report(new NcReport(unit("STP"),
                Nonconformity.Source.CITIZEN, "Công dân chờ quá 30 phút tại bộ phận một cửa", null, null), Map.of()));
        NonconformityView view = navigate(NonconformityView.class, id.value());

        test(find(Button.class).withId("nc-accept").single()).click();
        roundTrip();
        test(find(Button.class).withId("nc-accept-confirm").single()).click();
        assertThat(register.get(id).status()).isEqualTo(Nonconformity.Status.ANALYSING);

        // Planning comes after the root cause: offered, disabled, with the reason as its tooltip.
        Button plan = find(Button.class).withId("nc-plan").single();
        assertThat(plan.isEnabled()).isFalse();
        assertThat(plan.getTooltip().getText())
                .isEqualTo("Phải xác định nguyên nhân gốc trước khi lập kế hoạch khắc phục");
        assertThat(view.statusText()).startsWith("Đang phân tích");
        test(view.correction).setValue("Bố trí thêm ghế chờ, xin lỗi công dân");
        test(view.rootCause).setValue("Chỉ một quầy tiếp nhận vào buổi sáng thứ Hai");
        test(find(Button.class).withId("nc-analysis-save").single()).click();
        assertThat(register.get(id).rootCause()).isEqualTo("Chỉ một quầy tiếp nhận vào buổi sáng thứ Hai");

        test(find(Button.class).withId("nc-action-add").single()).click();
        roundTrip();
        var description = find(TextArea.class).withId("nc-action-text").single();
        test(description).setValue("Mở thêm quầy sáng thứ Hai");
        var owner = find(ComboBox.class).withId("nc-action-owner").single();
        @SuppressWarnings("unchecked")
        var members = (ComboBox<Membership>) owner;
        members.setValue(members.getListDataView().getItems().findFirst().orElseThrow());
        var due = find(DatePicker.class).withId("nc-action-due").single();
        assertThat(due.getValue()).isAfterOrEqualTo(LocalDate.now(clock));
        test(find(Button.class).withId("nc-action-save").single()).click();
        test(find(Button.class).withId("nc-plan").single()).click();
        assertThat(register.get(id).status()).isEqualTo(Nonconformity.Status.ACTIONS_PLANNED);
        assertThat(view.actions.getListDataView().getItems().count()).isEqualTo(1);
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_finds_the_procedure_by_typing_its_code_and_links_the_revision_that_fixed_the_problem() {
        NonconformityId id = staffReport("Quy trình cấp phiếu lý lịch tư pháp thiếu bước kiểm tra chéo");
        triage.accept(id, register.get(id).version(), Nonconformity.Severity.MINOR);
        navigate(NonconformityView.class, id.value());

        var document = test(this.<DocumentSummary>combo("nc-outcome-document"));
        document.setFilter("qt-03");
        assertThat(document.getSuggestions()).isNotEmpty()
                .allSatisfy(label -> assertThat(label).startsWith("QT-03 · "));
        document.selectItem(document.getSuggestions().getFirst());
        var revision = test(this.<Revision>combo("nc-outcome-revision"));
        revision.selectItem(revision.getSuggestions().getFirst());
        test(find(Button.class).withId("nc-outcome-link").single()).click();

        assertThat(register.get(id).revisionId()).isNotNull();
        assertThat(find(Anchor.class).all()).anySatisfy(a -> assertThat(a.getHref())
                .isEqualTo("revision/" + register.get(id).revisionId()));
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return find(ComboBox.class).withId(id).single();
    }

    private NonconformityId staffReport(String text) {
        return as("congchuc.stp", () -> register.report(new NcReport(unit("STP"), Nonconformity.Source.STAFF, text,
                null, null), Map.of()));
    }

    private List<String> badges() {
        return find(Span.class).all().stream().filter(s -> String.valueOf(s.getElement().getAttribute("theme"))
                .contains("badge")).map(Span::getText).toList();
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_see_no_link_to_the_risk_register_they_cannot_edit() {
        NonconformityId id = staffReport("Máy in ở bộ phận một cửa kẹt giấy cả buổi sáng");
        navigate(NonconformityView.class, id.value());

        assertThat(find(Anchor.class).withId("nc-update-risk").exists()).isFalse();
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_is_offered_the_risk_register_from_an_open_nonconformity() {
        NonconformityId id = staffReport("Bảng niêm yết phí lý lịch tư pháp đã cũ");
        navigate(NonconformityView.class, id.value());

        assertThat(find(Anchor.class).withId("nc-update-risk").single().getHref()).isEqualTo("risks");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void a_new_report_is_not_yet_assessed_until_the_quality_officer_triages_it() {
        NonconformityId id = staffReport("Hồ sơ của công dân bị thất lạc giữa hai phòng");
        navigate(NonconformityView.class, id.value());
        assertThat(badges()).contains("Chưa đánh giá").doesNotContain("Nhẹ", "Nặng");
        CurrentUnit.set(unit("STP"));
        NonconformitiesView list = navigate(NonconformitiesView.class);
        assertThat(list.grid.getListDataView().getItems().filter(n -> n.id().equals(id)).findFirst().orElseThrow()
                .isSeverityAssessed()).isFalse();

        as("thuky.stp", () -> triage.accept(id, register.get(id).version(), Nonconformity.Severity.MAJOR));
        navigate(NonconformityView.class, id.value());
        UI.getCurrent().refreshCurrentRoute(false);
        assertThat(badges()).contains("Nặng").doesNotContain("Chưa đánh giá");
    }
}
