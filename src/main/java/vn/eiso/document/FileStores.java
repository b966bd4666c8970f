package vn.eiso.document;

import static vn.eiso.db.Tables.FILE_BLOB;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;
import vn.eiso.signature.Signatures;

/** Chooses the file store from {@code eiso.files.store}: {@code filesystem} (default) or {@code database}. */
@Configuration
class FileStores {

    @Bean
    @Primary
    FileStore fileStore(@Value("${eiso.files.store:filesystem}") String kind, @Value("${eiso.data-dir}") Path dataDir,
            DatabaseFileStore database, Signatures signatures, Clock clock) {
        FileStore store = switch (kind) {
            case "database" -> database;
            case "filesystem" -> new DirectoryFileStore(StoredFiles.folder(dataDir), clock);
            default -> throw new IllegalStateException("eiso.files.store must be filesystem or database, not " + kind);
        };
        return new SignatureQueue(store, signatures);
    }

    /**
     * Queues every PDF stored for its signature check (ADR 0024), here rather than at each feature's upload, so
     * that no way of storing a file can forget it. A PDF starts with its header, which is also what type
     * detection goes by.
     */
    record SignatureQueue(FileStore store, Signatures signatures) implements FileStore {

        private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

        @Override
        public void put(String sha256, byte[] content) {
            store.put(sha256, content);
            if (content.length >= PDF.length && Arrays.equals(content, 0, PDF.length, PDF, 0, PDF.length)) {
                signatures.queue(sha256);
            }
        }

        @Override
        public byte[] get(String sha256) {
            return store.get(sha256);
        }

        @Override
        public SweepResult sweep(Instant cutoff, Function<Collection<String>, Set<String>> referenced) {
            return store.sweep(cutoff, referenced);
        }
    }

    /**
     * Files under the data directory, two levels of folders by hash; written to a temporary file, synced, moved.
     * A file's modification time is when a writer last stored it, by the application's clock, which is what the
     * sweep compares with its cutoff.
     */
    static final class DirectoryFileStore implements FileStore {

        private static final Pattern STORED = Pattern.compile("[0-9a-f]{64}");
        /** A temporary file of an interrupted write ({@code <hash><random>.part}) or sweep ({@code .swept}). */
        private static final Pattern LEFTOVER = Pattern.compile("([0-9a-f]{64}).*\\.(part|swept)");
        private static final int BATCH = 500;

        private final Path root;
        private final Clock clock;

        DirectoryFileStore(Path root, Clock clock) {
            this.root = root;
            this.clock = clock;
        }

        private Path pathOf(String sha256) {
            return StoredFiles.pathOf(root, sha256);
        }

        @Override
        public void put(String sha256, byte[] content) {
            Path target = pathOf(sha256);
            try {
                Files.setLastModifiedTime(target, now());
                return;
            } catch (NoSuchFileException e) {
                // Not stored yet, or a sweep took it a moment ago: write it.
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store file " + sha256, e);
            }
            try {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), sha256, ".part");
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(content));
                    channel.force(true);
                }
                Files.setLastModifiedTime(temp, now());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store file " + sha256, e);
            }
        }

        private FileTime now() {
            return FileTime.from(clock.instant());
        }

        @Override
        public byte[] get(String sha256) {
            try {
                return Files.readAllBytes(pathOf(sha256));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read file " + sha256, e);
            }
        }

        @Override
        public SweepResult sweep(Instant cutoff, Function<Collection<String>, Set<String>> referenced) {
            if (!Files.isDirectory(root)) {
                return new SweepResult(0, 0, 0);
            }
            long checked = 0;
            long removed = 0;
            long leftovers = 0;
            List<Path> batch = new ArrayList<>(BATCH);
            try (Stream<Path> files = Files.find(root, 3, (p, a) -> a.isRegularFile()
                    && a.lastModifiedTime().toInstant().isBefore(cutoff))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    var leftover = LEFTOVER.matcher(name);
                    if (STORED.matcher(name).matches()) {
                        checked++;
                        batch.add(file);
                        if (batch.size() == BATCH) {
                            removed += removeUnreferenced(batch, cutoff, referenced);
                        }
                    } else if (leftover.matches()) {
                        leftovers++;
                        clearLeftover(file, leftover.group(1), referenced);
                    }
                }
                removed += removeUnreferenced(batch, cutoff, referenced);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot sweep the file store " + root, e);
            }
            return new SweepResult(checked, removed, leftovers);
        }

        private long removeUnreferenced(List<Path> batch, Instant cutoff,
                Function<Collection<String>, Set<String>> referenced) throws IOException {
            Set<String> named = referenced.apply(batch.stream().map(p -> p.getFileName().toString()).toList());
            long removed = 0;
            for (Path file : batch) {
                if (!named.contains(file.getFileName().toString()) && takeAway(file, cutoff)) {
                    removed++;
                }
            }
            batch.clear();
            return removed;
        }

        /**
         * Moves the file aside, then deletes it unless a writer stored it again since it was found old: the move
         * is the moment that decides, because a writer's mark on a file that has been moved fails and it writes
         * the file anew.
         */
        private static boolean takeAway(Path file, Instant cutoff) throws IOException {
            Path aside = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".swept");
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                return false;
            }
            if (!Files.getLastModifiedTime(aside).toInstant().isBefore(cutoff)) {
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return false;
            }
            Files.delete(aside);
            return true;
        }

        /** A sweep stopped between its move and its delete may have moved a file a writer meant to keep. */
        private void clearLeftover(Path file, String sha256, Function<Collection<String>, Set<String>> referenced)
                throws IOException {
            Path target = pathOf(sha256);
            if (file.getFileName().toString().endsWith(".swept") && !Files.exists(target)
                    && referenced.apply(List.of(sha256)).contains(sha256)) {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(file);
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

        /** Nothing to sweep: a blob commits or rolls back with the row that names it. */
        @Override
        public SweepResult sweep(Instant cutoff, Function<Collection<String>, Set<String>> referenced) {
            return new SweepResult(0, 0, 0);
        }

        @Override
        public byte[] get(String sha256) {
            return dsl.select(FILE_BLOB.DATA).from(FILE_BLOB).where(FILE_BLOB.SHA256.eq(sha256))
                    .fetchOptional(FILE_BLOB.DATA)
                    .orElseThrow(() -> new IllegalStateException("missing file " + sha256));
        }
    }
}
