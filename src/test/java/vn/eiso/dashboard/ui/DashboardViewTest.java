package vn.eiso.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.UnitService;
import vn.eiso.organisation.UnitType;
import vn.eiso.support.UiTest;

class DashboardViewTest extends UiTest {

    @Autowired
    UnitService units;

    private List<String> cardTitles() {
        return find(H3.class).all().stream().map(H3::getText).toList();
    }

    private String cardText(String title) {
        return find(Div.class).withClassName("card").all().stream()
                .filter(card -> card.getChildren().anyMatch(c -> c instanceof H3 h && h.getText().equals(title)))
                .findFirst().orElseThrow().getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails("sokhcn")
    void the_science_department_sees_the_province_figures_from_the_data() {
        navigate(DashboardView.class);
        long communes = SystemAuthentication.runAsSystem(() -> units.all().stream()
                .filter(u -> u.isActive() && u.type() == UnitType.COMMUNE).count());

        assertThat(cardTitles()).contains("Đơn vị toàn tỉnh").doesNotContain("Quản trị", "Thành viên của đơn vị");
        assertThat(cardText("Đơn vị toàn tỉnh")).contains(communes + "Xã, phường");
    }

    @Test
    @WithUserDetails("thuky.stp")
    void the_quality_officer_sees_the_unit_and_its_members() {
        navigate(DashboardView.class);

        assertThat(cardTitles()).contains("Đơn vị đang làm việc", "Thành viên của đơn vị")
                .doesNotContain("Đơn vị toàn tỉnh", "Quản trị");
        assertThat(cardText("Đơn vị đang làm việc")).contains("Sở Tư pháp", "Thư ký ISO");
        assertThat(cardText("Thành viên của đơn vị")).contains("Trần Văn Hùng", "Hoàng Minh Tuấn");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_see_their_unit_and_role_only() {
        navigate(DashboardView.class);

        assertThat(cardTitles()).containsExactly("Đơn vị đang làm việc", "Tài liệu cần đọc");
        assertThat(cardText("Đơn vị đang làm việc")).contains("Sở Tư pháp", "Công chức");
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_sees_recent_activity() {
        navigate(DashboardView.class);
        assertThat(cardTitles()).contains("Quản trị", "Hoạt động gần đây");
        assertThat(cardText("Quản trị")).contains("Phân công vai trò");
    }
}
