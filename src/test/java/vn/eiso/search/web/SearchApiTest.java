package vn.eiso.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.ApiToken;
import vn.eiso.organisation.ApiTokens;
import vn.eiso.search.SearchService;
import vn.eiso.support.Accounts;

/** GET /api/v1/search over a real server: the same permissions as the screen, Basic or a personal token. */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchApiTest {

    @LocalServerPort
    int port;
    @Autowired
    SearchService search;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserDetailsService users;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void indexed() {
        SystemAuthentication.runAsSystem(() -> search.catchUp());
    }

    private HttpResponse<String> get(String query, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/search?" + query));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Accounts.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private List<String> codes(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        json.readTree(response.body()).get("hits").forEach(h -> out.add(h.get("code").asString()));
        return out;
    }

    @Test
    void hits_come_as_json_with_the_documented_fields() throws Exception {
        HttpResponse<String> response = get(q("kiem soat tai lieu") + "&limit=5", basic("congchuc.stp"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        JsonNode first = body.get("hits").get(0);
        assertThat(first.get("code").asString()).isEqualTo("QT-01");
        assertThat(first.get("title").asString()).isEqualTo("Quy trình kiểm soát tài liệu");
        assertThat(first.get("revision").asInt()).isEqualTo(2);
        assertThat(first.get("status").asString()).isEqualTo("EFFECTIVE");
        assertThat(first.get("type").asString()).isEqualTo("PROCEDURE");
        assertThat(first.get("unit").get("name").asString()).isEqualTo("Sở Tư pháp");
        assertThat(first.get("id").asString()).startsWith("revision:");
        assertThat(first.get("url").asString()).startsWith("/revision/");
        assertThat(first.get("snippet").asString()).contains("<mark>");
        assertThat(first.get("score").asDouble()).isPositive();
        assertThat(body.get("hits").size()).isLessThanOrEqualTo(5);
        assertThat(body.get("total").asLong()).isPositive();
        assertThat(body.get("didYouMean").asString()).isEqualTo("kiểm soát tài liệu");
        assertThat(json.readTree(get(q("kiểm soát tài liệu"), basic("congchuc.stp")).body()).get("didYouMean")
                .isNull()).isTrue();
    }

    @Test
    void each_caller_finds_only_what_they_may_read() throws Exception {
        String riskDraft = q("quan ly rui ro va co hoi");
        assertThat(codes(get(riskDraft, basic("thuky.stp")))).contains("QT-05");
        assertThat(codes(get(riskDraft, basic("congchuc.stp")))).doesNotContain("QT-05");
        assertThat(codes(get(riskDraft, basic("sokhcn")))).doesNotContain("QT-05");
        // Tân Phú's QT-04 is its draft of the province's model "Quy trình kiểm soát tài liệu": the commune's own
        // officer finds it (and nothing of the justice department), the department does not see the draft; the
        // model itself is in the library, which everyone signed in finds.
        assertThat(codes(get(q("kiem soat tai lieu"), basic("sokhcn")))).contains("QT-01").doesNotContain("QT-04");
        assertThat(codes(get(q("kiem soat tai lieu"), basic("thuky.xa")))).containsExactlyInAnyOrder("QT-04",
                "QT-M01");
        assertThat(get(q("kiem soat"), null).statusCode()).isEqualTo(401);
        assertThat(get(q("kiem soat") + "&unit=STP", basic("thuky.xa")).statusCode()).isEqualTo(403);
    }

    @Test
    void a_personal_token_works_like_the_password_until_it_is_revoked() throws Exception {
        String token = SystemAuthentication.runAsSystem(() -> {
            Accounts.signIn(users, "congchuc.stp");
            try {
                return tokens.create("script", Duration.ofDays(30), ApiToken.Scope.READ, Accounts.DEMO_PASSWORD);
            } finally {
                Accounts.signOut();
            }
        });
        assertThat(codes(get(q("QT-06"), "Bearer " + token))).first().isEqualTo("QT-06");
        assertThat(get(q("QT-06"), "Bearer eiso_notatoken").statusCode()).isEqualTo(401);
        assertThat(get(q("QT-06"), "Bearer " + token + "x").statusCode()).isEqualTo(401);

        Accounts.signIn(users, "congchuc.stp");
        try {
            tokens.revoke(tokens.mine().getFirst().id());
        } finally {
            Accounts.signOut();
        }
        assertThat(get(q("QT-06"), "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void filters_and_bad_parameters() throws Exception {
        assertThat(codes(get(q("tài liệu") + "&type=form&unit=STP", basic("congchuc.stp"))))
                .isNotEmpty().allMatch(c -> c.startsWith("BM-"));
        HttpResponse<String> tooMany = get(q("quy") + "&limit=500", basic("congchuc.stp"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("error.api.limit");
        assertThat(get(q("quy") + "&limit=abc", basic("congchuc.stp")).body()).contains("error.api.parameter");
        assertThat(get(q("quy") + "&unit=KHONG-CO", basic("congchuc.stp")).statusCode()).isEqualTo(400);
        HttpResponse<String> punctuation = get(q("\"((*?:"), basic("congchuc.stp"));
        assertThat(punctuation.statusCode()).isEqualTo(200);
        assertThat(punctuation.body()).contains("search.notice.empty");
        assertThat(get(q("quy trình " + "a".repeat(10_000)), basic("congchuc.stp")).body())
                .contains("search.notice.shortened");
    }
}
