package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;
import vn.eiso.support.Imports;

/**
 * The screen, the HTTP API and the command line take one archive to the same verdicts, and hold it to the same
 * configured limits, small here on purpose: exactly at a limit passes, one byte or one entry over is refused with
 * the limit named, over HTTP as a JSON answer rather than a reset connection.
 */
// A real server with its own limits: own JVM.
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eiso.files.max-size=1MB", "eiso.files.max-archive-size=1MB", "eiso.files.max-import-entries=12"})
class ImportChannelsTest {

    private static final long LIMIT = 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    ImportJobs imports;
    @Autowired
    DocumentImportCommand command;
    @Autowired
    UnitService units;
    @Autowired
    DocumentRegister register;
    @Autowired
    UserDetailsService userDetails;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private HttpResponse<String> post(String unit, String user, byte[] zip) throws Exception {
        String boundary = "----eiso" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tai-lieu.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(zip);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/units/" + unit
                        + "/documents/import"))
                .header("Authorization", basic(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode finished(String location, String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + location + "?wait=60"))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Accounts.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** What a user reads of each verdict: the entry, the code, the outcome, the message and its arguments. */
    private static List<String> verdicts(JsonNode files) {
        return java.util.stream.StreamSupport.stream(files.spliterator(), false)
                .map(f -> f.get("file").asString() + "|" + f.get("outcome").asString() + "|" + f.get("message").asString()
                        + "|" + f.get("args"))
                .toList();
    }

    private List<String> verdicts(ImportJobId id) {
        return imports.verdicts(id).stream().map(v -> v.entryName() + "|" + v.outcome() + "|" + v.messageKey() + "|"
                + json.valueToTree(v.args())).toList();
    }

    private byte[] archive(String n) {
        String manifest = "file;code;title;type;revision;effective_date\n"
                + "a.docx;QT-" + n + ";\"Quy trình; có chấm phẩy, và phẩy\";QT;2;01/02/2023\n"
                + "b.docx;BM-" + n + ";Biểu mẫu;BM;;\n"
                + "b.docx;BM-" + n + "9;Dòng trùng;BM;;\n";
        return Files.zip("manifest.csv", manifest.getBytes(StandardCharsets.UTF_8),
                "a.docx", Files.docx("Quy trình A"), "b.docx", Files.docx("Biểu mẫu B"),
                ".an.docx", Files.docx("ẩn"), "HD-" + n + " rong.docx", new byte[0]);
    }

    @Test
    void the_screen_the_api_and_the_command_line_give_the_same_verdicts() throws Exception {
        String n = Imports.freeNumber(register,
                SystemAuthentication.runAsSystem(() -> units.byCode("X-PHUHOA").id()));
        byte[] zip = archive(n);

        HttpResponse<String> accepted = post("X-PHUHOA", "thuky.xa", zip);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode api = finished(location, "thuky.xa");
        assertThat(api.get("state").asString()).isEqualTo("DONE");
        assertThat(api.get("imported").asInt()).isEqualTo(2);
        assertThat(api.get("awaitingConfirmation").asInt()).isEqualTo(1);

        UnitId tanPhu = SystemAuthentication.runAsSystem(() -> units.byCode("X-TANPHU").id());
        Accounts.signIn(userDetails, "thuky.xa");
        ImportJob screen = imports.await(imports.start(tanPhu, Imports.upload(zip), "tai-lieu.zip",
                ImportJob.Channel.SCREEN).id(), Duration.ofSeconds(60));

        Path file = java.nio.file.Files.createTempFile("cli-", ".zip");
        java.nio.file.Files.write(file, zip);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = command.importArchive("STP", "thuky.stp", file, new PrintStream(printed, true,
                StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output).isZero();
        assertThat(output).contains("Đã nhập 2 tệp, bỏ qua 1, từ chối 2; 1 phiên bản chờ thủ trưởng xác nhận");
        Accounts.signIn(userDetails, "thuky.stp");
        ImportJob cli = imports.ofUnit(SystemAuthentication.runAsSystem(() -> units.byCode("STP").id())).getFirst();
        assertThat(cli.channel()).isEqualTo(ImportJob.Channel.CLI);

        List<String> fromApi = verdicts(api.get("files"));
        assertThat(fromApi).hasSize(6);
        assertThat(verdicts(cli.id())).isEqualTo(fromApi);
        Accounts.signIn(userDetails, "thuky.xa");
        assertThat(verdicts(screen.id())).isEqualTo(fromApi);
    }

    @Test
    void an_archive_exactly_at_the_size_limit_is_taken_and_one_byte_more_is_refused_naming_the_limit()
            throws Exception {
        HttpResponse<String> atLimit = post("X-PHUHOA", "thuky.xa", storedZipOfSize(LIMIT));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(202);

        HttpResponse<String> over = post("X-PHUHOA", "thuky.xa", storedZipOfSize(LIMIT + 1));
        assertThat(over.statusCode()).isEqualTo(413);
        JsonNode refusal = json.readTree(over.body());
        assertThat(refusal.get("error").asString()).isEqualTo("import.error.tooLarge");
        assertThat(refusal.get("args").get(0).asLong()).isEqualTo(1);

        Accounts.signIn(userDetails, "thuky.xa");
        UnitId phuHoa = SystemAuthentication.runAsSystem(() -> units.byCode("X-PHUHOA").id());
        assertThat(imports.start(phuHoa, Imports.upload(storedZipOfSize(LIMIT)), "a.zip", ImportJob.Channel.SCREEN))
                .isNotNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(DomainException.class,
                () -> imports.start(phuHoa, Imports.upload(storedZipOfSize(LIMIT + 1)), "a.zip",
                        ImportJob.Channel.SCREEN)).messageKey()).isEqualTo("import.error.tooLarge");
    }

    @Test
    void an_archive_at_the_entry_limit_is_taken_and_one_entry_more_is_refused_whole() throws Exception {
        HttpResponse<String> atLimit = post("X-PHUHOA", "thuky.xa", entries(12));
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(202);

        HttpResponse<String> over = post("X-PHUHOA", "thuky.xa", entries(13));
        assertThat(over.statusCode()).isEqualTo(400);
        JsonNode refusal = json.readTree(over.body());
        assertThat(refusal.get("error").asString()).isEqualTo("import.error.tooManyEntries");
        assertThat(refusal.get("args").get(0).asInt()).isEqualTo(12);
    }

    @Test
    void a_file_over_the_file_limit_inside_the_archive_is_refused_and_the_rest_imported() throws Exception {
        String n = Imports.freeNumber(register,
                SystemAuthentication.runAsSystem(() -> units.byCode("X-PHUHOA").id()));
        // Random digits: one byte over the file limit, yet compressed well within the archive limit and any ratio.
        byte[] big = new byte[(int) LIMIT + 1];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('0' + random.nextInt(10));
        }
        HttpResponse<String> accepted = post("X-PHUHOA", "thuky.xa", Files.zip(
                "HD-" + n + " Lon.txt", big, "HD-" + n + "1 Nho.txt", "nhỏ".getBytes(StandardCharsets.UTF_8)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode job = finished(accepted.headers().firstValue("Location").orElseThrow(), "thuky.xa");
        assertThat(verdicts(job.get("files"))).containsExactlyInAnyOrder(
                "HD-" + n + " Lon.txt|REFUSED|error.file.tooLarge|[\"HD-" + n + " Lon.txt\",1]",
                "HD-" + n + "1 Nho.txt|IMPORTED|import.note.draft|[1]");
    }

    @Test
    void another_units_officer_and_a_wrong_password_get_nothing_in() throws Exception {
        byte[] zip = Files.zip("HD-77 Lạ.docx", Files.docx("x"));
        assertThat(post("X-PHUHOA", "thuky.stp", zip).statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/imports/1")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "thuky.xa:sai".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    /** A ZIP of stored entries whose total size is exactly {@code size} bytes. */
    private static byte[] storedZipOfSize(long size) throws IOException {
        byte[] probe = stored(0);
        return stored((int) (size - probe.length));
    }

    private static byte[] stored(int contentBytes) throws IOException {
        byte[] content = new byte[contentBytes];
        java.util.Arrays.fill(content, (byte) 'x');
        CRC32 crc = new CRC32();
        crc.update(content);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("HD-1 Dem.txt");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] entries(int count) {
        Object[] namesAndContents = new Object[count * 2];
        for (int i = 0; i < count; i++) {
            namesAndContents[2 * i] = "thu-muc/tep-" + i + ".txt";
            namesAndContents[2 * i + 1] = ("tệp " + i).getBytes(StandardCharsets.UTF_8);
        }
        return Files.zip(namesAndContents);
    }
}
