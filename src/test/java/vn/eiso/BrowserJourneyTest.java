package vn.eiso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main journey in a real headless Chromium (Debian's chromium and chromedriver; nothing is downloaded): a
 * wrong password gets the generic message, the right one reaches the dashboard and the administration screens.
 * CI sets -Deiso.require-browser=true so that a missing browser fails instead of skipping.
 */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (Boolean.getBoolean("eiso.require-browser")) {
            assertThat(available).as("chromium and chromedriver under /usr/bin").isTrue();
        }
        assumeTrue(available, "chromium and chromedriver are not installed");
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,900", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private void login(String username, String password) {
        driver.get(url("login"));
        WebElement user = wait.until(d -> d.findElement(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
    }

    private String pageText() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "function t(n){let s='';if(n.shadowRoot)s+=t(n.shadowRoot);for(const c of n.childNodes)"
                        + "{s+=c.nodeType===3?c.textContent:t(c);}return s;} return t(document.body);");
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void a_wrong_password_gets_the_generic_message_and_the_right_one_reaches_the_dashboard() throws Exception {
        login("admin", "sai-mat-khau");
        wait.until(d -> d.getCurrentUrl().contains("error"));
        wait.until(d -> pageText().contains("Tên đăng nhập hoặc mật khẩu không đúng"));
        screenshot("login-error");

        login("admin", "demo1234");
        wait.until(d -> pageText().contains("Đơn vị toàn tỉnh"));
        assertThat(pageText()).contains("Xin chào, Quản trị hệ thống", "Nhật ký hệ thống");
        screenshot("dashboard-admin");

        driver.get(url("admin/units"));
        wait.until(d -> pageText().contains("Sở Tư pháp"));
        screenshot("units");
    }

    @Test
    void staff_reach_their_dashboard_without_administration_entries() throws Exception {
        login("congchuc.stp", "demo1234");
        wait.until(d -> pageText().contains("Vai trò của bạn tại đơn vị"));
        String text = pageText();
        assertThat(text).contains("Sở Tư pháp", "Công chức").doesNotContain("Nhật ký hệ thống", "Người dùng");
        screenshot("dashboard-staff");
    }

}
