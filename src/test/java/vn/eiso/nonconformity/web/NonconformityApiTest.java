package vn.eiso.nonconformity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.support.Accounts;

/** POST /api/v1/units/{code}/nonconformities over a real server: the service's rules, and refusals as JSON. */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NonconformityApiTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> post(String unit, String body, String user, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/units/" + unit + "/nonconformities")).header("Content-Type", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String unit, String body, String user) throws Exception {
        return post(unit, body, user, "vi");
    }

    private JsonNode get(String path, String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Accounts.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode refusal(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    @Test
    void a_member_of_the_unit_reports_a_problem_with_a_photo_and_reads_it_back() throws Exception {
        String photo = Base64.getEncoder().encodeToString("Biên nhận bị ghi sai ngày hẹn"
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = post("STP", """
                {"source": "staff", "description": "Phiếu hẹn trả kết quả ghi sai ngày", "clause": "8.5",
                 "files": [{"name": "phieu-hen.txt", "content": "%s"}]}""".formatted(photo), "congchuc.stp");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        long id = body.get("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/nonconformities/" + id);
        assertThat(body.get("label").asString()).isEqualTo("NC-" + id);
        JsonNode read = get("/api/v1/nonconformities/" + id, "thuky.stp");
        assertThat(read.get("unit").asString()).isEqualTo("STP");
        assertThat(read.get("source").asString()).isEqualTo("STAFF");
        assertThat(read.get("status").asString()).isEqualTo("REPORTED");
        assertThat(read.get("clause").asString()).isEqualTo("8.5");
        assertThat(read.get("files").get(0).get("name").asString()).isEqualTo("phieu-hen.txt");
        assertThat(read.get("files").get(0).get("size").asLong()).isPositive();
    }

    @Test
    void only_members_of_the_unit_report_there_and_only_the_science_department_records_inspections()
            throws Exception {
        String staff = """
                {"source": "STAFF", "description": "Sổ theo dõi hồ sơ không được cập nhật"}""";
        assertThat(post("STP", staff, null).statusCode()).isEqualTo(401);
        assertThat(refusal(post("STP", staff, "thuky.xa"), 403).get("error").asString())
                .isEqualTo("error.accessDenied");

        String inspection = """
                {"source": "INSPECTION", "description": "Chưa niêm yết quy trình tại bộ phận một cửa"}""";
        assertThat(refusal(post("STP", inspection, "congchuc.stp"), 400).get("error").asString())
                .isEqualTo("error.nc.source");
        assertThat(post("STP", inspection, "sokhcn").statusCode()).isEqualTo(201);
    }

    @Test
    void bad_input_is_refused_with_the_reason_in_the_language_asked_for() throws Exception {
        JsonNode noDescription = refusal(post("STP", """
                {"source": "STAFF", "description": "  "}""", "congchuc.stp", "en"), 400);
        assertThat(noDescription.get("error").asString()).isEqualTo("error.nc.descriptionRequired");
        assertThat(noDescription.get("message").asString()).isEqualTo("Describe the problem");
        assertThat(refusal(post("STP", """
                {"source": "STAFF", "description": "  "}""", "congchuc.stp", "vi"), 400).get("message").asString())
                .isNotBlank().isNotEqualTo("Describe the problem");

        assertThat(refusal(post("STP", """
                {"source": "GOSSIP", "description": "x"}""", "congchuc.stp"), 400).get("error").asString())
                .isEqualTo("error.nc.source");
        assertThat(refusal(post("STP", """
                {"source": "STAFF", "description": "x", "clause": "99.9"}""", "congchuc.stp"), 400)
                .get("error").asString()).isEqualTo("error.audit.clauseUnknown");
        JsonNode notBase64 = refusal(post("STP", """
                {"source": "STAFF", "description": "x", "files": [{"name": "a.txt", "content": "%%%"}]}""",
                "congchuc.stp"), 400);
        assertThat(notBase64.get("error").asString()).isEqualTo("error.api.parameter");
        assertThat(notBase64.get("args").get(0).asString()).isEqualTo("files");
        assertThat(refusal(post("STP", "{\"source\": \"STAFF\", \"description\": ", "congchuc.stp"), 400)
                .get("error").asString()).isEqualTo("error.api.body");
        assertThat(refusal(post("STP", """
                {"source": "STAFF", "description": "x", "documentId": "QT-01"}""", "congchuc.stp"), 400)
                .get("error").asString()).isEqualTo("error.api.body");
        assertThat(refusal(post("KHONG-CO", """
                {"source": "STAFF", "description": "x"}""", "congchuc.stp"), 400).get("error").asString())
                .isEqualTo("error.unit.notFound");
    }
}
