package vn.eiso.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database migrated by the first versions of V2 and V7 (kept in src/test/resources/db/before-edits) starts with the
 * current scripts: the known old checksums are forgiven and V13 brings its schema level. On H2, and on PostgreSQL
 * in a schema of its own when the suite runs there ({@code EISO_DB_URL}, the postgres Maven profile).
 */
class EditedMigrationsRepairTest {

    @TempDir
    Path oldScripts;

    private ThrowAwayDatabase database;

    @BeforeEach
    void copyTheScriptsAsTheyWereBeforeTheEdits() throws IOException, SQLException {
        database = new ThrowAwayDatabase();
        for (int v = 1; v <= 12; v++) {
            String prefix = "V" + v + "__";
            Path script;
            try (var files = Files.list(ReleasedMigrationsTest.MIGRATIONS)) {
                script = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            }
            Path before = Path.of("src", "test", "resources", "db", "before-edits").resolve(script.getFileName());
            Files.copy(Files.exists(before) ? before : script, oldScripts.resolve(script.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterEach
    void closeTheDatabase() throws SQLException {
        database.close();
    }

    @Test
    void a_database_made_by_the_old_v2_and_v7_starts_and_ends_at_the_latest_version() throws SQLException {
        migrateWithTheOldScripts();
        assertThat(maxLength("nonconformity", "closed_reason")).isEqualTo(2000);
        assertThat(indexColumns("document_unit_title_idx")).containsExactly("unit_id", "title");

        // Without the repair Flyway refuses the database: this is what the edits did to existing installations.
        Flyway plain = configure().locations("classpath:db/migration").load();
        assertThatThrownBy(plain::validate).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch");

        Flyway current = current();
        current.migrate();

        current.validate();
        assertThat(current.info().current().getVersion()).isEqualTo(latestResolved(current).getVersion());
        assertThat(current.info().pending()).isEmpty();
        // What the edits changed is there now, as in a database made by the current scripts.
        assertThat(maxLength("nonconformity", "closed_reason")).isEqualTo(4000);
        assertThat(maxLength("corrective_action", "description")).isEqualTo(4000);
        assertThat(nullable("corrective_action", "description")).isEqualTo("NO");
        assertThat(indexColumns("document_unit_review_idx")).containsExactly("unit_id", "next_review_on", "id");
        assertThat(indexColumns("document_unit_title_idx")).containsExactly("unit_id", "title", "id");
        // The nonconformity reported before V7 starts its history with its report; the later one keeps its own.
        assertThat(rows("select nc_id, from_status, to_status from nc_event order by nc_id, occurred_at, id")).containsExactly(
                "1 null ANALYSING", "1 ANALYSING ACTIONS_PLANNED", "2 null REPORTED");
    }

    @Test
    void only_the_known_old_checksums_are_forgiven() throws SQLException {
        migrateWithTheOldScripts();
        sql("update flyway_schema_history set checksum = 12345 where version = '7'");

        assertThatThrownBy(current()::migrate).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("7");
    }

    @Test
    void a_database_made_by_the_current_scripts_is_left_as_it_is() throws SQLException {
        Flyway current = current();
        current.migrate();
        sql("insert into unit (code, name, unit_type, status, created_at, updated_at)"
                + " values ('U', 'U', 'AGENCY', 'ACTIVE', current_timestamp, current_timestamp)");

        current.migrate();

        current.validate();
        assertThat(rows("select count(*) from nc_event")).containsExactly("0");
        assertThat(current.info().current().getVersion()).isEqualTo(latestResolved(current).getVersion());
    }

    @Test
    void the_repair_names_the_checksums_flyway_computes_for_the_current_and_the_old_scripts() {
        Flyway current = current();
        Flyway old = configure().locations("filesystem:" + oldScripts).load();
        for (EditedMigrationsRepair.Edited edited : EditedMigrationsRepair.EDITED) {
            assertThat(resolved(current, edited.version()).getChecksum()).isEqualTo(edited.currentChecksum());
            assertThat(resolved(old, edited.version()).getChecksum()).isEqualTo(edited.oldChecksum());
        }
    }

    /** Up to V6 with the old V2, two nonconformities (one moved on after V7), then up to V12 with the old V7. */
    private void migrateWithTheOldScripts() throws SQLException {
        configure().locations("filesystem:" + oldScripts).target("6").load()
                .migrate();
        sql("insert into unit (id, code, name, unit_type, status, created_at, updated_at)"
                + " values (1, 'U', 'Đơn vị', 'AGENCY', 'ACTIVE', current_timestamp, current_timestamp)");
        sql("insert into app_user (id, username, full_name, password_hash, created_at)"
                + " values (1, 'u', 'Người dùng', 'x', current_timestamp)");
        sql("insert into nonconformity (id, unit_id, source, description, severity, status, reported_by, reported_at)"
                + " values (1, 1, 'AUDIT', 'Trước V7', 'MINOR', 'ANALYSING', 1, current_timestamp)");
        configure().locations("filesystem:" + oldScripts).target("12").load()
                .migrate();
        sql("update nonconformity set status = 'ACTIONS_PLANNED' where id = 1");
        sql("insert into nc_event (nc_id, occurred_at, actor_id, from_status, to_status)"
                + " values (1, current_timestamp, 1, 'ANALYSING', 'ACTIONS_PLANNED')");
        sql("insert into nonconformity (id, unit_id, source, description, severity, status, reported_by, reported_at)"
                + " values (2, 1, 'STAFF', 'Sau V7', 'MINOR', 'REPORTED', 1, current_timestamp)");
        sql("insert into nc_event (nc_id, occurred_at, actor_id, from_status, to_status)"
                + " values (2, current_timestamp, 1, null, 'REPORTED')");
        assertThat(rows("select count(*) from nc_event where nc_id = 1 and from_status is null"))
                .as("the old V7 wrote no history").containsExactly("0");
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration configure() {
        return database.configure();
    }

    private Flyway current() {
        return configure().locations("classpath:db/migration")
                .callbacks(new EditedMigrationsRepair()).load();
    }

    private static MigrationInfo latestResolved(Flyway flyway) {
        return Arrays.stream(flyway.info().all()).max(Comparator.comparing(MigrationInfo::getVersion)).orElseThrow();
    }

    private static MigrationInfo resolved(Flyway flyway, String version) {
        return Arrays.stream(flyway.info().all()).filter(m -> m.getVersion().getVersion().equals(version))
                .findFirst().orElseThrow();
    }

    private int maxLength(String table, String column) throws SQLException {
        return Integer.parseInt(rows("select character_maximum_length from information_schema.columns"
                + " where table_schema = current_schema and table_name = '" + table + "' and column_name = '" + column
                + "'").getFirst());
    }

    private String nullable(String table, String column) throws SQLException {
        return rows("select is_nullable from information_schema.columns where table_schema = current_schema"
                + " and table_name = '" + table + "' and column_name = '" + column + "'").getFirst();
    }

    private List<String> indexColumns(String index) throws SQLException {
        if (database.schema != null) {
            String definition = rows("select indexdef from pg_indexes where schemaname = current_schema"
                    + " and indexname = '" + index + "'").getFirst();
            return List.of(definition.substring(definition.indexOf('(') + 1, definition.lastIndexOf(')'))
                    .split(",\\s*"));
        }
        return rows("select column_name from information_schema.index_columns where index_name = '" + index
                + "' order by ordinal_position");
    }

    private void sql(String sql) throws SQLException {
        database.sql(sql);
    }

    private List<String> rows(String sql) throws SQLException {
        return database.rows(sql);
    }
}
