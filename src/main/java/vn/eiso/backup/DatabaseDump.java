package vn.eiso.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.SQLDialect;
import vn.eiso.base.DomainException;

/** How one kind of database is dumped in a snapshot and loaded back, all or nothing. */
interface DatabaseDump {

    /** The kind of database, as the manifest names it: a dump loads only into the same kind. */
    String kind();

    SQLDialect dialect();

    /** The dump's name in the backup folder. */
    String fileName();

    /**
     * Starts on the connection the read-only transaction whose snapshot the dump, the row counts and the list of
     * files all come from, so that they agree with each other while the server goes on writing.
     */
    void beginSnapshot(Connection connection) throws SQLException;

    /** Writes the dump of the snapshot begun on the connection. */
    void write(Connection snapshot, Path file) throws IOException, SQLException;

    /**
     * Loads the dump into the empty database and checks that it holds the manifest's tables and rows; when it does
     * not, the database is left empty and a {@link DomainException} says why.
     */
    void load(Connection target, Path file, Manifest manifest) throws IOException, SQLException;

    static DatabaseDump of(BackupSettings settings) {
        if (settings.url().startsWith("jdbc:h2:")) {
            return new H2Dump();
        }
        if (settings.url().startsWith("jdbc:postgresql:")) {
            return new PostgresDump(settings);
        }
        throw new DomainException("backup.error.unsupportedDatabase", settings.url().replaceFirst("[;?].*", ""));
    }
}
