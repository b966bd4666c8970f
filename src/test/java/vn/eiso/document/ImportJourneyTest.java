package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/**
 * A commune brings its existing documents in, in a real browser: the quality officer uploads a ZIP with a manifest
 * through the documents screen and follows the job to its verdicts; the unit head finds the batch in his work and
 * confirms it with his password; the officer hears of it, and the procedure is in force with the very file that
 * was in the ZIP. The job's page, the confirmation and the list of imports are checked by axe-core and
 * photographed (target/screenshots/import-*.png).
 */
class ImportJourneyTest extends BrowserTest {

    private static final String PASSWORD = Accounts.DEMO_PASSWORD;
    private static final String ARCHIVE = "tai-lieu-xa-tan-phu.zip";
    private static final String PROCEDURE = "QT-77";
    private static final String TITLE = "Quy trình tiếp nhận, trả kết quả hồ sơ";
    private static final String FORM = "BM-77";

    @Test
    void the_officer_imports_the_head_confirms_and_the_procedure_is_in_force() throws Exception {
        try {
            journey();
        } catch (Throwable t) {
            screenshot("import-failure");
            throw t;
        }
    }

    private void journey() throws Exception {
        byte[] procedureFile = vn.eiso.support.Files.docx("Quy trình tiếp nhận, trả kết quả hồ sơ",
                "Bước 1: Tiếp nhận hồ sơ tại Bộ phận Một cửa", "Bước 2: Trả kết quả");
        String manifest = "file,code,title,type,revision,effective_date\n"
                + "quy-trinh-tiep-nhan.docx," + PROCEDURE + ",\"" + TITLE + "\",PROCEDURE,3,15/01/2024\n"
                + "phieu-theo-doi.docx," + FORM + ",Phiếu theo dõi hồ sơ,FORM,,\n";
        Path zip = Files.createTempDirectory("import-journey").resolve(ARCHIVE);
        Files.write(zip, vn.eiso.support.Files.zip("manifest.csv", manifest.getBytes(StandardCharsets.UTF_8),
                "quy-trinh-tiep-nhan.docx", procedureFile,
                "phieu-theo-doi.docx", vn.eiso.support.Files.docx("Phiếu theo dõi hồ sơ")));
        viewport(DESKTOP);

        // The officer uploads the ZIP from the register and lands on the job's page.
        login("thuky.xa", PASSWORD);
        waitForText("Xin chào");
        workIn("Ủy ban nhân dân xã Tân Phú");
        driver.get(url("documents"));
        clickText("vaadin-button", "Nhập hàng loạt");
        waitForText("Nhập tài liệu hàng loạt");
        screenshot("import-dialog");
        assertAccessible("the import dialog");
        WebElement fileInput = wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "const u = document.querySelector('#import-upload');"
                        + " return u && (u.querySelector('input[type=file]')"
                        + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]')));"));
        fileInput.sendKeys(zip.toString());
        wait.until(d -> d.getCurrentUrl().contains("/" + ImportJobs.JOB_ROUTE + "/"));
        String jobUrl = driver.getCurrentUrl();
        byId("import-progress");
        screenshot("import-job-started");

        // The progress follows the job by itself until every file has its verdict.
        waitForText("Xong: nhập 2, bỏ qua 0, từ chối 0 · 1 phiên bản chờ thủ trưởng xác nhận");
        waitForText("Lần 3, hiệu lực từ 15/01/2024: chờ thủ trưởng xác nhận");
        assertThat(pageText()).contains("Đợt nhập " + ARCHIVE, "quy-trinh-tiep-nhan.docx", PROCEDURE,
                "phieu-theo-doi.docx", FORM, "Nhập là dự thảo lần 1", "Đã đọc bảng kê: 2 dòng");
        assertThat(driver.findElements(By.id("import-confirm"))).as("the officer's confirm button")
                .noneMatch(WebElement::isDisplayed);
        assertAccessible("the import job's page");
        assertFitsWidth("vaadin-grid");
        screenshot("import-job-done");
        viewport(PHONE);
        driver.navigate().refresh();
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-grid .grid-card")).isEmpty());
        assertFitsWidth("vaadin-grid");
        screenshot("import-job-done-390");
        viewport(DESKTOP);

