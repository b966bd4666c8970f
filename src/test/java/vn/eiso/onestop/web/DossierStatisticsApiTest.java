package vn.eiso.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.support.Accounts;
import vn.eiso.support.TestClock;

/** POST /api/v1/units/{code}/dossier-statistics over a real server, as the one-stop software calls it. */
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierStatisticsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> post(String unit, String body, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units/" + unit
                        + "/dossier-statistics")).header("Content-Type", "application/json")
                .header("Accept-Language", "vi").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + Accounts.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_one_stop_software_pushes_a_month_again_and_a_bad_item_refuses_the_whole_push() throws Exception {
        String month = YearMonth.now(clock).minusMonths(1).toString();
        String push = """
                [{"tthc": "1.001037", "month": "%s", "received": 20, "onTime": 18, "late": 1, "pending": 1,
                  "returned": 0}]""".formatted(month);
        HttpResponse<String> stored = post("STP", push, "thuky.stp");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(json.readTree(stored.body()).get("stored").asInt()).isEqualTo(1);
        assertThat(post("STP", push, "thuky.stp").statusCode()).as("idempotent").isEqualTo(200);

        HttpResponse<String> refused = post("STP", """
                [{"tthc": "1.001037", "month": "%s", "received": 20, "onTime": 18, "late": 1, "pending": 1,
                  "returned": 0},
                 {"tthc": "1.001037", "month": "%s", "received": 5, "onTime": -2, "late": 0, "pending": 0,
                  "returned": 0}]""".formatted(month, YearMonth.now(clock).minusMonths(2)), "thuky.stp");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode body = json.readTree(refused.body());
        assertThat(body.get("stored").asInt()).isZero();
        assertThat(body.get("errors").get(0).get("item").asInt()).isEqualTo(2);
        assertThat(body.get("errors").get(0).get("message").asString()).isEqualTo("Số hồ sơ không được âm");

        assertThat(post("STP", push, "thuky.xa").statusCode()).isEqualTo(403);
        assertThat(post("STP", "không phải JSON", "thuky.stp").statusCode()).isEqualTo(400);
    }
}
