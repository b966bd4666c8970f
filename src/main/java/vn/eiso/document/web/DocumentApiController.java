package vn.eiso.document.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.eiso.document.ImportJob;
import vn.eiso.document.ImportJobId;
import vn.eiso.document.ImportJobs;
import vn.eiso.document.ImportVerdict;
import vn.eiso.organisation.UnitService;

/**
 * The bulk import over HTTP (HTTP Basic or a token), under the same rules as the screen: the upload is streamed to
 * a temporary file by the servlet (never held in memory), handed to a job, and answered with 202 and the job's
 * address; {@code GET /api/v1/imports/{id}} follows it, with every file's verdict once it is done.
 */
@RestController
class DocumentApiController {

    private final ImportJobs imports;
    private final UnitService units;
    private final Clock clock;

    DocumentApiController(ImportJobs imports, UnitService units, Clock clock) {
        this.imports = imports;
        this.units = units;
        this.clock = clock;
    }

    /** A job as the API shows it: its counts, the time left at the pace so far, the verdicts once finished. */
    record JobView(long id, String unit, String archive, String channel, String state, int total, int done,
            int imported, int skipped, int refused, int awaitingConfirmation, Long secondsLeft, String error,
            List<Object> errorArgs, OffsetDateTime createdAt, OffsetDateTime finishedAt, OffsetDateTime confirmedAt,
            List<VerdictView> files) {
    }

    record VerdictView(String file, String code, String outcome, String message, List<Object> args) {
    }

    @PostMapping("/api/v1/units/{unitCode}/documents/import")
    ResponseEntity<JobView> importZip(@PathVariable String unitCode, @RequestParam("file") MultipartFile file)
            throws IOException {
        var unit = units.byCode(unitCode).id();
        Path upload = Files.createTempFile("eiso-import-", ".zip");
        try {
            file.transferTo(upload);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(upload);
            throw e;
        }
        ImportJob job = imports.start(unit, upload, file.getOriginalFilename(), ImportJob.Channel.API);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(view(job, false));
    }

    /** The job; {@code wait=N} seconds (at most 60) waits for it to finish first. */
    @GetMapping("/api/v1/imports/{id}")
    JobView job(@PathVariable long id, @RequestParam(name = "wait", defaultValue = "0") int waitSeconds) {
        ImportJobId jobId = new ImportJobId(id);
        ImportJob job = waitSeconds > 0 ? imports.await(jobId, Duration.ofSeconds(Math.min(60, waitSeconds)))
                : imports.get(jobId);
        return view(job, job.state().isFinished());
    }

    private JobView view(ImportJob job, boolean withVerdicts) {
        Duration left = job.timeLeft(OffsetDateTime.now(clock));
        List<VerdictView> files = withVerdicts ? imports.verdicts(job.id()).stream().map(DocumentApiController::view)
                .toList() : null;
        return new JobView(job.id().value(), job.unitCode(), job.archiveName(), job.channel().name(),
                job.state().name(), job.total(), job.done(), job.imported(), job.skipped(), job.refused(),
                job.awaiting(), left == null ? null : left.toSeconds(), job.errorKey(), job.errorArgs(),
                job.createdAt(), job.finishedAt(), job.confirmedAt(), files);
    }

    private static VerdictView view(ImportVerdict v) {
        return new VerdictView(v.entryName(), v.code(), v.outcome().name(), v.messageKey(), v.args());
    }
}
