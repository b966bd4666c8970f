package vn.eiso.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/**
 * The science department in a real browser: the province's headline on the console, narrowed to communes, drilled
 * into one commune down to its overdue annual report; then the reports screen; and the commune's quality officer
 * finding the same report at the top of their work.
 */
class ConsoleJourneyTest extends BrowserTest {

    @Test
    void the_department_drills_from_the_province_to_an_overdue_report_and_the_commune_sees_it_too() throws Exception {
        login("sokhcn", Accounts.DEMO_PASSWORD);
        waitForText("Xin chào");
        driver.get(url("console"));
        waitForText("40 xã, phường");
        assertThat(pageText()).contains("Số đơn vị theo giai đoạn", "Áp dụng", "Báo cáo năm chưa nộp");
        screenshot("console");

        choose("console-type", "vaadin-combo-box-item", "Xã", "Xã, phường");
        type("console-search", "Tân Phú");
        clickText("vaadin-grid-cell-content", "X-TANPHU");
        waitForText("X-TANPHU · Ủy ban nhân dân xã Tân Phú");
        assertThat(pageText()).contains("Áp dụng từ", "Báo cáo năm chưa nộp",
                java.time.LocalDate.now(clock).getYear() + " · hạn ");
        screenshot("console-unit");
        driver.get(url("annual-reports"));
        waitForText("Tổng hợp báo cáo năm");
        screenshot("annual-reports-province");

        driver.manage().deleteAllCookies();
        login("thuky.xa", Accounts.DEMO_PASSWORD);
        waitForText("Xin chào");
        driver.get(url("my-work"));
        waitForText("Việc quá hạn");
        assertThat(pageText()).contains("Báo cáo năm", "Quá hạn");
        screenshot("my-work");
    }
}
