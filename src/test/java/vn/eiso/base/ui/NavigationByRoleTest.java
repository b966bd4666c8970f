package vn.eiso.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import vn.eiso.support.UiTest;

class NavigationByRoleTest extends UiTest {

    private List<String> menu() {
        navigate("", Component.class);
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_sees_every_administration_screen() {
        assertThat(menu()).containsExactly("Tổng quan", "Việc của tôi", "Theo dõi triển khai", "Tìm kiếm", "Tài liệu", "Hiệu lực theo ngày", "Hồ sơ",
                "Đánh giá nội bộ", "Sự không phù hợp", "Xem xét của lãnh đạo", "Mục tiêu chất lượng",
                "Hồ sơ một cửa", "Rủi ro và cơ hội", "Danh mục TTHC",
                "Công bố ISO", "Báo cáo năm", "Thư viện mẫu", "Chuyên gia đánh giá", "Kiểm tra", "Đơn vị", "Người dùng",
                "Đăng nhập bị hãm", "Chứng thư tin cậy", "Nhật ký hệ thống", "Chỉ mục tìm kiếm");
    }

    @Test
    @WithUserDetails("sokhcn")
    void the_science_department_sees_the_units_but_not_user_administration() {
        assertThat(menu()).containsExactly("Tổng quan", "Việc của tôi", "Theo dõi triển khai", "Tìm kiếm", "Tài liệu", "Hiệu lực theo ngày", "Hồ sơ",
                "Đánh giá nội bộ", "Sự không phù hợp", "Xem xét của lãnh đạo", "Mục tiêu chất lượng",
                "Hồ sơ một cửa", "Rủi ro và cơ hội", "Danh mục TTHC",
                "Công bố ISO", "Báo cáo năm", "Thư viện mẫu", "Chuyên gia đánh giá", "Kiểm tra", "Đơn vị");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_see_their_unit_screens_but_no_administration() {
        assertThat(menu()).containsExactly("Tổng quan", "Việc của tôi", "Theo dõi triển khai", "Tìm kiếm", "Tài liệu", "Hiệu lực theo ngày", "Hồ sơ",
                "Đánh giá nội bộ", "Sự không phù hợp", "Xem xét của lãnh đạo", "Mục tiêu chất lượng",
                "Hồ sơ một cửa", "Rủi ro và cơ hội", "Danh mục TTHC",
                "Công bố ISO", "Báo cáo năm", "Thư viện mẫu");
    }

    @Test
    @WithUserDetails("congchuc.stp")
    void staff_typing_an_administration_address_do_not_get_the_screen() {
        navigate("admin/users", Component.class);
        // Access control answers "not found", so the address does not even reveal that the screen exists.
        assertThat(getCurrentView()).isInstanceOf(ForbiddenPage.class);
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_typing_the_same_address_gets_the_screen() {
        navigate("admin/users", Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("UsersView");
    }
}
