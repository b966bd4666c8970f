package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/**
 * The document journey in a real browser: the quality officer creates a procedure, uploads a DOCX and submits;
 * the unit head reviews and approves with the password; a second revision follows; the two are compared; a
 * member of staff confirms having read it.
 */
class DocumentJourneyTest extends BrowserTest {

    private static final String PASSWORD = Accounts.DEMO_PASSWORD;

    private void openTab(String label) {
        clickText("vaadin-tab", label);
    }

    private void signWithPassword(String confirmation) {
        type("sign-password", PASSWORD);
        click("sign-confirm");
        waitForText(confirmation);
    }

    /** The head reviews, then approves: each sign-off says what it did and what comes next. */
    private void reviewAndApprove(String documentUrl) {
        login("lanhdao.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(documentUrl);
        click("review-button");
        signWithPassword("Đã xem xét; bản này chờ lãnh đạo đơn vị phê duyệt");
        click("approve-button");
        signWithPassword("Đã phê duyệt, có hiệu lực từ");
    }

    @Test
    void create_upload_submit_approve_revise_compare_and_acknowledge() throws Exception {
        Path docx = Files.createTempFile("QT-99 Quy trinh", ".docx");
        Files.write(docx, vn.eiso.support.Files.docx("Phụ lục 1: Lưu đồ tiếp nhận hồ sơ"));

        login("thuky.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(url("documents"));
        clickText("vaadin-button", "Thêm tài liệu");
        click("document-type");
        clickText("vaadin-select-item", "Quy trình");
        type("document-code", "QT-99");
        type("document-title", "Quy trình tiếp nhận và trả kết quả");
        click("document-save");
        wait.until(d -> d.getCurrentUrl().contains("/document/"));
        String documentUrl = driver.getCurrentUrl();

        openTab("Bản đang soạn");
        click("draft-start");
        waitForText("Đã tạo bản dự thảo mới");
        type("draft-summary", "Ban hành lần đầu");
        type("draft-text", "Bước 1: Tiếp nhận hồ sơ\nBước 2: Thẩm định\nBước 3: Trả kết quả");
        click("draft-save");
        waitForText("Đã lưu bản dự thảo");
        upload("draft-upload", docx);
        waitForText("Đã đính kèm tệp");
        screenshot("document-draft");
        click("draft-submit");
        waitForText("Đã trình xem xét");

        reviewAndApprove(documentUrl);
        waitForText("Bước 3: Trả kết quả");
        assertThat(pageText()).contains("Có hiệu lực", "Lần ban hành 1");
        screenshot("document-effective");

        login("thuky.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(documentUrl);
        openTab("Bản đang soạn");
        click("draft-start");
        waitForText("Đã tạo bản dự thảo mới");
        type("draft-summary", "Rút ngắn thời hạn thẩm định");
        type("draft-text", "Bước 1: Tiếp nhận hồ sơ\nBước 2: Thẩm định trong 3 ngày\nBước 3: Trả kết quả");
        click("draft-save");
        waitForText("Đã lưu bản dự thảo");
        click("draft-submit");
        waitForText("Đã trình xem xét");

        reviewAndApprove(documentUrl);
        waitForText("Thẩm định trong 3 ngày");
        openTab("Lịch sử ban hành");
        waitForText("Bị thay thế");
        // Tick both revisions, as a user ticks the row check boxes (not the "select all" one in the header).
        wait.until(d -> d.findElements(By.cssSelector("#history-grid vaadin-checkbox")).size() >= 3);
        for (WebElement box : driver.findElements(By.cssSelector("#history-grid vaadin-checkbox"))) {
            Object part = ((JavascriptExecutor) driver).executeScript(
                    "const slot = arguments[0].parentElement.assignedSlot;"
                            + " return slot && slot.parentElement ? slot.parentElement.getAttribute('part') : '';", box);
            if (String.valueOf(part).contains("body-cell")) {
                box.click();
            }
        }
        click("history-compare");
        waitForText("So sánh lần 1 và lần 2");
        assertThat(pageText()).contains("Bước 2: Thẩm định", "Bước 2: Thẩm định trong 3 ngày");
        screenshot("document-diff");

        login("congchuc.stp", PASSWORD);
        waitForText("Tài liệu cần đọc");
        assertThat(pageText()).contains("QT-99");
        driver.get(documentUrl);
        click("acknowledge-button");
        waitForText("Đã ghi nhận xác nhận đã đọc");
        screenshot("document-acknowledged");
    }
}
