package vn.eiso.planning.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.CurrentUnit;
import vn.eiso.planning.Objective;
import vn.eiso.planning.Objectives;
import vn.eiso.planning.Risk;
import vn.eiso.planning.Risks;
import vn.eiso.support.UiTest;

class PlanningViewsTest extends UiTest {

    @Autowired
    Objectives objectives;
    @Autowired
    Risks risks;

    private UnitId stp() {
        return unit("STP");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void a_result_that_is_not_a_number_is_named_in_the_message_and_a_decimal_comma_is_accepted() {
        CurrentUnit.set(stp());
        ObjectivesView view = navigate(ObjectivesView.class);
        Objective objective = view.grid.getListDataView().getItems()
                .filter(o -> o.title().equals("Trả kết quả Phiếu lý lịch tư pháp đúng hạn")).findFirst().orElseThrow();
        int before = objectives.measurements(objective.id()).size();

        view.openMeasure(objective);
        MeasureDialog dialog = find(MeasureDialog.class).single();
        test(dialog.value).setValue("chín mươi");
        test(dialog.save).click();
        assertThat(notifications()).contains("\"chín mươi\" không phải là một số; nhập ví dụ 95 hoặc 95,5");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(objectives.measurements(objective.id())).hasSize(before);

        test(dialog.value).setValue("99,4");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(objectives.measurements(objective.id())).hasSize(before + 1);
        assertThat(objectives.measurements(objective.id()).getLast().value()).isEqualByComparingTo(new BigDecimal("99.4"));
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_read_the_objectives_and_risks_but_get_no_buttons_to_change_them() {
        CurrentUnit.set(stp());
        ObjectivesView objectivesView = navigate(ObjectivesView.class);
        assertThat(objectivesView.grid.getListDataView().getItems().count()).isGreaterThanOrEqualTo(3);
        assertThat(find(Button.class).withText("Thêm mục tiêu").exists()).isFalse();
        RisksView risksView = navigate(RisksView.class);
        assertThat(risksView.grid.getListDataView().getItems().count()).isGreaterThanOrEqualTo(3);
        assertThat(find(Button.class).withText("Thêm rủi ro / cơ hội").exists())
                .isFalse();
    }

    @Test
    @WithUserDetails("sokhcn")
    void a_search_hit_opens_another_units_objective_and_risk_in_that_units_list_without_buttons_to_change_them() {
        CurrentUnit.set(unit("SKHCN"));
        Objective objective = objectives.ofUnit(stp()).getFirst();
        ObjectivesView objectivesView = navigate("objectives/" + objective.id().value(), ObjectivesView.class);
        assertThat(objectivesView.grid.getSelectedItems()).containsExactly(objective);
        assertThat(objectivesView.grid.getListDataView().getItems()).allMatch(o -> o.unitId().equals(stp()));
        assertThat(find(Button.class).withText("Thêm mục tiêu").exists()).isFalse();

        Risk risk = risks.ofUnit(stp()).getLast();
        RisksView risksView = navigate("risks/" + risk.id().value(), RisksView.class);
        assertThat(risksView.grid.getSelectedItems()).containsExactly(risk);
        assertThat(find(Button.class).withText("Thêm rủi ro / cơ hội").exists()).isFalse();
    }
}
