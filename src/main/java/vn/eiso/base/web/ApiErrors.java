package vn.eiso.base.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;

/** How every API refusal looks: a status and the message key (with its arguments) the UI would show. */
@RestControllerAdvice
class ApiErrors {

    private final FileLimits limits;

    ApiErrors(FileLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> refused(DomainException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.messageKey(), "args", e.args()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> malformed(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "error.api.parameter", "args",
                new Object[] {e.getName()}));
    }

    /** A file beyond {@code eiso.files.*} (the multipart limit follows it): the same key the screens show. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Map.of("error", "import.error.tooLarge",
                "args", new Object[] {FileLimits.megabytes(limits.maxArchiveBytes())}));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "error.accessDenied"));
    }
}
