package vn.eiso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.base.ui.Formats;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/**
 * One day's work in a Sở Tư pháp, passed from person to person in a real browser, checking what comes back at each
 * hand-over: the quality officer drafts a procedure with a file and submits it; the head finds it in his work,
 * downloads the very bytes that were uploaded, reviews and approves it; the officer hears it was approved; a member
 * of staff reads the revision in force, downloads its file, confirms having read it and reports a problem, which
 * the officer finds in his work. Every main view on the way is checked by axe-core (WCAG 2.1 A/AA) and its grid
 * must fit a 1366-pixel screen and a phone without scrolling sideways.
 */
class DayOfWorkJourneyTest extends BrowserTest {

    @Autowired
    Nonconformities nonconformities;
    @Autowired
    UnitService units;

    private static final String PASSWORD = Accounts.DEMO_PASSWORD;
    private static final String CODE = "QT-98";
    private static final String TITLE = "Quy trình chứng thực chữ ký người dịch";

    @Test
    void a_procedure_goes_from_officer_to_head_to_staff_and_a_problem_comes_back() throws Exception {
        try {
            journey();
        } catch (Throwable t) {
            screenshot("day-failure");
            throw t;
        }
    }

    private void journey() throws Exception {
        byte[] uploaded = vn.eiso.support.Files.docx("Lưu đồ chứng thực chữ ký người dịch", "Bước 1: Tiếp nhận");
        Path docx = Files.createTempFile("QT-98 Luu do", ".docx");
        Files.write(docx, uploaded);
        viewport(DESKTOP);

        // The quality officer, in the morning: a new procedure with its flow chart, submitted for review.
        driver.get(url("login"));
        waitForText("Đăng nhập");
        assertAccessible("the login page");
        login("thuky.stp", PASSWORD);
        waitForText("Xin chào");
        assertAccessible("the officer's dashboard");
        driver.get(url("documents"));
        waitForText("QT-01");
        assertAccessible("the document register");
        assertFitsWidth("vaadin-grid");
        screenshot("day-documents-1366");
        clickText("vaadin-button", "Thêm tài liệu");
        click("document-type");
        clickText("vaadin-select-item", "Quy trình");
        type("document-code", CODE);
        type("document-title", TITLE);
        click("document-save");
        wait.until(d -> d.getCurrentUrl().contains("/document/"));
        String documentUrl = driver.getCurrentUrl();
        click("draft-start");
        waitForText("Đã tạo bản dự thảo mới");
        type("draft-summary", "Ban hành lần đầu");
        type("draft-text", "Bước 1: Tiếp nhận yêu cầu\nBước 2: Chứng thực\nBước 3: Trả kết quả");
        click("draft-save");
        waitForText("Đã lưu bản dự thảo");
        WebElement fileInput = (WebElement) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('#draft-upload').querySelector('input[type=file]')"
                        + " || document.querySelector('#draft-upload').shadowRoot.querySelector('input[type=file]')");
        fileInput.sendKeys(docx.toString());
        waitForText("Đã đính kèm tệp");
        click("draft-submit");
        waitForText("Đã trình xem xét");
        waitForText("Chờ xem xét");
        assertAccessible("a document's page");

        // The head finds it in his work and in the bell, downloads the file as uploaded, reviews and approves.
        login("lanhdao.stp", PASSWORD);
        waitForText("Xin chào");
        click("notice-bell");
        waitForText("đã được trình, chờ anh/chị xem xét");
        assertThat(pageText()).contains(CODE);
        driver.get(url("my-work"));
        waitForText("Xem xét bản sửa đổi");
        assertAccessible("the head's work list");
        assertFitsWidth("vaadin-grid");
        screenshot("day-my-work-head-1366");
        WebElement work = wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .filter(a -> a.getText().contains(CODE)).findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", work);
        // The work item opens the revision waiting for him, its file with it; signing happens on the document.
        wait.until(d -> d.getCurrentUrl().contains("/revision/"));
        waitForText("Bước 2: Chứng thực");
        assertThat(download(fileLink())).as("the file the head downloads").isEqualTo(uploaded);
        driver.get(documentUrl);
        click("review-button");
        type("sign-password", PASSWORD);
        click("sign-confirm");
        waitForText("Chờ phê duyệt — Trần Văn Hùng");
        click("approve-button");
        type("sign-password", PASSWORD);
        click("sign-confirm");
        String today = Formats.date(LocalDate.now(clock));
        waitForText("Lần 1 có hiệu lực từ " + today);

