package vn.eiso.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.SQLDialect;
import vn.eiso.base.DomainException;

/**
 * pg_dump in plain SQL from a snapshot the backup's own transaction exports, so the dump, the row counts and the
 * file list are one moment of the database; psql loads it in a single transaction that ends with the manifest's
 * check, so a dump that does not match leaves nothing behind. Connection details reach the programs through the
 * libpq environment (the password as PGPASSWORD), never on their command line.
 */
final class PostgresDump implements DatabaseDump {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?,]+)(?::(\\d+))?/([^?]+)(?:\\?(.*))?");

    private final BackupSettings settings;

    PostgresDump(BackupSettings settings) {
        this.settings = settings;
    }

    @Override
    public String kind() {
        return "PostgreSQL";
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }

    @Override
    public String fileName() {
        return "database.pg.sql";
    }

    @Override
    public void beginSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
    }

    @Override
    public void write(Connection snapshot, Path file) throws IOException, SQLException {
        String id;
        try (Statement export = snapshot.createStatement();
                ResultSet rs = export.executeQuery("select pg_export_snapshot()")) {
            rs.next();
            id = rs.getString(1);
        }
        run(List.of(settings.pgProgram("pg_dump"), "--format=plain", "--no-owner", "--no-privileges",
                "--snapshot=" + id, "--file=" + file));
    }

    @Override
    public void load(Connection target, Path file, Manifest manifest) throws IOException {
        run(List.of(settings.pgProgram("psql"), "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1",
                "--single-transaction", "--file=" + file, "--command=" + check(manifest)));
    }

    /** A block that fails the load's transaction unless the database holds exactly the manifest's tables and rows. */
    private static String check(Manifest manifest) {
        String schema = literal(manifest.schema());
        StringBuilder sql = new StringBuilder("do $check$ declare found bigint; begin\n");
        for (Map.Entry<String, Long> table : manifest.tables().entrySet()) {
            String name = table.getKey();
            long rows = table.getValue();
            sql.append("if not exists (select 1 from information_schema.tables where table_schema = ").append(schema)
                    .append(" and table_name = ").append(literal(name)).append(") then raise exception ")
                    .append(literal("backup check: table " + name + " is missing")).append("; end if;\n")
                    .append("select count(*) into found from ").append(DatabaseContents.quote(manifest.schema()))
                    .append('.').append(DatabaseContents.quote(name)).append(";\n")
                    .append("if found <> ").append(rows).append(" then raise exception ")
                    .append(literal("backup check: table " + name + " holds % rows, the manifest says " + rows))
                    .append(", found; end if;\n");
        }
        return sql.append("select count(*) into found from information_schema.tables where table_schema = ")
                .append(schema).append(" and table_type = 'BASE TABLE';\n")
                .append("if found <> ").append(manifest.tables().size()).append(" then raise exception ")
                .append(literal("backup check: % tables, the manifest lists " + manifest.tables().size()))
                .append(", found; end if;\nend $check$;").toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private void run(List<String> command) throws IOException {
        Matcher url = URL.matcher(settings.url());
        if (!url.matches()) {
            throw new DomainException("backup.error.unsupportedDatabase", settings.url().replaceFirst("\\?.*", ""));
        }
        // The dump's own queries print results; what went wrong goes to the error stream.
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("PGHOST", url.group(1));
        env.put("PGPORT", url.group(2) == null ? "5432" : url.group(2));
        env.put("PGDATABASE", url.group(3));
        env.put("PGUSER", settings.user());
        env.put("PGPASSWORD", settings.password());
        if (url.group(4) != null) {
            Matcher ssl = Pattern.compile("(?:^|&)sslmode=([^&]+)").matcher(url.group(4));
            if (ssl.find()) {
                env.put("PGSSLMODE", ssl.group(1));
            }
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DomainException("backup.error.tool", command.getFirst(), e.getMessage());
        }
        process.getOutputStream().close();
        String output = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException(command.getFirst() + " interrupted", e);
        }
        if (status != 0) {
            throw new DomainException("backup.error.tool", command.getFirst(), lastLines(output));
        }
    }

    /** The end of a program's output, where it says what went wrong, without pages of what went right. */
    private static String lastLines(String output) {
        List<String> lines = new ArrayList<>(output.lines().toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
