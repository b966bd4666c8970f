package vn.eiso.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The database as a backup sees it, through the information schema rather than the generated classes: every table
 * the database really holds (the schema history too), not only those the application knows.
 */
final class DatabaseContents {

    /** Table names a manifest may list: what the migrations create, and nothing a quoted identifier could abuse. */
    static final Pattern TABLE_NAME = Pattern.compile("[a-z0-9_]{1,63}");
    private static final Pattern MIGRATION = Pattern.compile("V([0-9][0-9_.]*)__.*\\.sql");

    private DatabaseContents() {
    }

    /** Every table of the schema with its number of rows, read in the caller's transaction. */
    static SortedMap<String, Long> rowCounts(Connection connection, String schema) throws SQLException {
        SortedMap<String, Long> counts = new TreeMap<>();
        try (PreparedStatement tables = connection.prepareStatement("select table_name from information_schema.tables"
                + " where table_schema = ? and table_type = 'BASE TABLE'")) {
            tables.setString(1, schema);
            try (ResultSet rs = tables.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), null);
                }
            }
        }
        try (Statement count = connection.createStatement()) {
            for (Map.Entry<String, Long> table : counts.entrySet()) {
                try (ResultSet rs = count.executeQuery("select count(*) from " + quote(schema) + "."
                        + quote(table.getKey()))) {
                    rs.next();
                    table.setValue(rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The tables of every schema but the system's: a restore only goes into a database without any. */
    static List<String> userTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("select table_schema, table_name from information_schema.tables"
                        + " where table_type = 'BASE TABLE'"
                        + " and lower(table_schema) not in ('information_schema', 'pg_catalog')"
                        + " order by table_schema, table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return tables;
    }

    /** The newest migration Flyway applied to this database. */
    static String schemaVersion(Connection connection, String schema, String historyTable) throws SQLException {
        MigrationVersion newest = MigrationVersion.EMPTY;
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("select version from " + quote(schema) + "." + quote(historyTable)
                        + " where success = true and version is not null")) {
            while (rs.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                if (version.compareTo(newest) > 0) {
                    newest = version;
                }
            }
        }
        return newest.getVersion();
    }

    /** The newest migration this application carries: a backup with a newer schema is not one it can run on. */
    static MigrationVersion newestMigration(List<String> locations) {
        MigrationVersion newest = MigrationVersion.EMPTY;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String location : locations) {
                String pattern = location.replaceFirst("^classpath:", "classpath*:") + "/**/V*__*.sql";
                for (Resource migration : resolver.getResources(pattern)) {
                    Matcher m = MIGRATION.matcher(String.valueOf(migration.getFilename()));
                    if (m.matches()) {
                        MigrationVersion version = MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
                        if (version.compareTo(newest) > 0) {
                            newest = version;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations in " + locations, e);
        }
        return newest;
    }

    /** How the tables found differ from those expected; empty when every table is there with its rows. */
    static List<String> differences(SortedMap<String, Long> expected, SortedMap<String, Long> found) {
        List<String> differences = new ArrayList<>();
        expected.forEach((table, rows) -> {
            Long actual = found.get(table);
            if (actual == null) {
                differences.add(table + ": missing");
            } else if (!actual.equals(rows)) {
                differences.add(table + ": " + actual + " rows, not " + rows);
            }
        });
        found.keySet().stream().filter(t -> !expected.containsKey(t)).forEach(t -> differences.add(t + ": unexpected"));
        return differences;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
