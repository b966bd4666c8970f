package vn.eiso.inspection.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.inspection.Inspections;
import vn.eiso.inspection.Inspection;
import vn.eiso.organisation.Unit;
import vn.eiso.support.UiTest;

/** The department plans an inspection, records a finding that opens a nonconformity, and is told which. */
@Transactional
class InspectionsViewTest extends UiTest {

    @org.springframework.beans.factory.annotation.Autowired
    Inspections inspections;

    @Test
    @WithUserDetails("sokhcn")
    @SuppressWarnings("unchecked")
    void plan_an_inspection_and_record_a_finding() {
        InspectionsView view = navigate(InspectionsView.class);
        int before = (int) view.grid.getListDataView().getItems().count();
        view.openPlan();
        test(find(Button.class).id("inspection-plan-save")).click();
        assertThat(notifications()).contains("Chọn đơn vị được kiểm tra");

        ComboBox<Unit> unit = (ComboBox<Unit>) find(ComboBox.class).id("inspection-unit");
        test(unit).selectItem("X-TANPHU · Ủy ban nhân dân xã Tân Phú");
        test(find(TextArea.class).id("inspection-purpose")).setValue("Kiểm tra việc áp dụng HTQLCL");
        test(find(Button.class).id("inspection-plan-save")).click();
        assertThat(view.grid.getListDataView().getItems()).hasSize(before + 1);

        Inspection planned = view.grid.getListDataView().getItems()
                .filter(i -> i.unitName().equals("Ủy ban nhân dân xã Tân Phú")).findFirst().orElseThrow();
        view.grid.select(planned);
        test(find(TextArea.class, view.details).id("inspection-finding"))
                .setValue("Chưa niêm yết quy trình tại Bộ phận một cửa");
        test(find(Button.class, view.details).id("inspection-finding-add")).click();
        assertThat(notifications()).anyMatch(n -> n.startsWith("Đã ghi nhận phát hiện và mở NC-"));
        assertThat(find(Anchor.class, view.details).all()).singleElement()
                .satisfies(a -> assertThat(a.getHref()).startsWith("nonconformity/"));
    }

    @Test
    @WithUserDetails("thuky.xa")
    void the_inspected_unit_opens_its_inspection_from_a_search_hit() {
        Inspection inspection = inspections.ofUnit(unit("X-TANPHU")).getFirst();
        navigate("inspection/" + inspection.id(), InspectionView.class);
        assertThat(find(com.vaadin.flow.component.html.H2.class).single().getText())
                .endsWith("Ủy ban nhân dân xã Tân Phú");
    }
}
