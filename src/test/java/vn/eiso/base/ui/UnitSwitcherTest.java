package vn.eiso.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserPreferences;
import vn.eiso.support.UiTest;

class UnitSwitcherTest extends UiTest {

    @Autowired
    UserPreferences preferences;

    @Test
    @WithUserDetails("thuky.xa")
    @SuppressWarnings("unchecked")
    void a_user_with_two_units_switches_and_the_choice_is_remembered() {
        navigate("", Component.class);
        Select<UnitId> switcher = find(Select.class).withClassName("unit-switcher").single();
        assertThat(switcher.getListDataView().getItems()).hasSize(2);
        UnitId other = switcher.getListDataView().getItems().filter(u -> !u.equals(switcher.getValue()))
                .findFirst().orElseThrow();

        test(switcher).selectItem(switcher.getItemLabelGenerator().apply(other));

        assertThat(CurrentUnit.get()).contains(other);
        assertThat(preferences.ownLastUnit()).contains(other);
    }

    @Test
    @WithUserDetails("congchuc.stp")
    @SuppressWarnings("unchecked")
    void the_switcher_offers_only_the_units_the_user_belongs_to() {
        navigate("", Component.class);
        Select<UnitId> switcher = find(Select.class).withClassName("unit-switcher").single();
        assertThat(switcher.getListDataView().getItems().map(switcher.getItemLabelGenerator()))
                .containsExactly("Sở Tư pháp");
    }
}
