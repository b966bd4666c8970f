package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/**
 * Both file stores keep exactly the bytes they were given, once per content; the directory store's sweep removes
 * what no row names once it is older than the cutoff, and never a file a writer has just stored again.
 */
@SpringBootTest
class FileStoresTest {

    private static final Instant T0 = Instant.parse("2026-10-14T02:00:00Z");

    @Autowired
    DSLContext dsl;
    @Autowired
    List<FileReferences> references;

    /** A clock the test moves by hand: file times come from it, as they come from the application's clock. */
    private static final class HandClock extends Clock {

        final AtomicReference<Instant> now = new AtomicReference<>(T0);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void pass(Duration duration) {
            now.set(now.get().plus(duration));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void roundTrip(FileStore store) {
        byte[] content = bytes("Quy trình kiểm soát tài liệu");
        String sha = FileInspector.sha256(content);
        store.put(sha, content);
        store.put(sha, content);
        assertThat(store.get(sha)).isEqualTo(content);
    }

    private static List<String> stored(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void the_directory_store_writes_each_content_once_under_its_hash(@TempDir Path dir) throws Exception {
        FileStores.DirectoryFileStore store = new FileStores.DirectoryFileStore(dir, new HandClock());
        roundTrip(store);
        assertThat(stored(dir)).hasSize(1).allMatch(name -> name.length() == 64);
    }

    @Test
    @Transactional
    void the_database_store_keeps_the_bytes_in_the_same_transaction() {
        roundTrip(new FileStores.DatabaseFileStore(dsl));
    }

    @Test
    void a_sweep_removes_old_files_no_row_names_and_leftovers_of_interrupted_writes(@TempDir Path dir)
            throws Exception {
        HandClock clock = new HandClock();
        FileStores.DirectoryFileStore store = new FileStores.DirectoryFileStore(dir, clock);
        byte[] named = bytes("named by a revision");
        byte[] orphan = bytes("left by a crash");
        store.put(FileInspector.sha256(named), named);
        store.put(FileInspector.sha256(orphan), orphan);
        Path part = dir.resolve(FileInspector.sha256(orphan).substring(0, 2)).resolve("ab")
                .resolve(FileInspector.sha256(orphan) + "123.part");
        Files.createDirectories(part.getParent());
        Files.write(part, orphan);
        Files.setLastModifiedTime(part, java.nio.file.attribute.FileTime.from(T0));
        clock.pass(Duration.ofMinutes(90));
        byte[] young = bytes("stored a minute ago by a transaction still open");
        store.put(FileInspector.sha256(young), young);
        clock.pass(Duration.ofMinutes(1));

        FileStore.SweepResult result = store.sweep(clock.instant().minus(Duration.ofHours(1)),
                hashes -> Set.of(FileInspector.sha256(named)));

        assertThat(result).isEqualTo(new FileStore.SweepResult(2, 1, 1));
        assertThat(stored(dir)).containsExactlyInAnyOrder(FileInspector.sha256(named), FileInspector.sha256(young));
    }

    @Test
    void a_file_stored_again_while_the_sweep_looks_at_it_is_kept(@TempDir Path dir) throws Exception {
        HandClock clock = new HandClock();
        FileStores.DirectoryFileStore store = new FileStores.DirectoryFileStore(dir, clock);
        byte[] content = bytes("imported once, refused, imported again");
        String sha = FileInspector.sha256(content);
        store.put(sha, content);
        clock.pass(Duration.ofHours(2));
        Instant cutoff = clock.instant().minus(Duration.ofHours(1));

        // The writer stores it again between the sweep's look at the rows and its move: its row commits next.
        FileStore.SweepResult result = store.sweep(cutoff, hashes -> {
            store.put(sha, content);
            return Set.of();
        });

        assertThat(result.removed()).isZero();
        assertThat(store.get(sha)).isEqualTo(content);
        assertThat(stored(dir)).containsExactly(sha);
    }

    @Test
    void a_file_an_interrupted_sweep_moved_aside_comes_back_when_a_row_names_it(@TempDir Path dir) throws Exception {
        HandClock clock = new HandClock();
        FileStores.DirectoryFileStore store = new FileStores.DirectoryFileStore(dir, clock);
        byte[] content = bytes("named by a row that committed while the sweep was stopped");
        String sha = FileInspector.sha256(content);
        store.put(sha, content);
        Path file = dir.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        Files.move(file, file.resolveSibling(sha + ".0b7c.swept"));
        clock.pass(Duration.ofHours(2));

        store.sweep(clock.instant().minus(Duration.ofHours(1)), hashes -> Set.copyOf(hashes));

        assertThat(stored(dir)).containsExactly(sha);
        assertThat(store.get(sha)).isEqualTo(content);
    }

    @Test
    void every_feature_that_keeps_files_says_which_it_names() {
        assertThat(references).extracting(r -> r.getClass().getSimpleName().replaceAll("\\$\\$.*", ""))
                .contains("JooqAttachmentReferences", "JooqAuditFileReferences", "JooqNcFileReferences",
                        "JooqAnnouncementFileReferences");
    }
}
