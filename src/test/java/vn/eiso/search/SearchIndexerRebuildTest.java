package vn.eiso.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.springframework.transaction.PlatformTransactionManager;
import vn.eiso.base.UnitId;

/** A rebuild that fails reports why (to the admin screen's status and the command line) and keeps the old index. */
class SearchIndexerRebuildTest {

    @TempDir
    Path folder;
    SearchIndex index;
    final JooqSearchJournal journal = mock(JooqSearchJournal.class);
    final Clock clock = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);
    final FakeSource source = new FakeSource();

    @BeforeEach
    void open() {
        index = SearchIndex.open(folder);
        when(journal.databaseId()).thenReturn("db-1");
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void a_rebuild_with_a_failing_extraction_fails_with_the_reason_and_searches_keep_the_previous_index() {
        SearchIndexer indexer = indexer();
        source.entries = 600;
        indexer.rebuildAndWait();
        assertThat(indexer.progress().failure()).isNull();
        assertThat(index.size()).isEqualTo(600);

        source.failAt = 450; // the text of the 451st entry cannot be extracted
        indexer.rebuildAndWait();

        SearchIndexer.Progress progress = indexer.progress();
        assertThat(progress.running()).isFalse();
        assertThat(progress.failure()).isEqualTo("cannot extract the text of entry 450");
        assertThat(index.size()).isEqualTo(600);
        assertThat(index.databaseId()).contains("db-1");
    }

    @Test
    void the_rebuild_command_prints_the_reason_and_exits_with_one() {
        SearchIndexer indexer = indexer();
        source.entries = 300;
        source.failAt = 10;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new SearchRebuildCommand(indexer, index, null).rebuild(print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Rebuild failed: cannot extract the text of entry 10").contains("previous index");
        assertThat(out.size()).isZero();
    }

    @Test
    void the_rebuild_command_exits_with_zero_when_the_index_is_rebuilt() {
        SearchIndexer indexer = indexer();
        source.entries = 300;
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = new SearchRebuildCommand(indexer, index, null).rebuild(print(out), print(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Search index rebuilt: 300 entries");
    }

    @Test
    void readiness_stays_out_of_service_until_the_index_has_caught_up_with_the_journal() {
        SearchIndexer indexer = indexer();
        SearchIndexHealth health = new SearchIndexHealth(indexer);
        when(journal.pending(anyLong())).thenReturn(3);
        source.entries = 50;
        source.failAt = 20;

        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.health().getDetails()).containsEntry("lag", 3);

        indexer.start(); // the index is missing and its rebuild fails: still not ready
        assertThat(indexer.progress().failure()).isNotNull();
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        source.failAt = -1;
        when(journal.pending(anyLong())).thenReturn(0);
        indexer.catchUp();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("lag", 0);
        assertThat(index.size()).isEqualTo(50);
    }

    private SearchIndexer indexer() {
        return new SearchIndexer(index, journal, List.of(source), clock, mock(PlatformTransactionManager.class),
                Duration.ofDays(7));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    /** A source whose text extraction breaks at one entry when told to. */
    static final class FakeSource implements SearchSource {
        int entries;
        int failAt = -1;

        @Override
        public Set<String> targets() {
            return Set.of("fake");
        }

        @Override
        public Refresh refresh(String targetType, long targetId) {
            return new Refresh("fake:" + targetId, List.of());
        }

        @Override
        public void forEach(Consumer<SearchEntry> sink) {
            for (int i = 0; i < entries; i++) {
                if (i == failAt) {
                    throw new IllegalStateException("cannot extract the text of entry " + i);
                }
                sink.accept(new SearchEntry("fake:" + i, "fake:" + i, "fake:" + i, new UnitId(1), "Sở Tư pháp",
                        Visibility.READERS, "PROCEDURE", "EFFECTIVE", "QT-" + i, "Quy trình " + i, null, "nội dung",
                        LocalDate.of(2026, 1, 1), 1, "revision/" + i));
            }
        }

        @Override
        public long size() {
            return entries;
        }
    }
}
