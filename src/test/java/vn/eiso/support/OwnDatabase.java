package vn.eiso.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A database of its own for a test that starts applications itself, of the test run's kind: H2 in memory, or
 * with {@code -Ppostgres} a new database on the test server, dropped at {@link #close}.
 */
public final class OwnDatabase implements AutoCloseable {

    public static final boolean POSTGRES = String.valueOf(System.getProperty("spring.profiles.active"))
            .contains("postgres");

    private final String name;
    private final String url;

    private OwnDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** An empty database; {@code prefix} names it (lower case letters and underscores). */
    public static OwnDatabase create(String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!POSTGRES) {
            return new OwnDatabase(name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;OPTIMIZE_REUSE_RESULTS=FALSE");
        }
        try (Connection admin = DriverManager.getConnection(postgresUrl("postgres"), user(), "");
                Statement s = admin.createStatement()) {
            s.execute("create database " + name);
        }
        return new OwnDatabase(name, postgresUrl(name));
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public static String user() {
        return POSTGRES ? System.getenv().getOrDefault("EISO_DB_USER", "postgres") : "sa";
    }

    /** The command-line arguments that point an application at this database. */
    public List<String> arguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user(),
                "--spring.datasource.password=", "--spring.jooq.sql-dialect=" + (POSTGRES ? "POSTGRES" : "H2"));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), "");
    }

    @Override
    public void close() throws SQLException {
        if (POSTGRES) {
            try (Connection admin = DriverManager.getConnection(postgresUrl("postgres"), user(), "");
                    Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        } else {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
        }
    }

    private static String postgresUrl(String database) {
        String base = System.getenv().getOrDefault("EISO_DB_URL", "jdbc:postgresql://127.0.0.1:5432/eiso_test");
        return base.substring(0, base.lastIndexOf('/') + 1) + database;
    }
}
