package vn.eiso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/** Signing in: the generic message for a wrong password, the dashboard for the right one. */
class BrowserJourneyTest extends BrowserTest {

    @Test
    void a_wrong_password_gets_the_generic_message_and_the_right_one_reaches_the_dashboard() throws Exception {
        login("admin", "sai-mat-khau");
        wait.until(d -> d.getCurrentUrl().contains("error"));
        waitForText("Tên đăng nhập hoặc mật khẩu không đúng");
        screenshot("login-error");

        login("admin", Accounts.DEMO_PASSWORD);
        waitForText("Đơn vị toàn tỉnh");
        assertThat(pageText()).contains("Xin chào, Quản trị hệ thống", "Nhật ký hệ thống");
        screenshot("dashboard-admin");

        driver.get(url("admin/units"));
        waitForText("Sở Tư pháp");
        screenshot("units");
    }

    @Test
    void staff_reach_their_dashboard_without_administration_entries() throws Exception {
        login("congchuc.stp", Accounts.DEMO_PASSWORD);
        waitForText("Vai trò của bạn tại đơn vị");
        assertThat(pageText()).contains("Sở Tư pháp", "Công chức").doesNotContain("Nhật ký hệ thống", "Người dùng");
        screenshot("dashboard-staff");
    }
}
