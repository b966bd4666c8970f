package vn.eiso.base.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An empty database for a migration test: a fresh H2 database, or on PostgreSQL when the suite runs there
 * ({@code EISO_DB_URL}, the postgres Maven profile) a schema of its own, dropped on close. One connection serves
 * Flyway and the test, held open as a pool would hold it.
 */
final class ThrowAwayDatabase implements AutoCloseable {

    /** PostgreSQL: the schema this database is; H2: null (a database of its own). */
    final String schema;
    private final SingleConnectionDataSource database;
    private final Connection keepAlive;

    ThrowAwayDatabase() throws SQLException {
        String postgres = System.getenv("EISO_DB_URL");
        if (postgres != null && postgres.startsWith("jdbc:postgresql:")) {
            schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            database = new SingleConnectionDataSource(postgres, System.getenv().getOrDefault("EISO_DB_USER",
                    "postgres"), System.getenv().getOrDefault("EISO_DB_PASSWORD", ""), true);
            keepAlive = database.getConnection();
            sql("create schema " + schema);
            keepAlive.setSchema(schema);
        } else {
            schema = null;
            database = new SingleConnectionDataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
            keepAlive = database.getConnection();
        }
    }

    FluentConfiguration configure() {
        FluentConfiguration configuration = Flyway.configure().dataSource(database);
        return schema == null ? configuration : configuration.schemas(schema).defaultSchema(schema);
    }

    void sql(String sql) throws SQLException {
        try (Statement s = keepAlive.createStatement()) {
            s.execute(sql);
        }
    }

    /** Each row's values joined by a space. */
    List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = keepAlive.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(r.getString(i)));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            sql("drop schema " + schema + " cascade");
        }
        database.destroy();
    }
}
