package vn.eiso.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/**
 * The science department re-imports the portal's export in a real browser: a file with a bad line is refused
 * line by line, the corrected one shows what it adds, amends and abolishes, and is applied after confirming; then
 * the justice department's quality officer finds the new procedure among those its documents do not cover yet.
 */
class CatalogueJourneyTest extends BrowserTest {

    @Test
    void the_department_reviews_the_reimport_diff_applies_it_and_the_unit_sees_its_new_uncovered_procedure()
            throws Exception {
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/demo/tthc.csv")) {
            lines = new ArrayList<>(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
        lines.replaceAll(l -> l.startsWith("2.001417,") ? l.replace("tiến hành tố tụng", "tiến hành tố tụng (sửa đổi)")
                : l);
        lines.removeIf(l -> l.contains("Thôi quốc tịch"));
        lines.add("1.013999,Cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID,Lý lịch tư pháp,Cấp tỉnh,Sở Tư pháp,");
        Path folder = Files.createTempDirectory("tthc");
        Path good = Files.writeString(folder.resolve("danh-muc-tthc-2027.csv"), String.join("\n", lines));
        List<String> broken = new ArrayList<>(lines);
        broken.add("1.013998,Thủ tục cấp huyện,Lĩnh vực,Cấp huyện,UBND huyện,");
        Path bad = Files.writeString(folder.resolve("danh-muc-loi.csv"), String.join("\n", broken));

        login("sokhcn", Accounts.DEMO_PASSWORD);
        waitForText("Xin chào");
        driver.get(url("tthc"));
        waitForText("Phiên bản 1 · 140 thủ tục");
        click("catalogue-import");
        upload("catalogue-upload", bad);
        waitForText("Cấp thực hiện „Cấp huyện“ không rõ");
        assertThat(pageText()).contains("1 dòng lỗi", "chưa thể áp dụng");
        assertThat(byId("catalogue-apply").getAttribute("disabled")).isNotNull();
        screenshot("catalogue-import-errors");

        driver.get(url("tthc"));
        waitForText("Phiên bản 1 · 140 thủ tục");
        click("catalogue-import");
        upload("catalogue-upload", good);
        waitForText("thêm mới 1, sửa đổi 1, bãi bỏ 1 thủ tục");
        assertThat(pageText()).contains("Tên: Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng → "
                + "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng (sửa đổi)", "Thôi quốc tịch Việt Nam",
                "Cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID");
        screenshot("catalogue-import-diff");
        click("catalogue-apply");
        wait.until(d -> d.findElement(By.cssSelector("vaadin-button[slot='confirm-button']"))).click();
        waitForText("Đã áp dụng danh mục TTHC phiên bản 2");
        waitForText("Phiên bản 2 · 141 thủ tục");
        type("catalogue-filter", "quoc tich");
        waitForText("Đã bãi bỏ");
        screenshot("catalogue-after");

        login("thuky.stp", Accounts.DEMO_PASSWORD);
        waitForText("Xin chào");
        driver.get(url("tthc"));
        waitForText("thủ tục có quy trình đang hiệu lực");
        assertThat(pageText()).contains("1.013999 · Cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID",
                "chưa có quy trình");
        assertThat(byId("catalogue-coverage").getText()).doesNotContain("1.001233 · Cấp Phiếu");
        screenshot("catalogue-coverage");
    }
}
