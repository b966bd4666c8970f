package vn.eiso.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import jakarta.annotation.PreDestroy;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.UserId;
import vn.eiso.base.security.SignedIn;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.ImportVerdict.Outcome;
import vn.eiso.inbox.Inbox;
import vn.eiso.organisation.UserService;

/**
 * Works through import jobs one at a time on a background thread, as the user who started each, under that
 * user's rights. Every entry's verdict is committed with the entry's own document and revision, so the job's
 * count of verdicts is exactly how far it got: a job found unfinished at start-up resumes after its last verdict
 * and never imports a file twice or by halves. Text extraction runs in the inspector's bounded pool.
 */
@Component
class ImportRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);
    /** How many files are read and inspected ahead of the one being written, and how many bytes they may hold. */
    private static final int LOOK_AHEAD = 8;
    private static final long LOOK_AHEAD_BYTES = 64L * 1024 * 1024;

    private final JooqImportJobRepository jobs;
    private final DocumentImport documentImport;
    private final FileInspector inspector;
    private final FileStore files;
    private final DocumentAccess access;
    private final UserDetailsService userDetails;
    private final UserService users;
    private final AuditTrail trail;
    private final Inbox inbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path folder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "document-import"));
    /** Inspects the next files while the current one is written; the inspector's own pool bounds extraction. */
    private final ExecutorService inspecting = Executors.newFixedThreadPool(2, r -> daemon(r, "import-inspect"));

    ImportRunner(JooqImportJobRepository jobs, DocumentImport documentImport, FileInspector inspector, FileStore files,
            DocumentAccess access, UserDetailsService userDetails, UserService users, AuditTrail trail, Inbox inbox,
            TransactionTemplate tx, Clock clock, @Value("${eiso.data-dir}") Path dataDir) {
        this.jobs = jobs;
        this.documentImport = documentImport;
        this.inspector = inspector;
        this.files = files;
        this.access = access;
        this.userDetails = userDetails;
        this.users = users;
        this.trail = trail;
        this.inbox = inbox;
        this.tx = tx;
        this.clock = clock;
        this.folder = dataDir.resolve("imports");
    }

    void submit(ImportJobId id) {
        worker.submit(() -> run(id, Integer.MAX_VALUE));
    }

    /** Jobs that a stop interrupted carry on where their verdicts end; one whose archive is gone is closed. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (ImportJob job : jobs.unfinished()) {
            LOG.info("resuming import #{} ({} of {} entries done)", job.id(), job.done(), job.total());
            submit(job.id());
        }
    }

    /**
     * Runs the job from its next entry, for at most {@code maxEntries} entries (a stop in the middle leaves it
     * exactly as a crash would).
     */
    void run(ImportJobId id, int maxEntries) {
        ImportJob job = jobs.find(id).orElse(null);
        if (job == null || job.state().isFinished()) {
            return;
        }
        Path archivePath = folder.resolve("job-" + id.value() + ".zip");
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            SignedIn.as(SystemAuthentication.runAsSystem(
                    () -> userDetails.loadUserByUsername(jobs.starterUsername(id))));
            if (!Files.exists(archivePath)) {
                finish(job, ImportJob.State.FAILED, "import.error.archiveLost", List.of());
                return;
            }
            try (ImportArchive archive = ImportArchive.open(job.archiveName(), archivePath, inspector)) {
                List<ImportArchive.Item> plan = archive.plan();
                tx.executeWithoutResult(s -> jobs.planned(id, plan.size(), OffsetDateTime.now(clock)));
                UserId author = access.editor(job.unitId()).user().orElseThrow();
                int end = (int) Math.min(plan.size(), (long) job.done() + maxEntries);
                Deque<Pending> ahead = new ArrayDeque<>();
                try {
                    int next = job.done();
                    long aheadBytes = 0;
                    for (int seq = job.done(); seq < end; seq++) {
                        while (next < end && (next <= seq || ahead.size() < LOOK_AHEAD
                                && aheadBytes < LOOK_AHEAD_BYTES)) {
                            if (plan.get(next).verdict() == null) {
                                Pending pending = prepare(archive, plan.get(next));
                                ahead.addLast(pending);
                                aheadBytes += pending.bytes();
                            }
                            next++;
                        }
                        ImportArchive.Item item = plan.get(seq);
                        if (item.verdict() != null) {
                            int judged = seq;
                            tx.executeWithoutResult(s -> jobs.addVerdict(id, item.verdict().numbered(judged), false));
                            continue;
                        }
                        Pending pending = ahead.removeFirst();
                        aheadBytes -= pending.bytes();
                        judge(job, author, item, seq, prepared(pending));
                    }
                } finally {
                    ahead.forEach(p -> p.prepared().cancel(true));
                }
                if (end == plan.size()) {
                    finish(job, ImportJob.State.DONE, null, null);
                }
            }
        } catch (DomainException e) {
            finish(job, ImportJob.State.FAILED, e.messageKey(), List.of(e.args()));
        } catch (AccessDeniedException e) {
            finish(job, ImportJob.State.FAILED, "import.error.noLongerEditor", List.of());
        } catch (IOException | RuntimeException e) {
            LOG.warn("import #{} failed", id, e);
            finish(job, ImportJob.State.FAILED, "import.error.failed", List.of());
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** A file read from the archive, with its inspection under way on another thread. */
    private record Pending(long bytes, Future<Prepared> prepared) {
    }

    /** A file's bytes and what the inspector found, or why it refused the file. */
    private record Prepared(byte[] content, FileInspector.Inspected file, DomainException refusal) {
    }

    /** Reads on this thread (the archive's inflation budget is one count) and inspects on the look-ahead pool. */
    private Pending prepare(ImportArchive archive, ImportArchive.Item item) {
        byte[] content;
        try {
            content = archive.read(item);
        } catch (DomainException e) {
            return new Pending(0, CompletableFuture.completedFuture(new Prepared(null, null, e)));
        }
        return new Pending(content.length, inspecting.submit(() -> {
            try {
                FileInspector.Inspected file = inspector.inspect(item.name(), content);
                // Stored ahead, so that its sync to disk overlaps the database work: the store is addressed by
                // content, a second put of it is nothing, and a file the register refuses later stays unreferenced.
                files.put(file.sha256(), content);
                return new Prepared(content, file, null);
            } catch (DomainException e) {
                return new Prepared(content, null, e);
            }
        }));
    }

    private static Prepared prepared(Pending pending) {
        try {
            return pending.prepared().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Writes the file's document and revision with its verdict, or the verdict alone when it was refused. */
    private void judge(ImportJob job, UserId author, ImportArchive.Item item, int seq, Prepared prepared) {
        String shown = ImportArchive.shown(item.path());
        try {
            if (prepared.refusal() != null) {
                throw prepared.refusal();
            }
            tx.executeWithoutResult(s -> {
                ImportVerdict done = documentImport.importFile(job.unitId(), author, job.id(), shown, item.entry(),
                        prepared.file(), prepared.content());
                boolean awaiting = done.outcome() == Outcome.IMPORTED && item.entry().effectiveOn() != null;
                jobs.addVerdict(job.id(), done.numbered(seq), awaiting);
            });
        } catch (DomainException e) {
            tx.executeWithoutResult(s -> jobs.addVerdict(job.id(), ImportVerdict.of(shown, item.entry().code(),
                    Outcome.REFUSED, e.messageKey(), e.args()).numbered(seq), false));
        }
    }

    private void finish(ImportJob job, ImportJob.State state, String errorKey, List<Object> errorArgs) {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            // The user who started it could not be signed in again (removed since): the system closes the job.
            SystemAuthentication.runAsSystem(() -> finish(job, state, errorKey, errorArgs));
            return;
        }
        tx.executeWithoutResult(s -> {
            jobs.finish(job.id(), state, errorKey, errorArgs, OffsetDateTime.now(clock));
            ImportJob done = jobs.find(job.id()).orElseThrow();
            trail.record(state == ImportJob.State.DONE ? "DOCUMENTS_IMPORTED" : "IMPORT_FAILED",
                    DocumentRegister.TARGET, null, job.unitId(), "#" + job.id() + " · " + done.imported()
                            + " imported, " + done.skipped() + " skipped, " + done.refused() + " refused");
            String link = ImportJobs.JOB_ROUTE + "/" + job.id();
            inbox.post(Set.of(jobs.starter(job.id())), state == ImportJob.State.DONE ? "notice.importFinished"
                    : "notice.importFailed", List.of(done.archiveName(), String.valueOf(done.imported()),
                            String.valueOf(done.skipped()), String.valueOf(done.refused())), link);
            if (done.awaitsConfirmation()) {
                inbox.post(users.holdersIn(job.unitId(), Role.UNIT_HEAD), "notice.importAwaiting",
                        List.of(done.archiveName(), String.valueOf(done.awaiting()), done.startedByName()), link);
            }
        });
        deleteArchive(job.id());
    }

    private void deleteArchive(ImportJobId id) {
        try {
            Files.deleteIfExists(folder.resolve("job-" + id.value() + ".zip"));
        } catch (IOException e) {
            LOG.warn("cannot delete the archive of import #{}", id, e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
        inspecting.shutdownNow();
    }
}