        driver.get(url(ImportJobs.ROUTE));
        waitForText(ARCHIVE);
        assertAccessible("the list of imports");
        assertFitsWidth("vaadin-grid");
        screenshot("import-list");

        // The head finds the batch on his dashboard and in his work, opens it and confirms with his password.
        login("lanhdao.xa", PASSWORD);
        waitForText("Xin chào");
        waitForText("Xác nhận đợt nhập tài liệu");
        screenshot("import-head-dashboard");
        driver.get(url("my-work"));
        waitForText("Xác nhận đợt nhập tài liệu");
        screenshot("import-head-work");
        WebElement work = wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .filter(a -> a.getText().strip().equals(ARCHIVE)).findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", work);
        wait.until(d -> d.getCurrentUrl().equals(jobUrl));
        waitForText("1 phiên bản chờ thủ trưởng xác nhận");
        click("import-confirm");
        waitForText(PROCEDURE + " lần 3, hiệu lực từ 15/01/2024 (tệp quy-trinh-tiep-nhan.docx)");
        type("import-password", "sai-mat-khau");
        click("import-sign");
        waitForText("Mật khẩu hoặc mã PIN ký không đúng; chưa ký xác nhận");
        screenshot("import-confirm-wrong-password");
        type("import-password", PASSWORD);
        screenshot("import-confirm-dialog");
        assertAccessible("the confirmation dialog");
        click("import-sign");
        waitForText("Đã xác nhận 1 phiên bản");
        waitForText("đã được Đặng Văn Sơn xác nhận");
        waitForText("Lần 3, có hiệu lực từ 15/01/2024 (thủ trưởng đã xác nhận)");
        assertThat(driver.findElements(By.id("import-confirm"))).as("the confirm button once confirmed")
                .noneMatch(WebElement::isDisplayed);
        screenshot("import-job-confirmed");

        // The officer hears of it; the procedure is in force, its file the one in the ZIP.
        login("thuky.xa", PASSWORD);
        waitForText("Xin chào");
        click("notice-bell");
        WebElement notices = wait.until(d -> d.findElements(By.cssSelector(".notice-list")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        wait.until(d -> notices.getText().contains("xác nhận: 1 phiên bản có hiệu lực"));
        assertThat(notices.getText()).contains("Đợt nhập " + ARCHIVE + " đã xong: nhập 2 tệp, bỏ qua 0, từ chối 0");
        screenshot("import-officer-notices");
        driver.get(url("documents"));
        WebElement row = wait.until(d -> d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().strip().equals(PROCEDURE)).findFirst().orElse(null));
        assertThat(pageText()).contains(TITLE);
        row.click();
        wait.until(d -> d.getCurrentUrl().contains("/document/"));
        waitForText(TITLE);
        assertThat(pageText()).contains("Có hiệu lực", "Lần ban hành 3");
        WebElement file = wait.until(d -> d.findElements(By.cssSelector("a[download]")).stream()
                .filter(a -> a.getText().contains("quy-trinh-tiep-nhan.docx")).findFirst().orElse(null));
        assertThat(download(file)).as("the file as it was in the ZIP").isEqualTo(procedureFile);
        screenshot("import-document-in-force");
    }

    /** Switches the unit in the top bar when the session opened in another one. */
    private void workIn(String unitName) {
        WebElement switcher = wait.until(d -> d.findElement(By.cssSelector("vaadin-select.unit-switcher")));
        if (!switcher.getText().contains(unitName)) {
            switcher.click();
            clickText("vaadin-select-item", unitName);
            wait.until(d -> d.findElement(By.cssSelector("vaadin-select.unit-switcher")).getText()
                    .contains(unitName));
        }
    }
}
