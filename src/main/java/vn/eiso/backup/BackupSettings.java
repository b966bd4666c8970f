package vn.eiso.backup;

import java.nio.file.Path;
import java.util.List;
import org.springframework.core.env.Environment;
import vn.eiso.document.StoredFiles;

/**
 * The configuration a backup and a restore read, taken from the same properties, profiles and environment variables
 * as the server, so that the commands find the server's database and data directory without being told twice.
 */
record BackupSettings(String url, String user, String password, Path dataDir, Path indexDir, String fileStore,
        String pgBinDir, List<String> migrationLocations, String historyTable) {

    static BackupSettings from(Environment env) {
        Path dataDir = Path.of(env.getRequiredProperty("eiso.data-dir")).toAbsolutePath();
        return new BackupSettings(env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username", ""), env.getProperty("spring.datasource.password", ""),
                dataDir, Path.of(env.getProperty("eiso.search.index-dir", dataDir.resolve("index").toString()))
                        .toAbsolutePath(),
                env.getProperty("eiso.files.store", "filesystem"), env.getProperty("eiso.backup.pg-bin-dir", ""),
                List.of(env.getProperty("spring.flyway.locations", String[].class,
                        new String[] {"classpath:db/migration"})),
                env.getProperty("spring.flyway.table", "flyway_schema_history"));
    }

    /** Where the file system store keeps its files; with the database store they are inside the dump. */
    Path filesFolder() {
        return StoredFiles.folder(dataDir);
    }

    boolean filesOnDisk() {
        return "filesystem".equals(fileStore);
    }

    /** The path of a PostgreSQL client program: from eiso.backup.pg-bin-dir, or the PATH when that is empty. */
    String pgProgram(String name) {
        return pgBinDir.isBlank() ? name : Path.of(pgBinDir, name).toString();
    }

    @Override
    public String toString() {
        // The password stays out of every log line that prints the settings.
        return "BackupSettings[url=" + url + ", user=" + user + ", dataDir=" + dataDir + ", indexDir=" + indexDir
                + ", fileStore=" + fileStore + "]";
    }
}
