package vn.eiso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.Document;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Revision;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;

/**
 * The application under its Content-Security-Policy in a real Chromium: the screens a member uses every day work,
 * and the browser reports not one violation, whether in its console or to a {@code securitypolicyviolation}
 * listener installed before any of the application's scripts. A screen's upload is also sent past the browser's
 * own size check, as a hostile client would, and the server refuses it.
 */
@TestPropertySource(properties = "eiso.files.max-size=2MB")
class SecurityJourneyTest extends BrowserTest {

    /** Installed in every document before its first script: each violation is kept across page loads. */
    private static final String LISTENER = "document.addEventListener('securitypolicyviolation', e => {"
            + " const seen = JSON.parse(localStorage.getItem('csp-violations') || '[]');"
            + " seen.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);"
            + " localStorage.setItem('csp-violations', JSON.stringify(seen)); });";

    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;

    @BeforeEach
    void listenForViolations() {
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
    }

    /** Violations the listener saw and CSP messages in the browser's console since the last call. */
    private List<String> violations() {
        List<String> found = new ArrayList<>();
        Object seen = ((JavascriptExecutor) driver).executeScript(
                "const v = localStorage.getItem('csp-violations'); localStorage.removeItem('csp-violations'); return v;");
        if (seen != null && !"[]".equals(seen)) {
            found.add("listener: " + seen);
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Content-Security-Policy")) {
                found.add("console: " + entry.getMessage());
            }
        }
        return found;
    }

    private Document draftDocument() {
        UnitId stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        try {
            EisoPrincipal officer = Accounts.signIn(userDetails, "thuky.stp");
            Document document = register.create(stp, DocumentData.of("QT-S" + UUID.randomUUID().toString()
                    .substring(0, 5).toUpperCase(), "Quy trình thử chính sách an ninh", DocumentType.PROCEDURE,
                    officer.userId()));
            Revision draft = workflow.startRevision(document.id(), "Lần đầu");
            workflow.editDraft(draft.id(), draft.version(), "Bước 1", "Lần đầu");
            return document;
        } finally {
            Accounts.signOut();
        }
    }

    @Test
    void the_daily_screens_work_under_the_policy_and_the_browser_reports_no_violation() throws Exception {
        Document document = draftDocument();
        driver.get(url("login"));
        waitForText("Đăng nhập");
        login("thuky.stp", Accounts.DEMO_PASSWORD);
        waitForText("Xin chào");
        assertThat(violations()).as("the dashboard").isEmpty();

        driver.get(url("documents"));
        waitForText("QT-01");
        assertThat(violations()).as("the document register").isEmpty();

        driver.get(url("document/" + document.id().value()));
        waitForText("Quy trình thử chính sách an ninh");
        click("tab-draft");
        byId("draft-upload");
        assertThat(violations()).as("a document's page").isEmpty();

        driver.get(url("search?q=quy%20trinh"));
        waitForText("QT-01");
        assertThat(violations()).as("the search").isEmpty();

        driver.get(url("cong-bo"));
        waitForText("Danh sách cơ quan công bố");
        assertThat(violations()).as("the public register").isEmpty();
        screenshot("csp-public-register");

        // The listener does report what the policy blocks: an image from another origin.
        ((JavascriptExecutor) driver).executeScript("const i = document.createElement('img');"
                + " i.src = 'https://example.invalid/pixel.png'; document.body.appendChild(i);");
        wait.until(d -> !violations().isEmpty());
    }

    @Test
    void a_file_past_the_limit_sent_by_a_browser_that_skips_its_own_check_is_refused_by_the_server() throws Exception {
        Document document = draftDocument();
        Path large = Files.createTempFile("qua-lon-", ".txt");
        try {
            Files.write(large, "a".repeat(2 * 1024 * 1024 + 1).getBytes());
            driver.get(url("login"));
            login("thuky.stp", Accounts.DEMO_PASSWORD);
            waitForText("Xin chào");
            driver.get(url("document/" + document.id().value()));
            waitForText("Quy trình thử chính sách an ninh");
            click("tab-draft");
            WebElement input = wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript(
                    "const u = document.querySelector('#draft-upload'); if (!u) return null;"
                            + " u.maxFileSize = Infinity;"
                            + " return u.querySelector('input[type=file]') || u.shadowRoot.querySelector('input[type=file]');"));
            input.sendKeys(large.toString());

            waitForText("lớn hơn 2 MB, không được nhận");
            assertThat(SystemAuthentication.runAsSystem(() -> workflow.attachments(
                    workflow.history(document.id()).getFirst().id()))).isEmpty();
            assertThat(violations()).isEmpty();
        } finally {
            Files.deleteIfExists(large);
        }
    }
}
