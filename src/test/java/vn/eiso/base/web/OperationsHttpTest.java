package vn.eiso.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.support.Accounts;

/**
 * What an operator relies on, over a real server: probes and metrics on the management port only, metrics in the
 * Prometheus text format with the ones the README documents, and a server behind a TLS proxy that knows it is.
 */
@Tag("own-jvm")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsHttpTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)$");

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> get(int to, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void liveness_and_readiness_are_up_on_the_management_port_with_the_index_caught_up() throws Exception {
        HttpResponse<String> live = get(managementPort, "/actuator/health/liveness");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json.readTree(live.body()).get("status").asString()).isEqualTo("UP");

        HttpResponse<String> ready = get(managementPort, "/actuator/health/readiness");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode readiness = json.readTree(ready.body());
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/searchIndex/status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/searchIndex/details/lag").isNumber()).isTrue();
    }

    @Test
    void the_public_port_serves_neither_health_nor_metrics() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/health/readiness")) {
            HttpResponse<String> response = get(port, path);
            assertThat(response.body()).as(path).doesNotContain("\"status\"").doesNotContain("# TYPE");
        }
    }

    @Test
    void prometheus_metrics_parse_and_include_the_documented_ones() throws Exception {
        HttpResponse<String> search = get(port, "/api/v1/search?q=quy+trinh", "Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("congchuc.stp:" + Accounts.DEMO_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(search.statusCode()).isEqualTo(200);

        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        Map<String, Double> samples = parse(scrape.body());

        assertThat(sum(samples, "eiso_search_seconds_count{", "kind=\"search\"")).isGreaterThanOrEqualTo(1);
        assertThat(sum(samples, "http_server_requests_seconds_count{", "uri=\"/api/v1/search\"")).isGreaterThanOrEqualTo(1);
        assertThat(samples).containsKey("eiso_search_index_lag");
        assertThat(samples).containsKey("eiso_extraction_queue");
        assertThat(samples).containsKey("eiso_extraction_active");
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("eiso_import_jobs{") && k.contains("state=\"queued\""));
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("eiso_import_jobs{") && k.contains("state=\"running\""));
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("eiso_ui_interactions_seconds_count"));
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("tomcat_sessions_active_current_sessions"));
        assertThat(samples.keySet()).anyMatch(k -> k.startsWith("hikaricp_connections_active"));
    }

    @Test
    void behind_a_tls_proxy_the_session_cookie_is_secure_and_lax_and_hsts_is_sent() throws Exception {
        HttpResponse<String> direct = get(port, "/login");
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> proxied = get(port, "/login", "X-Forwarded-Proto", "https", "X-Forwarded-For",
                "203.0.113.7", "X-Forwarded-Host", "eiso.example.gov.vn");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
        String cookie = proxied.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").containsIgnoringCase("SameSite=Lax").contains("HttpOnly");
    }

    @Test
    void log_lines_carry_request_user_and_unit_only_while_they_are_known(CapturedOutput output) {
        Logger log = LoggerFactory.getLogger(OperationsHttpTest.class);
        MDC.put("requestId", "req-probe-1");
        MDC.put("user", "42");
        MDC.put("unit", "9");
        try {
            log.info("inside a request");
        } finally {
            MDC.clear();
        }
        log.info("outside any request");

        String inside = line(output, "inside a request");
        assertThat(inside).contains("[req=req-probe-1 user=42 unit=9] ");
        assertThat(line(output, "outside any request")).doesNotContain("req=");
    }

    private static String line(CapturedOutput output, String message) {
        return output.getOut().lines().filter(l -> l.contains(message)).findFirst().orElseThrow();
    }

    /** Prometheus text format: comments and samples, every sample line "name{labels} value". */
    private static Map<String, Double> parse(String body) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
            samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
        }
        return samples;
    }

    private static double sum(Map<String, Double> samples, String prefix, String label) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getKey().contains(label))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
