package vn.eiso.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
 * Journeys in a real headless Chromium (Debian's chromium and chromedriver; nothing is downloaded) against the
 * application on a random port. CI sets -Deiso.require-browser=true so that a missing browser fails instead of
 * skipping. A real server shares JVM-wide state with the mock contexts, so these run in their own JVM.
 */
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    protected int port;
    /** The run's clock, which the application under test reads too. */
    @org.springframework.beans.factory.annotation.Autowired
    protected TestClock clock;
    protected WebDriver driver;
    protected WebDriverWait wait;

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
        // Vaadin re-renders after every action; an element found a moment ago may have been replaced.
        wait.ignoring(StaleElementReferenceException.class);
        // A dialog that is still opening (or the one closing before it) is not typed into yet: try again.
        wait.ignoring(ElementNotInteractableException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    protected void login(String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(url("login"));
        WebElement user = wait.until(d -> d.findElement(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
    }

    /** All text on the page, shadow roots included. */
    protected String pageText() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "function t(n){let s='';if(n.shadowRoot)s+=t(n.shadowRoot);for(const c of n.childNodes)"
                        + "{s+=c.nodeType===3?c.textContent:t(c);}return s;} return t(document.body);");
    }

    protected void waitForText(String text) {
        wait.until(d -> pageText().contains(text));
    }

    protected WebElement byId(String id) {
        return wait.until(d -> d.findElement(By.id(id)));
    }

    /** Types into the native input or textarea inside a Vaadin field, then leaves the field. */
    protected void type(String fieldId, String text) {
        // Found, cleared and typed in one attempt: when Vaadin replaces the field meanwhile (a dialog closing while
        // the next opens), the wait starts over with the new one instead of failing on a stale element.
        wait.until(d -> {
            WebElement input = d.findElement(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
            input.clear();
            input.sendKeys(text);
            ((JavascriptExecutor) d).executeScript(
                    "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", input);
            return true;
        });
    }

    /** Clicks like a user would, after scrolling the element into view (notifications may cover the bottom). */
    protected void click(String id) {
        // Found and clicked in one attempt: an element Vaadin re-renders meanwhile is looked up again.
        wait.until(d -> {
            WebElement element = d.findElement(By.id(id));
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].click();", element);
            return true;
        });
    }

    /** Clicks the first element of the tag whose visible text is exactly {@code text}. */
    protected void clickText(String tag, String text) {
        wait.until(d -> d.findElements(By.tagName(tag)).stream().filter(e -> e.getText().strip().equals(text))
                .findFirst().map(e -> {
                    e.click();
                    return true;
                }).orElse(false));
    }

    /**
     * Types a filter into a combo box (single or multi-select; {@code itemTag} names its overlay items) and picks
     * the first suggestion that starts with the given text. The field is focused by script: a notification at the
     * bottom of the page may lie over it.
     */
    protected void choose(String comboId, String itemTag, String filter, String startsWith) {
        WebElement input = wait.until(d -> d.findElement(By.cssSelector("#" + comboId + " input")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});"
                + " arguments[0].focus();", input);
        input.sendKeys(filter);
        wait.until(d -> d.findElements(By.tagName(itemTag)).stream()
                .filter(e -> e.getText().strip().startsWith(startsWith)).findFirst().map(e -> {
                    ((JavascriptExecutor) d).executeScript("arguments[0].click();", e);
                    return true;
                }).orElse(false));
        // Escape closes a list still open (a multi-select stays open); sent to a closed one it would close the
        // dialog around the field instead.
        if (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.getElementById(arguments[0]).opened;", comboId))) {
            input.sendKeys(Keys.ESCAPE);
        }
    }

    protected void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
