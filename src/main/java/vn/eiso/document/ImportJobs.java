package vn.eiso.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileNames;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.inbox.Inbox;
import vn.eiso.organisation.UserService;

/**
 * The bulk import of a unit's existing documents, as jobs: the screen, the HTTP API and the command line hand
 * over an archive on disk, get a job at once, and follow its progress while {@link ImportRunner} works through it
 * in the background. The revisions it brings that were in force on paper count as in force only once the unit
 * head has confirmed the batch with the password re-entered (clause 7.5's approval, not bypassed by an import).
 */
@Service
public class ImportJobs {

    public static final String ROUTE = "documents/imports";
    /** One job's page: its progress, its verdicts, and the head's confirmation. */
    public static final String JOB_ROUTE = "documents/import";

    private final JooqImportJobRepository jobs;
    private final JooqRevisionRepository revisions;
    private final JooqDocumentRepository documents;
    private final DocumentAccess access;
    private final FileInspector inspector;
    private final ImportRunner runner;
    private final UserService users;
    private final AuditTrail trail;
    private final Inbox inbox;
    private final Clock clock;
    private final Path folder;

    ImportJobs(JooqImportJobRepository jobs, JooqRevisionRepository revisions, JooqDocumentRepository documents,
            DocumentAccess access, FileInspector inspector, ImportRunner runner, UserService users, AuditTrail trail,
            Inbox inbox, Clock clock, @Value("${eiso.data-dir}") Path dataDir) {
        this.jobs = jobs;
        this.revisions = revisions;
        this.documents = documents;
        this.access = access;
        this.inspector = inspector;
        this.runner = runner;
        this.users = users;
        this.trail = trail;
        this.clock = clock;
        this.inbox = inbox;
        this.folder = dataDir.resolve("imports");
    }

    /**
     * Starts importing an archive into a unit, taking over the file at {@code upload} (it is moved, or deleted
     * when refused). An archive over a limit, or not a ZIP, is refused at once with the limit named; everything
     * else is judged file by file in the job.
     */
    public ImportJob start(UnitId unit, Path upload, String archiveName, ImportJob.Channel channel) {
        try {
            Caller caller = access.editor(unit);
            UserId user = caller.user().orElseThrow(() -> new DomainException("error.revision.needsUser"));
            String name = archiveName == null || archiveName.isBlank() ? "import.zip"
                    : ImportArchive.shown(FileNames.clean(archiveName));
            try (ImportArchive archive = ImportArchive.open(name, upload, inspector)) {
                // Opening reads the central directory: limits and the ZIP shape are refused here, before a job.
                archive.name();
            }
            ImportJobId id = jobs.insert(unit, user, channel, name, Files.size(upload), OffsetDateTime.now(clock));
            Files.createDirectories(folder);
            Files.move(upload, archive(id), StandardCopyOption.REPLACE_EXISTING);
            trail.record("IMPORT_STARTED", DocumentRegister.TARGET, null, unit, "#" + id + " · " + name);
            runner.submit(id);
            return jobs.find(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(upload);
        }
    }

    /** The job, for the editors of its unit. */
    @Transactional(readOnly = true)
    public ImportJob get(ImportJobId id) {
        ImportJob job = jobs.find(id).orElseThrow(() -> new DomainException("import.error.jobNotFound"));
        if (!access.anyone().canEdit(job.unitId())) {
            throw new DomainException("import.error.jobNotFound");
        }
        return job;
    }

    /** Every entry's verdict so far, in order. */
    @Transactional(readOnly = true)
    public List<ImportVerdict> verdicts(ImportJobId id) {
        get(id);
        return jobs.verdicts(id);
    }

    /** The unit's latest imports, newest first. */
    @Transactional(readOnly = true)
    public List<ImportJob> ofUnit(UnitId unit) {
        access.editor(unit);
        return jobs.ofUnit(unit, 50);
    }

    /** Finished batches that wait for the caller, as head of the unit, to confirm them. */
    @Transactional(readOnly = true)
    public List<ImportJob> awaitingMyConfirmation(UnitId unit) {
        if (!access.anyone().hasRoleIn(unit, Role.UNIT_HEAD)) {
            return List.of();
        }
        return jobs.awaitingConfirmation(unit);
    }

    /** Whether the caller may confirm batches of this unit (its head). */
    public boolean canConfirm(UnitId unit) {
        return access.anyone().hasRoleIn(unit, Role.UNIT_HEAD);
    }

    /**
     * The unit head confirms a finished batch: each imported revision takes effect from its own date, earlier ones
     * of a history end where the next begins, the latest stays in force. Signed with the password re-entered.
     */
    @Transactional
    public ImportJob confirm(ImportJobId id, String password) {
        ImportJob job = get(id);
        Caller caller = access.approver(job.unitId());
        if (!job.awaitsConfirmation()) {
            throw new DomainException("import.error.nothingToConfirm");
        }
        users.verifySignature(password, "IMPORT_CONFIRMED #" + id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!jobs.confirm(id, caller.user().orElseThrow(), now)) {
            throw new ConcurrentEditException();
        }
        Map<DocumentId, List<Revision>> byDocument = new LinkedHashMap<>();
        revisions.awaitingConfirmation(id).forEach(r -> byDocument.computeIfAbsent(r.documentId(),
                d -> new ArrayList<>()).add(r));
        byDocument.forEach((documentId, history) -> takeEffect(job, documentId, history, now));
        trail.record("IMPORT_CONFIRMED", DocumentRegister.TARGET, null, job.unitId(),
                "#" + id + " · " + byDocument.size() + " documents · " + history(byDocument) + " revisions");
        ImportJob confirmed = jobs.find(id).orElseThrow();
        inbox.post(Set.of(jobs.starter(id)), "notice.importConfirmed", List.of(job.archiveName(),
                confirmed.confirmedByName(), String.valueOf(history(byDocument))), JOB_ROUTE + "/" + id);
        return confirmed;
    }

    private void takeEffect(ImportJob job, DocumentId documentId, List<Revision> history, OffsetDateTime now) {
        Document document = documents.find(documentId).orElseThrow();
        RevisionId current = document.effectiveRevisionId();
        Revision last = null;
        for (Revision revision : history) {
            OffsetDateTime from = revision.effectiveOn().atStartOfDay(clock.getZone()).toOffsetDateTime();
            if (current != null) {
                revisions.markEnded(current, RevisionStatus.SUPERSEDED, from);
            }
            revisions.markImportedEffective(revision.id(), documentId, from);
            current = revision.id();
            last = revision;
        }
        documents.setState(documentId, DocumentStatus.EFFECTIVE, current,
                last.effectiveOn().plusMonths(document.reviewPeriodMonths()), now);
        trail.record("DOCUMENT_IMPORT_CONFIRMED", DocumentRegister.TARGET, documentId, job.unitId(),
                document.code() + " lần " + last.number() + " · #" + job.id());
    }

    private static int history(Map<DocumentId, List<Revision>> byDocument) {
        return byDocument.values().stream().mapToInt(List::size).sum();
    }

    /** Waits until the job has finished or the time is up, and returns it as it then stands. */
    public ImportJob await(ImportJobId id, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        ImportJob job = get(id);
        while (!job.state().isFinished() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
            job = get(id);
        }
        return job;
    }

    Path archive(ImportJobId id) {
        return folder.resolve("job-" + id.value() + ".zip");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary upload left behind is cleaned by the system's temporary folder, not worth a refusal.
        }
    }
}
