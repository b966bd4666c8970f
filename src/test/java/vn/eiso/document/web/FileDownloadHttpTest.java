package vn.eiso.document.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.Attachment;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobs;
import vn.eiso.support.Imports;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Records;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;

/**
 * The file links the screens render ({@link Attachment#downloadPath()}, {@link Attachment#previewPath()}) fetched
 * over real HTTP by every demo role after a real form login: the bytes that were uploaded for whoever may read the
 * file, "not found" for everyone else.
 */
// A real server shares JVM-wide state (the security context strategy) with the mock contexts: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileDownloadHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    ImportJobs imports;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    Records records;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    Clock clock;

    private final Map<String, HttpClient> sessions = new HashMap<>();
    private final byte[] effectivePdf = Files.pdf("Quy trinh dang hieu luc");
    private final byte[] draftPdf = Files.pdf("Du thao");
    private final byte[] effectiveDocx = Files.docx("Hướng dẫn đang hiệu lực");
    private final byte[] recordPng = png();
    private Attachment effective;
    private Attachment effectiveWord;
    private Attachment draft;
    private Attachment recordFile;

    @BeforeAll
    void uploadAsTheQualityOfficer() {
        UnitId stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        String n = String.valueOf(500 + (UUID.randomUUID().getMostSignificantBits() & 0xFF));
        try {
            Accounts.signIn(userDetails, "thuky.stp");
            String manifest = "file,code,title,type,revision,effective_date\n"
                    + "hieu-luc.pdf,QT-" + n + ",Quy trình tải tệp,PROCEDURE,1," + LocalDate.now(clock).minusDays(3) + "\n"
                    + "huong-dan.docx,HD-" + n + ",Hướng dẫn tải tệp,WORK_INSTRUCTION,1,"
                    + LocalDate.now(clock).minusDays(3) + "\n";
            ImportJob job = Imports.confirmed(imports, userDetails, stp, Files.zip(
                    "manifest.csv", manifest.getBytes(StandardCharsets.UTF_8), "hieu-luc.pdf", effectivePdf,
                    "huong-dan.docx", effectiveDocx, "BM-" + n + " Dự thảo biểu mẫu.pdf", draftPdf),
                    "thuky.stp", "lanhdao.stp");
            assertThat(job.refused()).as(job.toString()).isZero();
            Accounts.signIn(userDetails, "thuky.stp");
            effective = onlyFile(stp, "QT-" + n, DocumentStatus.EFFECTIVE);
            effectiveWord = onlyFile(stp, "HD-" + n, DocumentStatus.EFFECTIVE);
            draft = onlyFile(stp, "BM-" + n, DocumentStatus.DRAFT);

            DocumentSummary template = register.list(new DocumentFilter(stp, null, DocumentType.RECORD_TEMPLATE,
                    DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 1).getFirst();
            Accounts.signIn(userDetails, "congchuc.stp");
            var filed = records.file(template.id(), "Ảnh hồ sơ " + n, null, Map.of("anh-ho-so.png", recordPng));
            recordFile = records.attachments(filed.id()).getFirst();
        } finally {
            Accounts.signOut();
        }
    }

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private Attachment onlyFile(UnitId unit, String code, DocumentStatus status) {
        DocumentSummary document = register.list(new DocumentFilter(unit, code, null, null, null, false),
                DocumentSort.CODE, true, 0, 10).stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
        assertThat(document.status()).isEqualTo(status);
        List<Attachment> files = workflow.attachments(workflow.history(document.id()).getFirst().id());
        assertThat(files).hasSize(1);
        return files.getFirst();
    }

    // ---- HTTP

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/" + path);
    }

    /** A browser of its own for the user, signed in through the login form as a person would. */
    private HttpClient session(String username) {
        return sessions.computeIfAbsent(username, u -> {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            try {
                client.send(HttpRequest.newBuilder(uri("login")).GET().build(), HttpResponse.BodyHandlers.discarding());
                String form = "username=" + URLEncoder.encode(u, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(Accounts.DEMO_PASSWORD, StandardCharsets.UTF_8);
                HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).as("login of " + u).isEqualTo(302);
                assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + u)
                        .doesNotContain("error");
                return client;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private HttpResponse<byte[]> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private void assertDownloads(String user, Attachment file, byte[] uploaded) throws Exception {
        HttpResponse<byte[]> download = get(session(user), file.downloadPath());
        assertThat(download.statusCode()).as(user + " downloads " + file.fileName()).isEqualTo(200);
        assertThat(download.body()).as(user + " gets the uploaded bytes").isEqualTo(uploaded);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith(file.contentType());
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        HttpResponse<byte[]> preview = get(session(user), file.previewPath());
        assertThat(preview.statusCode()).as(user + " previews " + file.fileName()).isEqualTo(200);
        assertThat(preview.body()).isEqualTo(uploaded);
        assertThat(preview.headers().firstValue("Content-Type").orElseThrow()).startsWith(file.contentType());
        assertThat(preview.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith(file.showsInline() ? "inline" : "attachment");
    }

    private void assertNotFound(String user, Attachment file) throws Exception {
        for (String path : List.of(file.downloadPath(), file.previewPath())) {
            HttpResponse<byte[]> response = get(session(user), path);
            assertThat(response.statusCode()).as(user + " asks for " + path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain(file.fileName());
        }
    }

    // ---- who gets what

    @Test
    void the_quality_officer_and_the_head_get_the_draft_and_the_revision_in_force() throws Exception {
        for (String user : List.of("thuky.stp", "lanhdao.stp")) {
            assertDownloads(user, draft, draftPdf);
            assertDownloads(user, effective, effectivePdf);
        }
    }

    @Test
    void staff_get_the_revision_in_force_and_the_records_but_not_the_draft() throws Exception {
        assertDownloads("congchuc.stp", effective, effectivePdf);
        assertDownloads("congchuc.stp", effectiveWord, effectiveDocx);
        assertDownloads("congchuc.stp", recordFile, recordPng);
        assertNotFound("congchuc.stp", draft);
    }

    @Test
    void the_science_department_reads_what_is_in_force_but_no_draft() throws Exception {
        assertDownloads("sokhcn", effective, effectivePdf);
        assertNotFound("sokhcn", draft);
    }

    @Test
    void another_units_officer_finds_nothing_not_even_a_refusal() throws Exception {
        assertNotFound("thuky.xa", draft);
        assertNotFound("thuky.xa", effective);
        assertNotFound("thuky.xa", recordFile);
    }

    @Test
    void pdfs_and_images_open_in_the_browser_other_files_always_download() throws Exception {
        assertThat(effective.showsInline()).isTrue();
        assertThat(recordFile.showsInline()).isTrue();
        assertThat(effectiveWord.showsInline()).isFalse();
        HttpResponse<byte[]> word = get(session("congchuc.stp"), effectiveWord.previewPath());
        assertThat(word.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        HttpResponse<byte[]> image = get(session("congchuc.stp"), recordFile.previewPath());
        assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(image.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
    }

    @Test
    void a_guessed_id_is_not_found_and_nobody_signed_out_gets_a_file() throws Exception {
        HttpResponse<byte[]> guessed = get(session("thuky.stp"), "files/987654321");
        assertThat(guessed.statusCode()).isEqualTo(404);

        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of(effective.downloadPath(), draft.previewPath(), "files/987654321")) {
            HttpResponse<byte[]> response = get(anonymous, path);
            // The same answer for every address, existing or not: off to the login, no file.
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        }
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xC0FFEE);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
