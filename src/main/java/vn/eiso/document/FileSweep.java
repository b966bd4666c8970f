package vn.eiso.document;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes files that no row names. A file is stored (and synced) before the row that names it commits, so that a
 * committed row always has its bytes; the price is that a crash, or a transaction rolled back after storing, leaves
 * a file behind. Such a file is only taken once it is older than {@code eiso.files.orphan-grace}: a younger one may
 * belong to a transaction still open, here or on another node sharing the folder (ADR 15). Runs after each start
 * (a crash is what leaves most of them) and daily.
 */
@Component
class FileSweep {

    private static final Logger LOG = LoggerFactory.getLogger(FileSweep.class);

    private final FileStore store;
    private final List<FileReferences> references;
    private final Clock clock;
    private final Duration grace;
    private final boolean onStart;

    FileSweep(FileStore store, List<FileReferences> references, Clock clock,
            @Value("${eiso.files.orphan-grace}") Duration grace,
            @Value("${eiso.files.sweep-on-start:true}") boolean onStart) {
        if (grace.isNegative()) {
            throw new IllegalStateException("eiso.files.orphan-grace must not be negative: " + grace);
        }
        this.store = store;
        this.references = references;
        this.clock = clock;
        this.grace = grace;
        this.onStart = onStart;
    }

    /** On its own thread: a large store takes a while to walk, and nothing waits for it. */
    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        if (onStart) {
            Thread.ofPlatform().daemon().name("file-sweep").start(this::sweepQuietly);
        }
    }

    @Scheduled(cron = "${eiso.files.sweep-cron}", zone = "${eiso.time-zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "file-sweep", lockAtLeastFor = "PT5M")
    void daily() {
        sweepQuietly();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The next sweep tries again; an orphan costs only space.
            LOG.warn("File store sweep failed", e);
        }
    }

    FileStore.SweepResult sweep() {
        FileStore.SweepResult result = store.sweep(clock.instant().minus(grace), this::referenced);
        LOG.info("File store swept: {} files older than {} checked, {} named by no row removed, {} leftovers of "
                + "interrupted writes cleared", result.checked(), grace, result.removed(), result.leftovers());
        return result;
    }

    private Set<String> referenced(Collection<String> sha256s) {
        Set<String> named = new HashSet<>();
        references.forEach(r -> named.addAll(r.referenced(sha256s)));
        return named;
    }
}
