package vn.eiso.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.eiso.Application;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.DocumentFilter;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentSort;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentSummary;
import vn.eiso.document.DocumentType;
import vn.eiso.document.Records;
import vn.eiso.document.StoredFiles;
import vn.eiso.organisation.UnitService;
import vn.eiso.search.SearchHit;
import vn.eiso.search.SearchQuery;
import vn.eiso.search.SearchService;
import vn.eiso.support.Accounts;
import vn.eiso.support.TestClock;

/**
 * Backup and restore through the commands, on the test database (H2, or PostgreSQL with -Ppostgres): a restore into
 * a fresh database and data directory gives every table's rows and every file back, and the application started on
 * it rebuilds its search index and finds documents; every refusal leaves the target as it was. Own JVM: it starts
 * a second application on the restored database.
 */
@Tag("own-jvm")
@SpringBootTest(properties = "eiso.backup.keep=2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupAndRestoreTest {

    /** Columns named like a hash that are not files of the store: a revision's and a sign-off's content, a token. */
    private static final List<String> NOT_FILES = List.of("revision.content_sha256", "signoff.sha256",
            "api_token.token_sha256");
    private static final String RECORD_TITLE = "Biên bản kiểm tra sao lưu dữ liệu";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private UserDetailsService userDetails;
    @Autowired
    private UnitService units;
    @Autowired
    private DocumentRegister register;
    @Autowired
    private Records records;
    @Autowired
    private SearchService search;
    @Autowired
    private NightlyBackup nightly;
    @Autowired
    private TestClock clock;
    @Value("${spring.datasource.url}")
    private String sourceUrl;
    @Value("${eiso.data-dir}")
    private Path sourceDataDir;

    private Path temp;
    private Path backup;
    private SortedMap<String, String> sourceChecksums;
    private final List<String> databasesToDrop = new ArrayList<>();

    @BeforeAll
    void backUpTheDemoProvinceWithFiles(@TempDir Path folder) throws Exception {
        temp = folder;
        Accounts.signIn(userDetails, "congchuc.stp");
        try {
            UnitId stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
            DocumentSummary template = register.list(new DocumentFilter(stp, null, DocumentType.RECORD_TEMPLATE,
                    DocumentStatus.EFFECTIVE, null, false), DocumentSort.CODE, true, 0, 1).getFirst();
            records.file(template.id(), RECORD_TITLE, "Sao lưu và khôi phục được kiểm tra hằng quý.",
                    Map.of("bien-ban.docx", vn.eiso.support.Files.docx("Biên bản kiểm tra " + UUID.randomUUID()),
                            "ghi-chu.txt", ("Ghi chú " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
            // The indexer empties the journal as it goes: caught up first, the database stands still for the backup.
            search.catchUp();
        } finally {
            Accounts.signOut();
        }
        try (Connection source = dataSource.getConnection()) {
            sourceChecksums = checksums(source);
        }
        backup = temp.resolve("backup");
        Result result = command("--backup=" + backup);
        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains("Backup written to", "Đã sao lưu vào");
        try (Connection source = dataSource.getConnection()) {
            assertThat(checksums(source)).as("the source stood still during the backup").isEqualTo(sourceChecksums);
        }
    }

    @AfterAll
    void dropRestoredDatabases() throws SQLException {
        try (Connection admin = dataSource.getConnection(); Statement drop = admin.createStatement()) {
            for (String name : databasesToDrop) {
                drop.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    @Test
    void a_restore_gives_back_every_row_and_every_file_and_the_application_finds_documents_again() throws Exception {
        Manifest manifest = Manifest.read(backup);
        assertThat(manifest.files()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(manifest.tables()).containsKeys("document", "attachment", "flyway_schema_history");
        Target target = newTarget();

        Result result = command("--restore=" + backup, target.url(), target.dataDirArg(), target.indexDirArg());

        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains("Restored from", "Đã khôi phục từ");
        try (Connection restored = target.connect()) {
            assertThat(checksums(restored)).isEqualTo(sourceChecksums);
            assertThat(fileColumns(restored)).as("every file the rows point to is in the backup")
                    .isSubsetOf(manifest.files().stream().map(Manifest.StoredFile::sha256).toList());
        }
        for (Manifest.StoredFile file : manifest.files()) {
            Path copy = StoredFiles.pathOf(StoredFiles.folder(target.dataDir()), file.sha256());
            assertThat(sha256(Files.readAllBytes(copy))).isEqualTo(file.sha256());
            assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(
                    StoredFiles.pathOf(StoredFiles.folder(sourceDataDir.toAbsolutePath()), file.sha256())));
        }

        // The restored database is the one under test: the test profile's migration strategy must not clean it.
        try (ConfigurableApplicationContext restoredApp = new SpringApplicationBuilder(Application.class).run(
                target.url(), target.dataDirArg(), target.indexDirArg(), "--server.port=0",
                "--eiso.demo-data=false", "--eiso.test.clean-database=false")) {
            Accounts.signIn(restoredApp.getBean(UserDetailsService.class), "thuky.stp");
            SearchService restoredSearch = restoredApp.getBean(SearchService.class);
            restoredSearch.catchUp();
            List<String> titles = restoredSearch.search(SearchQuery.of("kiểm tra sao lưu dữ liệu")).hits().stream()
                    .map(SearchHit::title).toList();
            assertThat(titles).contains(RECORD_TITLE);
            assertThat(restoredSearch.search(SearchQuery.of("kiểm soát tài liệu")).hits()).isNotEmpty();
        } finally {
            Accounts.signOut();
        }
        assertThat(Backups.isEmpty(target.indexDir())).as("the index was rebuilt into the empty folder").isFalse();
    }

    @Test
    void a_backup_goes_only_into_a_new_or_empty_folder() throws Exception {
        Path folder = temp.resolve("not-empty");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "keep me");

        Result result = command("--backup=" + folder);

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.output()).contains("is not empty", "không trống");
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).containsExactly(folder.resolve("notes.txt"));
        }
    }

    @Test
    void a_restore_into_a_database_that_is_not_empty_is_refused() throws Exception {
        Target target = newTarget();
        try (Connection db = target.connect(); Statement create = db.createStatement()) {
            create.execute("create table earlier (id integer)");
        }

        Result result = command("--restore=" + backup, target.url(), target.dataDirArg(), target.indexDirArg());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.output()).contains("The database is not empty", "Cơ sở dữ liệu không trống");
        try (Connection db = target.connect()) {
            assertThat(DatabaseContents.userTables(db)).hasSize(1).allMatch(t -> t.endsWith(".earlier"));
        }
        assertThat(Backups.isEmpty(target.dataDir())).isTrue();
    }

    @Test
    void a_restore_into_a_data_directory_with_files_is_refused() throws Exception {
        Target target = newTarget();
        Path earlier = StoredFiles.folder(target.dataDir()).resolve("ab/cd/abcd");
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "an earlier file");

        Result result = command("--restore=" + backup, target.url(), target.dataDirArg(), target.indexDirArg());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.output()).contains("already holds files", "đã có tệp");
        target.assertUntouched(1);
    }

    @Test
    void a_changed_file_is_refused() throws Exception {
        Path tampered = copyOfBackup();
        Manifest.StoredFile file = Manifest.read(tampered).files().getFirst();
        Files.write(StoredFiles.pathOf(tampered.resolve("files"), file.sha256()), new byte[] {1},
                StandardOpenOption.APPEND);

        assertRefused(tampered, "does not match its hash in the manifest", "không khớp mã băm");
    }

    @Test
    void a_missing_file_is_refused() throws Exception {
        Path tampered = copyOfBackup();
        Manifest.StoredFile file = Manifest.read(tampered).files().getFirst();
        Files.delete(StoredFiles.pathOf(tampered.resolve("files"), file.sha256()));

        assertRefused(tampered, "is missing from the backup", "Thiếu tệp");
    }

    @Test
    void a_changed_dump_is_refused() throws Exception {
        Path tampered = copyOfBackup();
        Files.write(tampered.resolve(Manifest.read(tampered).dump().file()), new byte[] {'\n'},
                StandardOpenOption.APPEND);

        assertRefused(tampered, "does not match the manifest", "không khớp bảng kê");
    }

    @Test
    void a_dump_without_a_table_of_the_manifest_is_loaded_checked_and_removed_again() throws Exception {
        Path tampered = copyOfBackup();
        editManifest(tampered, m -> ((ObjectNode) m.get("tables")).put("ghost", 1));

        assertRefused(tampered, "ghost");
    }

    @Test
    void a_backup_of_a_newer_schema_is_refused() throws Exception {
        Path tampered = copyOfBackup();
        editManifest(tampered, m -> m.put("schemaVersion", "999"));

        assertRefused(tampered, "newer version of eISO (schema version 999", "phiên bản eISO mới hơn");
    }

    @Test
    void the_nightly_backup_writes_dated_folders_and_keeps_the_newest() throws Exception {
        Path root = temp.resolve("nightly");
        Path foreign = root.resolve("eiso-20200101-000000");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "not a backup of the job: no manifest");

        List<Path> made = new ArrayList<>();
        List<TestClock.Moved> moves = new ArrayList<>();
        try {
            for (int night = 0; night < 3; night++) {
                made.add(nightly.backupNow(root));
                moves.add(clock.moveBy(Duration.ofDays(1)));
            }
        } finally {
            moves.reversed().forEach(TestClock.Moved::close);
        }

        try (Stream<Path> left = Files.list(root)) {
            assertThat(left).containsExactlyInAnyOrder(foreign, made.get(1), made.get(2));
        }
        assertThat(made.get(2).getFileName().toString()).matches("eiso-\\d{8}-\\d{6}");
        assertThat(Manifest.read(made.get(2)).tables()).isEqualTo(Manifest.read(backup).tables());
    }

    private void assertRefused(Path tampered, String... expected) throws Exception {
        Target target = newTarget();

        Result result = command("--restore=" + tampered, target.url(), target.dataDirArg(), target.indexDirArg());

        assertThat(result.status()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("nothing was changed").contains(expected);
        target.assertUntouched(0);
    }

    private record Result(int status, String output) {
    }

    private static Result command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BackupCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8));
    }

    /** An empty database of the same kind as the test database, and an empty data directory. */
    private Target newTarget() throws SQLException {
        String name = "eiso_restore_" + UUID.randomUUID().toString().replace("-", "");
        String url;
        if (sourceUrl.startsWith("jdbc:postgresql:")) {
            try (Connection admin = dataSource.getConnection(); Statement create = admin.createStatement()) {
                create.execute("create database " + name);
            }
            databasesToDrop.add(name);
            url = sourceUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        } else {
            url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
        }
        return new Target(url, temp.resolve(name));
    }

    private record Target(String jdbcUrl, Path dataDir) {

        String url() {
            return "--spring.datasource.url=" + jdbcUrl;
        }

        String dataDirArg() {
            return "--eiso.data-dir=" + dataDir;
        }

        Path indexDir() {
            return dataDir.resolve("index");
        }

        String indexDirArg() {
            return "--eiso.search.index-dir=" + indexDir();
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, jdbcUrl.startsWith("jdbc:h2:") ? "sa" : "postgres", "");
        }

        /** Nothing restored: no table in the database, no file in the store but those the test put there. */
        void assertUntouched(int filesPutThereBefore) throws Exception {
            try (Connection db = connect()) {
                assertThat(DatabaseContents.userTables(db)).isEmpty();
            }
            Path files = StoredFiles.folder(dataDir);
            if (Files.isDirectory(files)) {
                try (Stream<Path> walk = Files.walk(files)) {
                    assertThat(walk.filter(Files::isRegularFile)).hasSize(filesPutThereBefore);
                }
            } else {
                assertThat(filesPutThereBefore).isZero();
            }
            assertThat(Backups.isEmpty(indexDir())).isTrue();
        }
    }

    private Path copyOfBackup() throws IOException {
        Path copy = temp.resolve("copy-" + UUID.randomUUID());
        FileSystemUtils.copyRecursively(backup, copy);
        return copy;
    }

    private static void editManifest(Path folder, Consumer<ObjectNode> edit) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Path file = folder.resolve(Manifest.NAME);
        ObjectNode manifest = (ObjectNode) json.readTree(file.toFile());
        edit.accept(manifest);
        json.writeValue(file.toFile(), manifest);
    }

    /**
     * Every table of the schema with a checksum of its rows: each row's values as the driver renders them, hashed,
     * the hashes sorted (row order is not data), and hashed together.
     */
    private static SortedMap<String, String> checksums(Connection connection) throws Exception {
        SortedMap<String, String> checksums = new TreeMap<>();
        for (String table : DatabaseContents.rowCounts(connection, connection.getSchema()).keySet()) {
            List<String> rows = new ArrayList<>();
            try (Statement query = connection.createStatement();
                    ResultSet rs = query.executeQuery("select * from " + DatabaseContents.quote(table))) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String value = rs.getString(i);
                        row.append(value == null ? "\u0000" : value).append('\u0001');
                    }
                    rows.add(sha256(row.toString().getBytes(StandardCharsets.UTF_8)));
                }
            }
            rows.sort(null);
            checksums.put(table, sha256(String.join(",", rows).getBytes(StandardCharsets.UTF_8)) + " (" + rows.size()
                    + " rows)");
        }
        return checksums;
    }

    /** Every value of a column named like a hash of a stored file, in any table: what the backup must hold. */
    private static List<String> fileColumns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("select table_name, column_name from information_schema.columns"
                        + " where table_schema = '" + connection.getSchema() + "' and column_name like '%sha256'")) {
            while (rs.next()) {
                String column = rs.getString(1) + "." + rs.getString(2);
                if (!NOT_FILES.contains(column)) {
                    columns.add(column);
                }
            }
        }
        assertThat(columns).contains("attachment.sha256", "nc_file.sha256");
        List<String> hashes = new ArrayList<>();
        try (Statement query = connection.createStatement()) {
            for (String column : columns) {
                String[] parts = column.split("\\.");
                try (ResultSet rs = query.executeQuery("select " + parts[1] + " from " + parts[0] + " where "
                        + parts[1] + " is not null")) {
                    while (rs.next()) {
                        hashes.add(rs.getString(1));
                    }
                }
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
