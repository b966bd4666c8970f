package vn.eiso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTTP surface: downloads that never leak without a session (the import API: ImportChannelsTest). */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpApiTest {

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_download_address_without_a_session_leads_to_the_login_not_to_the_file() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/files/1")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(302, 401);
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
    }
}
