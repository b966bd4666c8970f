package vn.eiso.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
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
    /** The screens the application is checked at: a common office laptop and a common phone. */
    protected static final Dimension DESKTOP = new Dimension(1366, 850);
    protected static final Dimension PHONE = new Dimension(390, 844);
    /** axe-core's rules for WCAG 2.0 and 2.1, levels A and AA. */
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    /**
     * The one violation that comes from inside a Vaadin web component and cannot be fixed from the application,
     * ignored by its exact rule, target and finding; nothing else is ever ignored.
     * <p>
     * {@code aria-required-children} on {@code vaadin-tabs} (every TabSheet: the nonconformity register, audits, the
     * announcement, a document's page): {@code <vaadin-tabs role="tablist">} renders its tabs through
     * {@code <div id="scroll" part="tabs" tabindex="-1">} in its own shadow root (Vaadin 25.2's tabs; the tabindex
     * keeps Chrome from making the scroller a tab stop). axe counts that focusable div as a child of the tablist
     * besides the {@code role="tab"} elements. The tabs themselves are correct (role tab, aria-selected,
     * aria-controls, roving tabindex), and the application has no say over the component's shadow DOM.
     */
    private static final List<Exemption> VAADIN_INTERNALS = List.of(
            new Exemption("aria-required-children", "[vaadin-tabs]",
                    "Element has children which are not allowed: div[tabindex]"));

    private record Exemption(String rule, String target, String finding) {

        boolean covers(Rule rule, String target, String summary) {
            return rule.getId().equals(this.rule) && target.equals(this.target) && summary != null
                    && summary.strip().endsWith(finding);
        }
    }

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
        // The console is kept, so a journey can read what the browser reported (CSP violations among it).
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
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

    /** Resizes the browser's viewport (not the window around it) to the given size. */
    protected void viewport(Dimension size) {
        driver.manage().window().setSize(size);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long innerHeight = ((Number) js.executeScript("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(2 * size.width - (int) innerWidth,
                2 * size.height - (int) innerHeight));
    }

    /**
     * Runs axe-core (WCAG 2.1 A and AA) on the page as it is now and fails on every serious or critical violation,
     * naming the rule, its impact and the elements (shadow roots are looked into).
     */
    protected void assertAccessible(String what) {
        // Vaadin renders after the route's response; the page is judged once it has settled.
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                        + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
        // A toast fading in or out is judged by its colours half-way (axe saw 1.01:1 and 1.24:1 mid-fade), which
        // no one reads: the page is judged once the toasts (3 s, 6 s for errors) have gone.
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !document.querySelector('vaadin-notification-card');")));
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran on " + what + ": " + results.getErrorMessage()).isFalse();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            for (CheckedNode node : rule.getNodes()) {
                String impact = node.getImpact() == null ? rule.getImpact() : node.getImpact();
                String target = String.valueOf(node.getTarget());
                if (!BLOCKING_IMPACTS.contains(impact) || VAADIN_INTERNALS.stream()
                        .anyMatch(e -> e.covers(rule, target, node.getFailureSummary()))) {
                    continue;
                }
                found.add(rule.getId() + " (" + impact + ") " + target + ": "
                        + String.valueOf(node.getFailureSummary()).replace('\n', ' '));
            }
        }
        if (!found.isEmpty()) {
            throw new AssertionError("Serious or critical accessibility violations on " + what + ":\n  "
                    + String.join("\n  ", found));
        }
    }

    /**
     * Fails when a grid (or the page itself) needs scrolling sideways: its scroller, inside its shadow root, must
     * be no wider than what shows.
     */
    protected void assertFitsWidth(String gridSelector) {
        wait.until(d -> !d.findElements(By.cssSelector(gridSelector)).isEmpty());
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "const g = document.querySelector(arguments[0]);"
                        + " const s = g.shadowRoot.querySelector('#table') || g;"
                        + " const p = document.scrollingElement;"
                        + " return [s.scrollWidth, s.clientWidth, p.scrollWidth, p.clientWidth];", gridSelector);
        assertThat(sizes.get(0).longValue()).as(gridSelector + " scrolls sideways at " + driver.manage().window()
                .getSize()).isLessThanOrEqualTo(sizes.get(1).longValue());
        assertThat(sizes.get(2).longValue()).as("the page around " + gridSelector + " scrolls sideways")
                .isLessThanOrEqualTo(sizes.get(3).longValue());
    }

    /** The bytes behind a link, fetched by the browser itself with its session, as a click on it would. */
    protected byte[] download(WebElement link) {
        String href = link.getAttribute("href");
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object body = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin'})"
                        + "  .then(r => r.ok ? r.arrayBuffer() : Promise.reject('HTTP ' + r.status))"
                        + "  .then(b => { const a = new Uint8Array(b); let s = '';"
                        + "    for (let i = 0; i < a.length; i += 0x8000) s += String.fromCharCode.apply(null, a.subarray(i, i + 0x8000));"
                        + "    done(btoa(s)); })"
                        + "  .catch(e => done('ERROR ' + e));", href);
        assertThat(String.valueOf(body)).as("download of " + href).doesNotStartWith("ERROR");
        return Base64.getDecoder().decode(String.valueOf(body));
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

    /** Chooses a file in the upload with that id, as a user picking it from disk does. */
    protected void upload(String uploadId, Path file) {
        WebElement input = wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                "const u = document.querySelector('#" + uploadId + "');"
                        + " return u && (u.querySelector('input[type=file]')"
                        + " || u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'))"));
        input.sendKeys(file.toString());
    }

    protected void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
