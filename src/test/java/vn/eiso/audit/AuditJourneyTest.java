package vn.eiso.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/**
 * The internal audit in a real browser: the quality officer plans it, the auditor from another unit records a
 * finding, writes the report and signs it off with the password, and the finding appears as a nonconformity of
 * the audited unit.
 */
class AuditJourneyTest extends BrowserTest {

    private static final String PASSWORD = Accounts.DEMO_PASSWORD;

    @Test
    void plan_perform_record_a_finding_and_sign_off_the_report() throws Exception {
        String title = "Đánh giá trình duyệt " + UUID.randomUUID().toString().substring(0, 4);
        String evidence = "05/30 hồ sơ lý lịch tư pháp trả quá hạn, không có phiếu hẹn lại";

        login("thuky.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(url("audits"));
        click("audits-plan");
        type("audit-title", title);
        choose("audit-procedures", "vaadin-multi-select-combo-box-item", "QT-06", "QT-06");
        choose("audit-lead", "vaadin-combo-box-item", "Phạm", "Phạm Quốc Bảo");
        screenshot("audit-plan");
        click("audit-plan-save");
        waitForText("Đã lập kế hoạch đánh giá");
        waitForText(title);

        login("danhgia", PASSWORD);
        waitForText("Cuộc đánh giá tôi tham gia");
        clickContaining("a", title);
        waitForText("Danh mục kiểm tra");
        click("item-record-1");
        click("item-result");
        clickText("vaadin-select-item", "Không phù hợp nặng");
        type("item-evidence", evidence);
        click("item-save");
        waitForText("Đã ghi nhận kết quả");
        waitForText(evidence);
        clickText("vaadin-tab", "Báo cáo");
        type("audit-summary", "Đánh giá quy trình QT-06 tại Bộ phận Một cửa.");
        type("audit-conclusion", "Cần khắc phục ngay việc trả hồ sơ quá hạn.");
        click("report-save");
        waitForText("Đã lưu báo cáo");
        click("audit-sign");
        type("sign-password", PASSWORD);
        click("audit-sign-confirm");
        waitForText("Đã ký báo cáo; đã mở 1 sự không phù hợp");
        waitForText("Đã ký báo cáo");
        screenshot("audit-signed");

        login("thuky.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(url("nonconformities"));
        waitForText(evidence);
        assertThat(pageText()).contains(title, "Nặng", "Đánh giá nội bộ");
        screenshot("audit-nonconformity");
    }

    private void clickContaining(String tag, String text) {
        wait.until(d -> d.findElements(By.tagName(tag)).stream().filter(e -> e.getText().contains(text))
                .findFirst().map(e -> {
                    ((JavascriptExecutor) d).executeScript("arguments[0].click();", e);
                    return true;
                }).orElse(false));
    }
}
