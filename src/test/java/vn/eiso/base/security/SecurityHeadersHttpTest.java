package vn.eiso.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.announcement.Announcements;
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

/**
 * Every kind of address answers with the same security headers over a real server: a screen, the login page, a
 * stored file, the HTTP API, the public register and its decision file, and the management port. A file keeps
 * the name it was cleaned to, encoded for any browser (RFC 5987), and never opens inline unless it is a PDF or an
 * image.
 */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersHttpTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    Records records;
    @Autowired
    DocumentRegister register;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;

    private HttpResponse<byte[]> get(HttpClient client, int to, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + to + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpClient signedIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        get(client, port, "/login");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Accounts.DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return client;
    }

    private static void assertHeaders(String what, HttpResponse<?> response) {
        Map<String, String> expected = Map.of(
                "Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY,
                "Referrer-Policy", "same-origin",
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
        expected.forEach((header, value) -> assertThat(response.headers().allValues(header))
                .as(header + " on " + what).containsExactly(value));
    }

    @Test
    void every_kind_of_address_sends_the_security_headers() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertHeaders("the login page", get(anonymous, port, "/login"));
        assertHeaders("a refusal to sign in", get(anonymous, port, "/"));
        HttpResponse<byte[]> register = get(anonymous, port, "/" + Announcements.PUBLIC_ROUTE);
        assertThat(register.statusCode()).isEqualTo(200);
        assertHeaders("the public register", register);
        // Where a search hit for a decision leads: open without login like the register itself.
        assertThat(get(anonymous, port, "/" + Announcements.PUBLIC_ROUTE + "/987654321").statusCode()).isEqualTo(200);
        // The demo province has announced nothing yet: the decision address answers "not found", with the headers.
        HttpResponse<byte[]> decision = get(anonymous, port, "/public/announcements/987654321/decision");
        assertThat(decision.statusCode()).isEqualTo(404);
        assertHeaders("a public decision", decision);

        HttpResponse<byte[]> api = get(anonymous, port, "/api/v1/search?q=quy+trinh", "Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("congchuc.stp:" + Accounts.DEMO_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(api.statusCode()).isEqualTo(200);
        assertHeaders("the API", api);
        assertHeaders("an API refusal", get(anonymous, port, "/api/v1/search?q=x"));
        assertHeaders("the management port", get(anonymous, managementPort, "/actuator/health/liveness"));

        HttpClient staff = signedIn("congchuc.stp");
        HttpResponse<byte[]> page = get(staff, port, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertHeaders("a screen", page);
        Attachment file = filedImage("anh.png");
        HttpResponse<byte[]> download = get(staff, port, "/" + file.downloadPath());
        assertThat(download.statusCode()).isEqualTo(200);
        assertHeaders("a file", download);
    }

    @Test
    void a_file_downloads_under_its_cleaned_name_encoded_for_every_browser() throws Exception {
        // What a browser would show as "Biên bản họpgnp.exe": the override is gone and the type's extension given.
        Attachment file = filedImage("Biên bản họp\u202Eexe.png");
        assertThat(file.fileName()).isEqualTo("Biên bản họpexe.png");
        HttpClient staff = signedIn("congchuc.stp");

        HttpResponse<byte[]> download = get(staff, port, "/" + file.downloadPath());
        String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment;")
                .contains("filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dpexe.png")
                .doesNotContain("\u202E").doesNotContain("%E2%80%AE");
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");

        HttpResponse<byte[]> preview = get(staff, port, "/" + file.previewPath());
        assertThat(preview.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;");
    }

    /** A record filed by a member of Sở Tư pháp with one PNG under the given name. */
    private Attachment filedImage(String name) throws Exception {
        try {
            Accounts.signIn(userDetails, "congchuc.stp");
            UnitId stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
            DocumentSummary template = register.list(new DocumentFilter(stp, null, DocumentType.RECORD_TEMPLATE,
                    DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 1).getFirst();
            var filed = records.file(template.id(), "Hồ sơ có ảnh " + System.nanoTime(), null, Map.of(name, png()));
            return records.attachments(filed.id()).getFirst();
        } finally {
            Accounts.signOut();
        }
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (int) (System.nanoTime() & 0xFFFFFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
