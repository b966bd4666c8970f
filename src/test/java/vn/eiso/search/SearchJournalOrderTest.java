package vn.eiso.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.support.ServiceTest;

/**
 * Nodes follow the journal by seq, which is given at commit, not by id, which is given at insert (ADR 0023): an
 * entry whose transaction commits after a later-inserted one's is still after the position of a node that applied
 * the later one. Following ids, that node would have passed it for good.
 */
class SearchJournalOrderTest extends ServiceTest {

    @Autowired
    JooqSearchJournal journal;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void an_entry_committed_after_a_later_inserted_one_is_still_ahead_of_a_node_that_applied_that_one()
            throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(t -> sequenceAll());
        long start = journal.lastSequenced();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // A long transaction: it inserts its entry first and commits last.
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> tx.executeWithoutResult(t -> {
            journal.add("NONCONFORMITY", 900_001, OffsetDateTime.now(clock));
            inserted.countDown();
            await(commit);
        }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        tx.executeWithoutResult(t -> journal.add("NONCONFORMITY", 900_002, OffsetDateTime.now(clock)));

        // A node applies what is committed: the quick entry only.
        tx.executeWithoutResult(t -> sequenceAll());
        List<JooqSearchJournal.Change> first = ours(journal.after(start, 100));
        assertThat(first).extracting(JooqSearchJournal.Change::targetId).containsExactly(900_002L);
        long position = first.getLast().seq();

        commit.countDown();
        slow.get(30, TimeUnit.SECONDS);
        tx.executeWithoutResult(t -> sequenceAll());

        assertThat(ours(journal.after(position, 100))).extracting(JooqSearchJournal.Change::targetId)
                .containsExactly(900_001L);
        // The node's lag counts it, and says since when it waits.
        assertThat(journal.pending(position)).isPositive();
        assertThat(journal.oldestPending(position)).isPresent();
    }

    /** This test's entries (other tests' writes in the shared database may be journalled meanwhile). */
    private static List<JooqSearchJournal.Change> ours(List<JooqSearchJournal.Change> changes) {
        return changes.stream().filter(c -> c.targetId() >= 900_001).toList();
    }

    private void sequenceAll() {
        while (journal.sequence(500) == 500) {
            // more
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
