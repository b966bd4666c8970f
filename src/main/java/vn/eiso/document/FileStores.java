package vn.eiso.document;

import static vn.eiso.db.Tables.FILE_BLOB;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/** Chooses the file store from {@code eiso.files.store}: {@code filesystem} (default) or {@code database}. */
@Configuration
class FileStores {

    @Bean
    @Primary
    FileStore fileStore(@Value("${eiso.files.store:filesystem}") String kind, @Value("${eiso.data-dir}") Path dataDir,
            DatabaseFileStore database) {
        return switch (kind) {
            case "database" -> database;
            case "filesystem" -> new DirectoryFileStore(StoredFiles.folder(dataDir));
            default -> throw new IllegalStateException("eiso.files.store must be filesystem or database, not " + kind);
        };
    }

    /** Files under the data directory, two levels of folders by hash; written to a temporary file, synced, moved. */
    static final class DirectoryFileStore implements FileStore {

        private final Path root;

        DirectoryFileStore(Path root) {
            this.root = root;
        }

        private Path pathOf(String sha256) {
            return StoredFiles.pathOf(root, sha256);
        }

        @Override
        public void put(String sha256, byte[] content) {
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                return;
            }
            try {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), sha256, ".part");
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(content));
                    channel.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store file " + sha256, e);
            }
        }

        @Override
        public byte[] get(String sha256) {
            try {
                return Files.readAllBytes(pathOf(sha256));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read file " + sha256, e);
            }
        }
    }

    /** Files in the table file_blob, inside the same transaction as the attachment row. */
    @Repository
    static class DatabaseFileStore implements FileStore {

        private final DSLContext dsl;

        DatabaseFileStore(DSLContext dsl) {
            this.dsl = dsl;
        }

        @Override
        public void put(String sha256, byte[] content) {
            // A plain existence check: H2's emulation of ON CONFLICT cannot cast a bind value to a blob.
            if (dsl.fetchExists(FILE_BLOB, FILE_BLOB.SHA256.eq(sha256))) {
                return;
            }
            dsl.insertInto(FILE_BLOB).set(FILE_BLOB.SHA256, sha256).set(FILE_BLOB.DATA, content).execute();
        }

        @Override
        public byte[] get(String sha256) {
            return dsl.select(FILE_BLOB.DATA).from(FILE_BLOB).where(FILE_BLOB.SHA256.eq(sha256))
                    .fetchOptional(FILE_BLOB.DATA)
                    .orElseThrow(() -> new IllegalStateException("missing file " + sha256));
        }
    }
}
