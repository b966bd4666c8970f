package vn.eiso.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/**
 * The closed loop in a real browser: a member of staff reports a problem, the quality officer analyses it and plans
 * an action for that member, who does it; the head, named as the effectiveness reviewer, confirms it worked and
 * the nonconformity closes.
 */
class NonconformityJourneyTest extends BrowserTest {

    private static final String PASSWORD = Accounts.DEMO_PASSWORD;

    @Autowired
    Nonconformities register;
    @Autowired
    UnitService units;

    @Test
    void report_analyse_act_verify_close() throws Exception {
        String problem = "Công dân phải chờ " + UUID.randomUUID().toString().substring(0, 4)
                + " ngày vì hồ sơ bị thất lạc giữa hai bộ phận";

        login("congchuc.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(url("nonconformities"));
        click("nc-report");
        type("nc-description", problem);
        click("nc-send");
        waitForText("Đã gửi báo cáo");
        long id = SystemAuthentication.runAsSystem(() -> register.ofUnit(units.byCode("STP").id(), true).stream()
                .filter(n -> n.description().equals(problem)).findFirst().orElseThrow().id().value());
        String page = url("nonconformity/" + id);

        login("thuky.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(page);
        click("nc-accept");
        click("nc-accept-confirm");
        waitForText("Đã tiếp nhận");
        type("nc-correction", "Tìm lại hồ sơ, xin lỗi và trả kết quả trong ngày");
        type("nc-root-cause", "Không có sổ giao nhận hồ sơ giữa bộ phận một cửa và phòng chuyên môn");
        click("nc-analysis-save");
        waitForText("Đã lưu phân tích");
        click("nc-action-add");
        type("nc-action-text", "Lập sổ giao nhận hồ sơ có ký nhận");
        choose("nc-action-owner", "vaadin-combo-box-item", "Hoàng", "Hoàng Minh Tuấn");
        click("nc-action-save");
        waitForText("Đã thêm hành động");
        click("nc-plan");
        waitForText("Đã chốt kế hoạch hành động khắc phục");
        screenshot("nc-planned");

        login("congchuc.stp", PASSWORD);
        waitForText("Hành động khắc phục của tôi");
        driver.get(page);
        WebElement done = wait.until(d -> d.findElement(By.cssSelector("vaadin-button[id^='nc-action-done-']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + " arguments[0].click();", done);
        type("nc-action-evidence", "Sổ giao nhận đã dùng từ thứ Hai, có chữ ký hai bên");
        click("nc-action-done-confirm");
        waitForText("Đã hoàn thành hành động");
        waitForText("Đang kiểm tra hiệu lực");

        login("thuky.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(page);
        choose("nc-verifier", "vaadin-combo-box-item", "Trần", "Trần Văn Hùng");
        click("nc-verifier-assign");
        waitForText("Đã phân công người xem xét hiệu lực");

        login("lanhdao.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(page);
        WebElement effective = wait.until(d -> d.findElements(By.cssSelector("#nc-effective vaadin-radio-button"))
                .stream().filter(e -> e.getText().strip().startsWith("Có hiệu lực")).findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + " arguments[0].click();", effective);
        type("nc-verification-note", "Một tháng không còn hồ sơ thất lạc");
        click("nc-verify");
        waitForText("Đã ghi nhận kết quả xem xét hiệu lực");
        waitForText("Đã đóng");
        screenshot("nc-closed");
        assertThat(SystemAuthentication.runAsSystem(() -> register.get(new NonconformityId(id)).status()))
                .isEqualTo(Nonconformity.Status.CLOSED);
    }
}
