package vn.eiso.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.organisation.UnitService;
import vn.eiso.signature.TestPki;
import vn.eiso.signature.TrustStore;
import vn.eiso.support.Accounts;
import vn.eiso.support.BrowserTest;
import vn.eiso.support.DemoSteps;

/**
 * Ready → announce → public, in a real browser: the head issues the decision, and an anonymous visitor finds it
 * on the public register and opens the PDF, while nothing internal (a draft, a nonconformity, staff names) shows.
 */
class AnnouncementJourneyTest extends BrowserTest {

    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    Nonconformities nonconformities;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    TrustStore trust;

    @Test
    void the_head_announces_and_an_anonymous_visitor_sees_the_decision_and_nothing_internal() throws Exception {
        UnitId stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        String canary = "Dự thảo mật " + UUID.randomUUID().toString().substring(0, 8);
        String problem = "Sự cố nội bộ " + UUID.randomUUID().toString().substring(0, 8);
        DemoSteps.approveRiskProcedure(register, workflow, stp, u -> Accounts.signIn(userDetails, u));
        TestPki.Chain chain = TestPki.newChain();
        Accounts.signIn(userDetails, "admin");
        trust.add("ca-kiem-thu.pem", chain.bundle());
        Accounts.signIn(userDetails, "thuky.stp");
        register.create(stp, DocumentData.of("QT-99", canary, DocumentType.PROCEDURE, null));
        nonconformities.report(new NcReport(stp, Nonconformity.Source.STAFF, problem, null, null), Map.of());
        Accounts.signOut();

        driver.get(url("cong-bo"));
        waitForText("Chưa có quyết định công bố nào");

        login("lanhdao.stp", Accounts.DEMO_PASSWORD);
        waitForText("Xin chào");
        driver.get(url("announcement"));
        waitForText("Đủ điều kiện công bố");
        screenshot("announcement-ready");
        click("announce-open");
        type("announce-number", "15/QĐ-STP");
        click("announce-issue");
        waitForText("Đã ban hành quyết định công bố");
        screenshot("announcement-issued");

        // The head downloads the decision, signs it with his token (here: the test CA) and uploads it; a scan is
        // refused first, with the reason.
        byte[] decisionPdf = download(wait.until(d -> d.findElement(
                By.xpath("//a[normalize-space(.)='Quyết định (PDF)']"))));
        assertThat(new String(decisionPdf, 0, 5)).isEqualTo("%PDF-");
        Path scan = Files.write(Files.createTempDirectory("ky-so").resolve("QĐ 15 bản quét.pdf"), decisionPdf);
        Path signed = scan.resolveSibling("QĐ 15 đã ký số.pdf");
        Files.write(signed, TestPki.signed(decisionPdf, chain.director()));
        click("announce-attach");
        upload("signed-upload", scan);
        waitForText("Bản quyết định đã ký phải là tệp PDF có chữ ký số");
        upload("signed-upload", signed);
        waitForText("Chữ ký số hợp lệ · Trần Văn Hùng");
        screenshot("announcement-signed-badge");

        driver.manage().deleteAllCookies();
        driver.get(url("cong-bo"));
        waitForText("15/QĐ-STP");
        waitForText("Chữ ký số hợp lệ · Trần Văn Hùng"); // the citizen sees who signed the published decision
        screenshot("public-register");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        screenshot("public-register-phone");
        String page = pageText() + driver.getPageSource();
        assertThat(page).contains("Sở Tư pháp", "1.001233", "Đã công bố");
        assertThat(page).doesNotContain(canary, problem, "QT-99", "Lê Thị Mai", "thuky.stp", "Quy trình đánh giá nội bộ");

        String decision = wait.until(d -> d.findElement(By.xpath("//a[contains(@href, '/public/announcements/')]")))
                .getAttribute("href");
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<byte[]> pdf = anonymous.send(HttpRequest.newBuilder(URI.create(decision)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        Files.write(Path.of("target", "screenshots", "decision.pdf"), pdf.body());

        HttpResponse<String> internal = anonymous.send(HttpRequest.newBuilder(URI.create(url("announcement")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(internal.body()).doesNotContain("15/QĐ-STP", canary);
        HttpResponse<String> missing = anonymous.send(HttpRequest.newBuilder(
                URI.create(url("public/announcements/999999/decision"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }
}
