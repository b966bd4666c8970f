package vn.eiso.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/** Search in a real Chromium: the box on every page, the results page, a hit opening its exact revision. */
class SearchJourneyTest extends BrowserTest {

    @Test
    void staff_search_from_the_top_bar_and_open_the_revision_a_hit_came_from() throws Exception {
        login("congchuc.stp", Accounts.DEMO_PASSWORD);
        waitForText("Tổng quan");

        WebElement box = wait.until(d -> d.findElement(By.cssSelector("#global-search input")));
        box.sendKeys("QT-0");
        WebElement suggestion = wait.until(d -> d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                .filter(e -> e.getText().startsWith("QT-06 · Quy trình cấp Phiếu lý lịch tư pháp")).findFirst()
                .orElse(null));
        screenshot("search-suggestions");
        suggestion.click();
        wait.until(d -> d.getCurrentUrl().contains("/revision/"));

        box = wait.until(d -> d.findElement(By.cssSelector("#global-search input")));
        box.sendKeys("ly lich tu phap");
        box.sendKeys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("search?q="));
        waitForText("kết quả");
        wait.until(d -> !d.findElements(By.cssSelector("#search-results mark")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#search-results mark")).getText().toLowerCase())
                .containsAnyOf("lý", "lịch", "tư", "pháp", "lý lịch tư pháp");
        screenshot("search-results");

        WebElement first = driver.findElement(By.cssSelector("#search-results a.search-hit-title"));
        assertThat(first.getText()).startsWith("QT-06");
        first.click();
        wait.until(d -> d.getCurrentUrl().contains("/revision/"));
        waitForText("Quy trình cấp Phiếu lý lịch tư pháp cho công dân Việt Nam");
        screenshot("search-opened-revision");
    }
}
