package vn.eiso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;

/** The HTTP surface: the import API with HTTP Basic, and downloads that never leak without a session. */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpApiTest {

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> postImport(String unit, String user, String password, byte[] zip) throws Exception {
        String boundary = "----eiso" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tai-lieu.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/units/" + unit + "/documents/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_quality_officer_imports_a_zip_over_http_basic_and_gets_the_report() throws Exception {
        String code = "HD-" + (1000 + (UUID.randomUUID().getLeastSignificantBits() & 0x1FF));
        byte[] zip = Files.zip(code + " Hướng dẫn tiếp công dân.docx", Files.docx("Tiếp công dân"),
                "HD-9 rong.docx", new byte[0]);

        HttpResponse<String> response = postImport("X-PHUHOA", "thuky.xa", Accounts.DEMO_PASSWORD, zip);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"", "\"errorKey\":\"error.file.empty\"");
    }

    @Test
    void a_wrong_password_or_another_unit_gets_nothing_in() throws Exception {
        byte[] zip = Files.zip("HD-77 Lạ.docx", Files.docx("x"));
        assertThat(postImport("X-PHUHOA", "thuky.xa", "sai", zip).statusCode()).isEqualTo(401);
        assertThat(postImport("X-PHUHOA", "thuky.stp", Accounts.DEMO_PASSWORD, zip).statusCode()).isEqualTo(403);
    }

    @Test
    void a_download_address_without_a_session_leads_to_the_login_not_to_the_file() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/files/1")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(302, 401);
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
    }
}
