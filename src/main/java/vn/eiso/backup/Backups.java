package vn.eiso.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.impl.DSL;
import vn.eiso.base.DomainException;
import vn.eiso.document.StoredFiles;

/**
 * Backup and restore of the database and the file store, for the command line and the nightly job alike. A backup
 * is written while the server runs: the dump, the row counts and the list of referenced files come from one
 * snapshot, and the files are copied after it, which is safe because stored files are immutable and never deleted.
 * A restore checks the whole backup against its manifest and the target for emptiness before it writes anything;
 * when loading fails its check, what it wrote is removed again. Every refusal is a {@link DomainException}.
 */
final class Backups {

    private static final String FILES = "files";

    private final BackupSettings settings;
    private final DataSource dataSource;
    private final JooqStoredFiles storedFiles;
    private final Clock clock;

    Backups(BackupSettings settings, DataSource dataSource, JooqStoredFiles storedFiles, Clock clock) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.storedFiles = storedFiles;
        this.clock = clock;
    }

    /** Writes a backup into a new or empty folder; a failed backup leaves no folder or an empty one, as it found it. */
    Manifest backup(Path folder) throws IOException, SQLException {
        if (!isEmpty(folder)) {
            throw new DomainException("backup.error.folderNotEmpty", folder);
        }
        boolean existed = Files.exists(folder);
        Files.createDirectories(folder);
        try {
            DatabaseDump dump = DatabaseDump.of(settings);
            Path dumpFile = folder.resolve(dump.fileName());
            String schema;
            String version;
            SortedMap<String, Long> tables;
            SortedSet<String> referenced = new TreeSet<>();
            try (Connection connection = dataSource.getConnection()) {
                dump.beginSnapshot(connection);
                try {
                    schema = connection.getSchema();
                    dump.write(connection, dumpFile);
                    tables = DatabaseContents.rowCounts(connection, schema);
                    version = DatabaseContents.schemaVersion(connection, schema, settings.historyTable());
                    if (settings.filesOnDisk()) {
                        referenced.addAll(storedFiles.referenced(DSL.using(connection, dump.dialect())));
                    }
                } finally {
                    connection.rollback();
                }
            }
            List<Manifest.StoredFile> files = new ArrayList<>();
            for (String sha256 : referenced) {
                Path source = StoredFiles.pathOf(settings.filesFolder(), sha256);
                if (!Files.isRegularFile(source)) {
                    throw new DomainException("backup.error.storeFileMissing", source);
                }
                files.add(new Manifest.StoredFile(sha256, copy(source, StoredFiles.pathOf(folder.resolve(FILES),
                        sha256), sha256, "backup.error.storeFileDamaged")));
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, dump.kind(), version, OffsetDateTime.now(clock), schema,
                    new Manifest.Dump(dump.fileName(), Files.size(dumpFile), sha256(dumpFile)),
                    settings.fileStore(), tables, files);
            manifest.write(folder);
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            deleteContents(folder);
            if (!existed) {
                Files.deleteIfExists(folder);
            }
            throw e;
        }
    }

    /**
     * Restores a backup into the empty database and the empty file store of this configuration. The search index
     * is not part of a backup: the server rebuilds it on its next start, as the index folder is then empty.
     */
    Manifest restore(Path folder) throws IOException, SQLException {
        Manifest manifest = Manifest.read(folder);
        DatabaseDump dump = DatabaseDump.of(settings);
        checkFitsThisApplication(manifest, dump);
        Path dumpFile = folder.resolve(manifest.dump().file());
        if (!Files.isRegularFile(dumpFile)) {
            throw new DomainException("backup.error.fileMissing", dumpFile);
        }
        String dumpHash = sha256(dumpFile);
        if (!dumpHash.equals(manifest.dump().sha256())) {
            throw new DomainException("backup.error.dumpChanged", dumpFile, dumpHash, manifest.dump().sha256());
        }
        for (Manifest.StoredFile file : manifest.files()) {
            Path copy = StoredFiles.pathOf(folder.resolve(FILES), file.sha256());
            if (!Files.isRegularFile(copy)) {
                throw new DomainException("backup.error.fileMissing", copy);
            }
            if (!sha256(copy).equals(file.sha256())) {
                throw new DomainException("backup.error.fileChanged", copy);
            }
        }
        for (Path target : List.of(settings.filesFolder(), settings.indexDir())) {
            if (!isEmpty(target)) {
                throw new DomainException("backup.error.dataDirNotEmpty", target);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = DatabaseContents.userTables(connection);
            if (!tables.isEmpty()) {
                throw new DomainException("backup.error.databaseNotEmpty", tables.size(), tables.getFirst());
            }
            try {
                for (Manifest.StoredFile file : manifest.files()) {
                    copy(StoredFiles.pathOf(folder.resolve(FILES), file.sha256()),
                            StoredFiles.pathOf(settings.filesFolder(), file.sha256()), file.sha256(),
                            "backup.error.fileChanged");
                }
                dump.load(connection, dumpFile, manifest);
            } catch (IOException | SQLException | RuntimeException e) {
                deleteContents(settings.filesFolder());
                throw e;
            }
        }
        return manifest;
    }

    private void checkFitsThisApplication(Manifest manifest, DatabaseDump dump) {
        if (!manifest.database().equals(dump.kind())) {
            throw new DomainException("backup.error.otherDatabase", manifest.database(), dump.kind());
        }
        if (!manifest.fileStore().equals(settings.fileStore())) {
            throw new DomainException("backup.error.otherFileStore", manifest.fileStore(), settings.fileStore());
        }
        MigrationVersion newest = DatabaseContents.newestMigration(settings.migrationLocations());
        if (MigrationVersion.fromVersion(manifest.schemaVersion()).compareTo(newest) > 0) {
            throw new DomainException("backup.error.newerSchema", manifest.schemaVersion(), newest.getVersion());
        }
        if (!manifest.tables().keySet().stream().allMatch(t -> DatabaseContents.TABLE_NAME.matcher(t).matches())
                || !DatabaseContents.TABLE_NAME.matcher(manifest.schema()).matches()) {
            throw new DomainException("backup.error.badManifest", Manifest.NAME, "table names");
        }
    }

    /** Copies a stored file through its hash, so a damaged copy is found while it is made; returns its size. */
    private static long copy(Path source, Path target, String sha256, String damagedKey) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest)) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            Files.delete(temporary);
            throw new DomainException(damagedKey, source);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        return Files.size(target);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A folder that does not exist or holds no file, in any subfolder. */
    static boolean isEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return !Files.exists(folder);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.noneMatch(Files::isRegularFile);
        }
    }

    /** Deletes everything below the folder, keeping the folder itself. */
    static void deleteContents(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(folder)).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder, e);
        }
    }
}