        // The officer hears of it.
        login("thuky.stp", PASSWORD);
        waitForText("Xin chào");
        click("notice-bell");
        waitForText("đã được phê duyệt, có hiệu lực từ ngày " + today);
        assertThat(pageText()).contains(CODE);
        driver.get(documentUrl);
        waitForText("Lần 1 có hiệu lực từ " + today);

        // A member of staff reads it, downloads its file, confirms having read it, then reports a problem.
        login("congchuc.stp", PASSWORD);
        waitForText("Tài liệu cần đọc");
        assertThat(pageText()).contains(CODE);
        driver.get(documentUrl);
        waitForText("Bước 2: Chứng thực");
        assertThat(download(fileLink())).as("the file staff download").isEqualTo(uploaded);
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "const content = document.querySelector('.revision-content');"
                        + " const ack = document.getElementById('acknowledge-button');"
                        + " return !!(content.compareDocumentPosition(ack) & Node.DOCUMENT_POSITION_FOLLOWING);"))
                .as("the read confirmation comes after the content").isTrue();
        click("acknowledge-button");
        waitForText("Đã ghi nhận xác nhận đã đọc");
        waitForText("Bạn đã xác nhận đã đọc và hiểu lần ban hành này lúc " + today);
        screenshot("day-acknowledged");

        String problem = "Mẫu tờ khai chứng thực chữ ký người dịch " + UUID.randomUUID().toString().substring(0, 4)
                + " trên cổng dịch vụ công vẫn là bản cũ";
        driver.get(url("nonconformities"));
        waitForText("Báo cáo vấn đề");
        click("nc-report");
        type("nc-description", problem);
        click("nc-send");
        waitForText("Đã gửi báo cáo");
        waitForText(problem);
        assertAccessible("the nonconformity register");
        assertFitsWidth("vaadin-grid");
        screenshot("day-nonconformities-1366");

        // The officer finds the problem in his work and opens it.
        login("thuky.stp", PASSWORD);
        waitForText("Xin chào");
        driver.get(url("my-work"));
        waitForText("Tiếp nhận sự không phù hợp");
        assertThat(pageText()).contains(problem.substring(0, 40));
        var reported = SystemAuthentication.runAsSystem(() -> nonconformities.ofUnit(units.byCode("STP").id(), true)
                .stream().filter(n -> n.description().equals(problem)).findFirst().orElseThrow());
        WebElement triage = wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .filter(a -> a.getText().strip().equals(reported.id().label())).findFirst().orElse(null));
        assertThat(triage.getAttribute("href")).endsWith("nonconformity/" + reported.id().value());
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", triage);
        waitForText(problem);
        assertAccessible("a nonconformity's page");

        // The rest of the officer's main views.
        driver.get(url("audits"));
        waitForText("Chương trình");
        assertAccessible("the audit programme");
        driver.get(url("announcement"));
        waitForText("Công bố");
        assertAccessible("the announcement");
        driver.get(url("search?q=chung%20thuc%20chu%20ky"));
        waitForText(CODE);
        assertAccessible("the search page");

        // The same grids on a phone: one card per row, nothing scrolling sideways, no word cut.
        viewport(PHONE);
        for (String page : new String[] {"documents", "nonconformities", "my-work"}) {
            driver.get(url(page));
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-grid .grid-card")).isEmpty());
            assertFitsWidth("vaadin-grid");
            assertAccessible(page + " on a phone");
            screenshot("day-" + page + "-390");
        }
        viewport(DESKTOP);

        // The science department's console, and the public register for anyone.
        login("sokhcn", PASSWORD);
        waitForText("Xin chào");
        driver.get(url("console"));
        waitForText("40 xã, phường");
        assertAccessible("the console");
        assertFitsWidth("vaadin-grid");
        screenshot("day-console-1366");
        viewport(PHONE);
        driver.get(url("console"));
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-grid .grid-card")).isEmpty());
        assertFitsWidth("vaadin-grid");
        screenshot("day-console-390");
        viewport(DESKTOP);
        driver.manage().deleteAllCookies();
        driver.get(url("cong-bo"));
        waitForText("Danh sách cơ quan công bố");
        assertAccessible("the public register");
    }

    /** The revision's file link on the page shown. */
    private WebElement fileLink() {
        return wait.until(d -> d.findElements(By.cssSelector("a[download]")).stream()
                .filter(a -> a.getText().contains(".docx")).findFirst().orElse(null));
    }
}
