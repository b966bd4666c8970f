package vn.eiso.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.UnitId;
import vn.eiso.document.Attachment;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Records;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;
import vn.eiso.support.IdentityProvider;

/**
 * OpenID Connect sign-in against a real identity provider (Spring Authorization Server) started here on a port of
 * its own: the authorization-code flow driven by an HTTP client that keeps cookies and follows redirects, as a
 * browser would. The session it opens belongs to the matched eISO account (it reads what that account may read,
 * and nothing another account may not); an identity with no eISO account goes back to the login with the reason.
 */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnTest {

    private static final IdentityProvider PROVIDER = IdentityProvider.start("congchuc.stp", "thuky.xa", "nguoi.la");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void signOnThroughTheProvider(DynamicPropertyRegistry properties) {
        properties.add("eiso.sso.enabled", () -> "true");
        properties.add("eiso.sso.issuer-uri", PROVIDER::issuer);
        properties.add("eiso.sso.client-id", () -> IdentityProvider.CLIENT_ID);
        properties.add("eiso.sso.client-secret", () -> IdentityProvider.CLIENT_SECRET);
    }

    @LocalServerPort
    int port;
    @Autowired
    Records records;
    @Autowired
    DocumentRegister register;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    AuditTrail trail;

    private Attachment recordOfStp;

    @BeforeAll
    void registerEisoAndFileARecord() {
        PROVIDER.allowRedirect(eiso("login/oauth2/code/sso").toString());
        UnitId stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        try {
            Accounts.signIn(userDetails, "congchuc.stp");
            DocumentSummary template = register.list(new DocumentFilter(stp, null, DocumentType.RECORD_TEMPLATE,
                    DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 1).getFirst();
            var filed = records.file(template.id(), "Hồ sơ một cửa " + UUID.randomUUID(), null,
                    Map.of("ho-so.pdf", Files.pdf("Ho so mot cua")));
            recordOfStp = records.attachments(filed.id()).getFirst();
        } finally {
            Accounts.signOut();
        }
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.close();
    }

    /** eISO at 127.0.0.1: the provider, at localhost, keeps cookies of its own, and loopback redirects are allowed. */
    private URI eiso(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Clicks the sign-on button, signs in at the provider's own form, and returns where the browser ends up. */
    private HttpResponse<String> signOn(HttpClient browser, String username) throws Exception {
        HttpResponse<String> providerLogin = get(browser, eiso(SsoSettings.START_PATH));
        assertThat(providerLogin.uri().toString()).as("sent to the provider's form")
                .startsWith(PROVIDER.issuer() + "/login");
        Matcher csrf = CSRF.matcher(providerLogin.body());
        assertThat(csrf.find()).as(providerLogin.body()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(IdentityProvider.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(providerLogin.uri())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int download(HttpClient browser, Attachment file) throws Exception {
        return browser.send(HttpRequest.newBuilder(eiso(file.downloadPath())).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void a_province_account_matching_an_eiso_user_opens_that_users_session() throws Exception {
        int logins = logins("congchuc.stp");
        HttpClient browser = browser();
        HttpResponse<String> landed = signOn(browser, "congchuc.stp");

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().toString()).as("back in eISO, signed in").startsWith(eiso("").toString())
                .doesNotContain("login");
        assertThat(download(browser, recordOfStp)).as("the unit's record, read as congchuc.stp").isEqualTo(200);
        assertThat(logins("congchuc.stp")).as("the sign-on is in the trail as the eISO user's login")
                .isEqualTo(logins + 1);
    }

    private int logins(String username) {
        try {
            Accounts.signIn(userDetails, "admin");
            return trail.count(new AuditFilter(username, "LOGIN", null, null));
        } finally {
            Accounts.signOut();
        }
    }

    @Test
    void another_matched_user_gets_their_own_rights_not_the_first_users() throws Exception {
        HttpClient browser = browser();
        assertThat(signOn(browser, "thuky.xa").uri().toString()).doesNotContain("login");
        assertThat(download(browser, recordOfStp)).as("another unit's record").isEqualTo(404);
    }

    @Test
    void an_identity_without_an_eiso_account_goes_back_to_the_login_with_the_reason() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> refused = signOn(browser, "nguoi.la");

        assertThat(refused.uri().toString()).isEqualTo(eiso("login?sso-unknown").toString());
        HttpResponse<String> file = browser.send(HttpRequest.newBuilder(eiso(recordOfStp.downloadPath())).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.uri().getPath()).as("no session: the file asks for a sign-in").isEqualTo("/login");
    }
}
