package vn.eiso.base.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two released migrations were edited after databases had applied them (ADR 0010): V2 (two register indexes gained
 * the id) and V7 (two columns widened to 4,000 characters, history backfilled). A database migrated by the old
 * scripts carries the old checksums, and Flyway's validation would refuse to start it. Before validation this
 * callback moves exactly those known old checksums to the current ones, nothing else; V13 then brings such a
 * database level with what the edits changed. Any other checksum mismatch still stops the start, as it should.
 */
@Component
public class EditedMigrationsRepair implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(EditedMigrationsRepair.class);

    /** A released migration that was edited: the checksum it had when databases applied it, and the current one. */
    public record Edited(String version, int oldChecksum, int currentChecksum) {
    }

    /** The only edits ever forgiven. Never add to this list: change the schema with a new migration instead. */
    public static final List<Edited> EDITED = List.of(
            new Edited("2", 2113019985, -1787203491),
            new Edited("7", -1960927148, 1449196074));

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        Connection connection = context.getConnection();
        try {
            String qualified = qualified(connection, table, context.getConfiguration().getDefaultSchema());
            if (qualified == null) {
                return; // a new database: nothing applied, nothing to forgive
            }
            try (PreparedStatement update = connection.prepareStatement("update " + qualified
                    + " set checksum = ? where version = ? and checksum = ? and success = true")) {
                for (Edited edited : EDITED) {
                    update.setInt(1, edited.currentChecksum());
                    update.setString(2, edited.version());
                    update.setInt(3, edited.oldChecksum());
                    if (update.executeUpdate() > 0) {
                        LOG.warn("Migration V{} was applied before it was edited: its recorded checksum moves from {}"
                                + " to {}; V13 brings the schema level (ADR 0010)", edited.version(),
                                edited.oldChecksum(), edited.currentChecksum());
                    }
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not repair the checksums of the edited migrations V2 and V7", e);
        }
    }

    /** The schema history table as the connection names it, or null while it does not exist yet. */
    private static String qualified(Connection connection, String table, String schema) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT),
                table.toLowerCase(java.util.Locale.ROOT))) {
            String schemaPattern = schema != null ? schema : connection.getSchema();
            try (ResultSet tables = meta.getTables(null, schemaPattern, name, null)) {
                if (tables.next()) {
                    String found = tables.getString("TABLE_NAME");
                    String inSchema = tables.getString("TABLE_SCHEM");
                    return inSchema == null ? quote(found) : quote(inSchema) + "." + quote(found);
                }
            }
        }
        return null;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String getCallbackName() {
        return "edited-migrations-repair";
    }
}
