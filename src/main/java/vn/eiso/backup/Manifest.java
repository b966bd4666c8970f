package vn.eiso.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SortedMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.base.DomainException;

/**
 * What a backup holds, written last so that a folder with a manifest is a complete backup: the database it came
 * from, its schema version, the dump's hash, every table's row count and every stored file with its hash. A
 * restore trusts nothing in the folder that this file does not vouch for.
 */
record Manifest(int format, String database, String schemaVersion, OffsetDateTime createdAt, String schema,
        Dump dump, String fileStore, SortedMap<String, Long> tables, List<StoredFile> files) {

    static final String NAME = "manifest.json";
    static final int FORMAT = 1;

    /** The database dump: its name in the backup folder, its size and SHA-256. */
    record Dump(String file, long bytes, String sha256) {
    }

    /** A file of the file store, by its SHA-256 (which is also its name) and size. */
    record StoredFile(String sha256, long bytes) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    void write(Path folder) throws IOException {
        // Written aside and moved: a crash mid-write must not leave a manifest that vouches for a partial backup.
        Path temporary = folder.resolve(NAME + ".part");
        Files.write(temporary, JSON.writeValueAsBytes(this));
        Files.move(temporary, folder.resolve(NAME), StandardCopyOption.ATOMIC_MOVE);
    }

    static Manifest read(Path folder) {
        Path file = folder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new DomainException("backup.error.noManifest", folder);
        }
        try {
            Manifest manifest = JSON.readValue(file.toFile(), Manifest.class);
            if (manifest.format() != FORMAT || manifest.dump() == null || manifest.tables() == null
                    || manifest.files() == null || manifest.schemaVersion() == null) {
                throw new DomainException("backup.error.badManifest", file, "format " + manifest.format());
            }
            return manifest;
        } catch (JacksonException e) {
            throw new DomainException("backup.error.badManifest", file, e.getOriginalMessage());
        }
    }
}
