package vn.eiso.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.eiso.Application;
import vn.eiso.support.OwnDatabase;

/**
 * A province that upgrades keeps everything: the application starts on a database made by the previous release
 * (its schema and demo data, kept in src/test/resources/upgrade/), migrates it, and its users sign in and find
 * their documents. Runs on the database of the test profile: H2, or PostgreSQL with -Ppostgres.
 */
@Tag("own-jvm")
class UpgradeTest {

    private static final String FIXTURE = "/upgrade/previous-release/";
    @TempDir
    Path data;
    private OwnDatabase database;

    @AfterEach
    void drop() throws SQLException {
        database.close();
    }

    @Test
    void the_previous_release_database_migrates_and_its_users_find_their_documents() throws Exception {
        database = OwnDatabase.create("eiso_upgrade");
        if (OwnDatabase.POSTGRES) {
            postgresFromFixture();
        } else {
            h2FromFixture();
        }
        Map<String, Long> before = rowCounts();
        assertThat(before.get("document")).isPositive();

        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.addAll(List.of("--server.port=0", "--management.server.port=-1", "--eiso.demo-data=false",
                "--eiso.test.clean-database=false",
                "--eiso.data-dir=" + data, "--eiso.search.index-dir=" + data.resolve("index")));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run(arguments.toArray(String[]::new))) {
            assertThat(appliedVersion()).isEqualTo(newestMigration());
            // Nothing the old release held was lost on the way (the start itself may add, e.g. activations).
            Map<String, Long> after = rowCounts();
            before.forEach((table, rows) -> assertThat(after.get(table)).as(table).isGreaterThanOrEqualTo(rows));

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> search = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/api/v1/search?q=kiem+soat+tai+lieu"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "congchuc.stp:demo1234".getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(search.body()).contains("\"code\":\"QT-01\"").contains("Quy trình kiểm soát tài liệu");
        }
    }

    private void h2FromFixture() throws IOException, SQLException {
        Path script = unpacked("h2.sql.gz");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }

    private void postgresFromFixture() throws IOException, InterruptedException {
        URI server = URI.create(database.url().substring("jdbc:".length()));
        // pg_dump's plain format (COPY ... FROM stdin) is psql's to load, as an administrator would.
        Process psql = new ProcessBuilder("psql", "-h", server.getHost(), "-p", String.valueOf(server.getPort()),
                "-U", OwnDatabase.user(), "-d", database.name(), "-v", "ON_ERROR_STOP=1", "-q", "-f",
                unpacked("postgres.sql.gz").toString()).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(psql.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(psql.exitValue()).as(output).isZero();
    }

    private Path unpacked(String resource) throws IOException {
        Path file = data.resolve(resource.replace(".gz", ""));
        try (InputStream in = new GZIPInputStream(UpgradeTest.class.getResourceAsStream(FIXTURE + resource))) {
            Files.copy(in, file);
        }
        return file;
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(null, "public", "%",
                    new String[] {"TABLE"})) {
                while (r.next()) {
                    tables.add(r.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                if (table.equals("flyway_schema_history") || table.startsWith("search_")) {
                    continue;
                }
                try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        }
        return counts;
    }

    private String appliedVersion() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select version from flyway_schema_history where success"
                        + " order by installed_rank desc limit 1")) {
            r.next();
            return r.getString(1);
        }
    }

    private static String newestMigration() throws IOException {
        return java.util.Arrays.stream(new PathMatchingResourcePatternResolver()
                        .getResources("classpath:db/migration/V*__*.sql"))
                .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
                .max(java.util.Comparator.comparingInt(Integer::parseInt)).orElseThrow();
    }
}
