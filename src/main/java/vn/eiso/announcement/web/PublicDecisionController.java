package vn.eiso.announcement.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.eiso.announcement.Announcements;
import vn.eiso.base.DomainException;

/**
 * The announcement decisions for anyone, without login, at a stable address the province portal can link to.
 * It serves the decision file and nothing else.
 */
@RestController
class PublicDecisionController {

    private final Announcements announcements;

    PublicDecisionController(Announcements announcements) {
        this.announcements = announcements;
    }

    @GetMapping("/public/announcements/{id}/decision")
    ResponseEntity<byte[]> decision(@PathVariable long id) {
        Announcements.DownloadedFile file = announcements.publicFile(id);
        ContentDisposition disposition = ContentDisposition.inline().filename(file.name(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
    }
}
