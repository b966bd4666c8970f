package vn.eiso.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.eiso.audittrail.AuditRecorded;
import vn.eiso.base.DomainException;

/**
 * Keeps this node's index following the database. Every audited change of a searchable target is journalled in
 * the writer's transaction. Each node applies the whole journal to its own index in the order of the entries'
 * seq, whichever node wrote them, and records in each index commit the seq it has applied up to: after a crash or
 * a stop it goes on from there. Entries are pruned after a retention, not when applied; a node that was away
 * longer, or whose index is missing or of another database, rebuilds (ADR 0023).
 */
@Component
class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 500;
    /**
     * How long a wake-up waits for more commits before applying the journal: an import commits a file every few
     * milliseconds, and one index commit (a segment and a sync) per file would cost more than the import itself.
     */
    private static final long GATHER_MILLIS = 250;

    /** A rebuild as the administrator screen shows it. */
    record Progress(boolean running, long done, long total, Instant startedAt, Duration took, String failure) {
    }

    private final SearchIndex index;
    private final JooqSearchJournal journal;
    private final TransactionTemplate transactions;
    private final Duration retention;
    private final List<SearchSource> sources;
    private final Map<String, SearchSource> byTarget = new HashMap<>();
    private final Clock clock;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "eiso-indexer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile Progress progress = new Progress(false, 0, 0, null, null, null);
    private volatile String databaseId;
    private volatile boolean caughtUp;

    SearchIndexer(SearchIndex index, JooqSearchJournal journal, List<SearchSource> sources, Clock clock,
            PlatformTransactionManager transactions,
            @Value("${eiso.search.journal-retention:P7D}") Duration retention) {
        this.retention = retention;
        this.index = index;
        this.journal = journal;
        this.transactions = new TransactionTemplate(transactions);
        this.sources = sources;
        this.clock = clock;
        sources.forEach(s -> s.targets().forEach(t -> byTarget.put(t, s)));
    }

    /** Journals a change in the writer's transaction and wakes the indexer once that transaction commits. */
    @EventListener
    void onAudited(AuditRecorded event) {
        if (event.targetType() == null || event.targetId() == null || !byTarget.containsKey(event.targetType())) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(event.targetId());
        } catch (NumberFormatException e) {
            return;
        }
        journal.add(event.targetType(), id, OffsetDateTime.now(clock));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /**
     * Catches up before the application reports itself ready (Spring announces readiness after these listeners):
     * until then no one signs in, so no one searches an index that lacks what the database holds.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (index.isPassive()) {
            return;
        }
        await(thread.submit(this::drainNow));
    }

    /**
     * Follows what the other nodes (and other processes, such as the import command) journal: every node polls,
     * so a change made on one is searchable on the others within the interval and the gathering delay.
     */
    @Scheduled(fixedDelayString = "${eiso.search.poll-interval:PT1S}",
            initialDelayString = "${eiso.search.poll-interval:PT1S}")
    void wake() {
        if (!index.isPassive() && drainQueued.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(GATHER_MILLIS, TimeUnit.MILLISECONDS, thread).execute(() -> {
                drainQueued.set(false);
                drainNow();
            });
        }
    }

    /** Waits until everything committed before this call is searchable. */
    void catchUp() {
        await(thread.submit(this::drainNow));
    }

    /** Starts a full rebuild in the background; refused while one runs. */
    synchronized void rebuild() {
        if (progress.running()) {
            throw new DomainException("error.search.rebuildRunning");
        }
        progress = new Progress(true, 0, 0, Instant.now(clock), null, null);
        thread.execute(this::rebuildNow);
    }

    /** Runs a full rebuild and returns when it is searchable (the command line). */
    void rebuildAndWait() {
        await(thread.submit(this::rebuildNow));
    }

    Progress progress() {
        return progress;
    }

    /** Journal entries this node has not applied yet. */
    int pending() {
        return journal.pending(index.position());
    }

    /** Seconds since the oldest entry this node has not applied was journalled; 0 when it is current. */
    double lagSeconds() {
        return journal.oldestPending(index.position())
                .map(at -> Math.max(0, Duration.between(at.toInstant(), Instant.now(clock)).toMillis() / 1000.0))
                .orElse(0.0);
    }

    /**
     * Deletes the journal entries older than the retention, once a night on one node of the cluster. A node away
     * for longer rebuilds its index when it comes back.
     */
    @Scheduled(cron = "${eiso.search.journal-prune-cron:0 40 2 * * *}", zone = "${eiso.time-zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "search-journal-prune", lockAtLeastFor = "PT5M")
    void prune() {
        int deleted = transactions.execute(tx -> journal.prune(OffsetDateTime.now(clock).minus(retention)));
        if (deleted > 0) {
            log.info("Search journal: {} entries older than {} pruned", deleted, retention);
        }
    }

    /** Whether the index has applied the whole journal at least once since start (or is another process's). */
    boolean caughtUp() {
        return caughtUp || index.isPassive();
    }

    private void rebuildNow() {
        if (index.isPassive()) {
            progress = new Progress(false, 0, 0, null, null, "index in use by another process");
            return;
        }
        Instant started = Instant.now(clock);
        long total = 0;
        try {
            total = sources.stream().mapToLong(SearchSource::size).sum();
            progress = new Progress(true, 0, total, started, null, null);
            if (databaseId == null) {
                databaseId = journal.databaseId();
            }
            long expected = total;
            // Everything sequenced so far committed before the sources are read, so the rebuild holds it; entries
            // sequenced later are applied after it (some twice, which changes nothing).
            sequenceAll();
            long position = journal.lastSequenced();
            index.rebuild(sink -> sources.forEach(s -> s.forEach(sink)), databaseId, position,
                    Math.max(1, Runtime.getRuntime().availableProcessors()),
                    done -> progress = new Progress(true, done, Math.max(expected, done), started, null, null));
            Duration took = Duration.between(started, Instant.now(clock));
            progress = new Progress(false, index.size(), index.size(), started, took, null);
            log.info("Search index rebuilt: {} entries in {} ms", index.size(), took.toMillis());
        } catch (RuntimeException e) {
            // The index rolled back to its last commit: searches go on with it, and the reason is shown.
            log.error("Search index rebuild failed; the previous index stays in use", e);
            progress = new Progress(false, progress.done(), total, started, null, reason(e));
        }
    }

    /** What an administrator reads: the failure's own message, or its kind when it has none. */
    static String reason(Throwable e) {
        if (e instanceof SearchIndex.RebuildFailure) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }

    private void drainNow() {
        if (index.isPassive()) {
            return;
        }
        try {
            if (databaseId == null) {
                databaseId = journal.databaseId();
            }
            // Applying changes to an index of another database (or to none) would pass it off as current, and one
            // behind the pruned entries has missed some.
            if (!index.databaseId().map(databaseId::equals).orElse(false)
                    || index.position() < journal.prunedThrough()) {
                log.info("Search index missing, built from another database or behind the pruned journal: rebuilding");
                rebuildNow();
                if (!index.databaseId().map(databaseId::equals).orElse(false)) {
                    return;
                }
            }
            sequenceAll();
            List<JooqSearchJournal.Change> batch;
            while (!(batch = journal.after(index.position(), BATCH)).isEmpty()) {
                Set<JooqSearchJournal.Change> targets = new LinkedHashSet<>();
                for (JooqSearchJournal.Change change : batch) {
                    targets.add(new JooqSearchJournal.Change(0, change.targetType(), change.targetId()));
                }
                for (JooqSearchJournal.Change target : targets) {
                    apply(target);
                }
                index.commit(databaseId, batch.getLast().seq());
                index.refresh();
            }
            caughtUp = true;
        } catch (DataAccessException e) {
            // The database is unreachable: the journal rows stay and the next wake-up tries again.
            log.warn("Search index catch-up postponed: {}", e.getMessage());
        }
    }

    /** Sequences every committed entry: every poll, so it costs one lookup when there is nothing to sequence. */
    private void sequenceAll() {
        while (Boolean.TRUE.equals(transactions.execute(tx -> journal.sequence(BATCH) == BATCH))) {
            // more to sequence
        }
    }

    private void apply(JooqSearchJournal.Change target) {
        SearchSource source = byTarget.get(target.targetType());
        try {
            SearchSource.Refresh refresh = source.refresh(target.targetType(), target.targetId());
            index.replace(refresh.owner(), refresh.entries());
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            // One broken item must not stop the index for everyone; a rebuild retries it.
            log.error("Cannot index {} {}", target.targetType(), target.targetId(), e);
        }
    }

    private static void await(java.util.concurrent.Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }
}
