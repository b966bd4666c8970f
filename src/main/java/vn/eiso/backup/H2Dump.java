package vn.eiso.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jooq.SQLDialect;
import vn.eiso.base.DomainException;

/**
 * H2's own {@code SCRIPT}, read as a result set rather than written by the database to a file: it also works when
 * the command reaches the server's database through H2's automatic mixed mode, where a file would be written by
 * the server's process. H2 commits each DDL statement, so a load that does not match the manifest is undone by
 * dropping everything, which is exactly the empty database the restore started from.
 */
final class H2Dump implements DatabaseDump {

    /** H2's snapshot isolation ({@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}): one view of every table. */
    private static final int SNAPSHOT = 6;

    @Override
    public String kind() {
        return "H2";
    }

    @Override
    public SQLDialect dialect() {
        return SQLDialect.H2;
    }

    @Override
    public String fileName() {
        return "database.h2.sql.gz";
    }

    @Override
    public void beginSnapshot(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(SNAPSHOT);
    }

    @Override
    public void write(Connection snapshot, Path file) throws IOException, SQLException {
        try (Statement script = snapshot.createStatement();
                ResultSet lines = script.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS");
                Writer out = new BufferedWriter(new OutputStreamWriter(
                        new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            while (lines.next()) {
                String statement = lines.getString(1);
                // Accounts are not data: the target database keeps its own, and a copied administrator without a
                // password would be a way in.
                if (!statement.startsWith("CREATE USER ")) {
                    out.write(statement);
                    out.write('\n');
                }
            }
        }
    }

    @Override
    public void load(Connection target, Path file, Manifest manifest) throws SQLException {
        try (Statement load = target.createStatement()) {
            try {
                load.execute("RUNSCRIPT FROM '" + file.toAbsolutePath().toString().replace("'", "''")
                        + "' COMPRESSION GZIP");
                List<String> differences = DatabaseContents.differences(manifest.tables(),
                        DatabaseContents.rowCounts(target, manifest.schema()));
                if (!differences.isEmpty()) {
                    throw new DomainException("backup.error.tablesDiffer", String.join("; ", differences));
                }
            } catch (SQLException | RuntimeException e) {
                load.execute("DROP ALL OBJECTS");
                if (e instanceof SQLException) {
                    throw new DomainException("backup.error.loadFailed", e.getMessage());
                }
                throw e;
            }
        }
    }
}
