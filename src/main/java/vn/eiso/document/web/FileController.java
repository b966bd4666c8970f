package vn.eiso.document.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.eiso.base.DomainException;
import vn.eiso.document.Attachment;
import vn.eiso.document.AttachmentId;
import vn.eiso.document.DownloadableFile;
import vn.eiso.document.RevisionWorkflow;

/**
 * Downloads and PDF previews. The address holds only an id: whoever guesses one still passes the same check as
 * the view, and a file the caller may not see is "not found" rather than "forbidden".
 */
@RestController
class FileController {

    private final RevisionWorkflow workflow;

    FileController(RevisionWorkflow workflow) {
        this.workflow = workflow;
    }

    @GetMapping("/files/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
        DownloadableFile file = workflow.open(new AttachmentId(id));
        boolean preview = inline && Attachment.SHOWN_INLINE.contains(file.contentType());
        ContentDisposition disposition = (preview ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), StandardCharsets.UTF_8).build();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .contentType(MediaType.parseMediaType(file.contentType()));
        if (file.outdatedStatus() != null) {
            response.header("X-Eiso-Revision-Status", file.outdatedStatus().name());
        }
        return response.body(file.content());
    }

    @ExceptionHandler({DomainException.class, AccessDeniedException.class})
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
    }
}
