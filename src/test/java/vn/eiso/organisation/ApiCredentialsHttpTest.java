package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.audittrail.AuditFilter;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.Role;
import vn.eiso.base.UserId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.ApiToken.Scope;
import vn.eiso.support.Accounts;
import vn.eiso.support.Http;
import vn.eiso.support.TestClock;

/**
 * The API's credentials over a real server: a token's scope and end, revocation, what the trail records of Basic
 * and token use, and Basic writes refused from another site.
 */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiCredentialsHttpTest {

    /** Passes every check of the API chain and is then refused by the service: proof the request got through. */
    private static final String BLANK_REPORT = "{\"source\": \"STAFF\", \"description\": \"  \"}";

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserService users;
    @Autowired
    UnitService units;
    @Autowired
    AuditTrail trail;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    TestClock clock;

    private final HttpClient http = Http.browser();
    private final JsonMapper json = JsonMapper.builder().build();
    private String username;
    private String password;
    private UserId userId;

    /** A staff member of Sở Tư pháp of this test's own, so that the trail's counts are the test's alone. */
    @BeforeEach
    void aFreshMember() {
        Accounts.signIn(userDetails, "admin");
        username = "h" + UUID.randomUUID().toString().substring(0, 8);
        password = "Mat-khau-" + UUID.randomUUID();
        userId = users.create(new NewUser(username, "Người gọi API", null, password)).id();
        users.grant(userId, SystemAuthentication.runAsSystem(() -> units.byCode("STP").id()), Role.STAFF);
        Accounts.signOut();
    }

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private String token(Scope scope) {
        Accounts.signIn(userDetails, username);
        try {
            return tokens.create("script", Duration.ofDays(30), scope, password);
        } finally {
            Accounts.signOut();
        }
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> search(String authorization) {
        return Http.send(http, HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/search?q=quy")).header("Authorization", authorization).GET().build());
    }

    private HttpResponse<String> report(String authorization, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/units/STP/nonconformities")).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BLANK_REPORT));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Http.send(http, request.build());
    }

    private String error(HttpResponse<String> response) {
        return json.readTree(response.body()).get("error").asString();
    }

    private int trailLines(String action) {
        Accounts.signIn(userDetails, "admin");
        try {
            return trail.count(new AuditFilter(username, action, null, null));
        } finally {
            Accounts.signOut();
        }
    }

    @Test
    void a_read_token_searches_but_may_not_write() {
        String read = token(Scope.READ);
        assertThat(search("Bearer " + read).statusCode()).isEqualTo(200);
        HttpResponse<String> write = report("Bearer " + read);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(error(write)).isEqualTo("error.apiToken.readOnly");
        assertThat(json.readTree(write.body()).get("message").asString()).contains("Đọc và nhập dữ liệu");

        HttpResponse<String> imported = report("Bearer " + token(Scope.IMPORT));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(400);
        assertThat(error(imported)).isEqualTo("error.nc.descriptionRequired");
    }

    @Test
    void an_expired_or_revoked_token_is_answered_401() {
        String token = token(Scope.READ);
        try (var later = clock.moveBy(Duration.ofDays(31))) {
            HttpResponse<String> expired = search("Bearer " + token);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(error(expired)).isEqualTo("error.apiToken.invalid");
        }
        assertThat(search("Bearer " + token).statusCode()).isEqualTo(200);
        Accounts.signIn(userDetails, "admin");
        tokens.revokeOf(userId, tokens.ofUser(userId).getFirst().id());
        Accounts.signOut();
        assertThat(search("Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void basic_use_is_in_the_trail_once_a_day_and_is_no_login() {
        assertThat(search(basic()).statusCode()).isEqualTo(200);
        assertThat(search(basic()).statusCode()).isEqualTo(200);
        assertThat(trailLines("API_BASIC_USED")).isEqualTo(1);
        assertThat(trailLines("LOGIN")).isZero();

        try (var tomorrow = clock.moveTo(LocalDate.now(clock).plusDays(1).atTime(9, 0))) {
            assertThat(search(basic()).statusCode()).isEqualTo(200);
            assertThat(search(basic()).statusCode()).isEqualTo(200);
            assertThat(trailLines("API_BASIC_USED")).isEqualTo(2);
        }
        assertThat(trailLines("LOGIN")).isZero();
    }

    @Test
    void token_use_is_in_the_trail_once_a_day() {
        String token = token(Scope.READ);
        assertThat(search("Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(search("Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(trailLines("API_TOKEN_USED")).isEqualTo(1);
        try (var tomorrow = clock.moveTo(LocalDate.now(clock).plusDays(1).atTime(9, 0))) {
            assertThat(search("Bearer " + token).statusCode()).isEqualTo(200);
            assertThat(trailLines("API_TOKEN_USED")).isEqualTo(2);
        }
    }

    @Test
    void a_basic_write_from_another_site_is_refused_a_same_origin_one_and_a_token_pass() {
        String self = "http://localhost:" + port;
        for (String[] crossSite : new String[][] {{"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"},
                {"Origin", "https://evil.example"}, {"Origin", "http://localhost:1"}, {"Origin", "null"}}) {
            HttpResponse<String> refused = report(basic(), crossSite);
            assertThat(refused.statusCode()).as(String.join(": ", crossSite)).isEqualTo(403);
            assertThat(error(refused)).isEqualTo("error.api.crossSite");
        }
        assertThat(error(report(basic(), "Origin", self, "Sec-Fetch-Site", "same-origin")))
                .isEqualTo("error.nc.descriptionRequired");
        assertThat(error(report(basic()))).isEqualTo("error.nc.descriptionRequired");
        assertThat(error(report("Bearer " + token(Scope.IMPORT), "Origin", "https://evil.example",
                "Sec-Fetch-Site", "cross-site"))).isEqualTo("error.nc.descriptionRequired");
        // Reading stays possible: a cross-site GET cannot change anything, and CORS keeps its answer from the page.
        assertThat(Http.send(http, HttpRequest.newBuilder(URI.create(self + "/api/v1/search?q=quy"))
                .header("Authorization", basic()).header("Sec-Fetch-Site", "cross-site").GET().build())
                .statusCode()).isEqualTo(200);
    }
}
