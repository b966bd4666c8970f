package vn.eiso.base.web;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;
import vn.eiso.base.Texts;

/**
 * How every API refusal looks: a status and the message key (with its arguments) the UI would show, and for a
 * refused input that message itself, in the language the request asks for (Vietnamese unless English).
 */
@RestControllerAdvice
class ApiErrors {

    private final FileLimits limits;

    ApiErrors(FileLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> refused(DomainException e, Locale locale) {
        return ResponseEntity.badRequest().body(body(e.messageKey(), e.args(), locale));
    }

    /** A body that is not JSON, or a field of the wrong kind (a word where a number belongs). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(Locale locale) {
        return ResponseEntity.badRequest().body(body("error.api.body", new Object[0], locale));
    }

    private static Map<String, Object> body(String key, Object[] args, Locale locale) {
        try {
            return Map.of("error", key, "args", args, "message", Texts.of(locale.getLanguage()).get(key, args));
        } catch (MissingResourceException e) {
            return Map.of("error", key, "args", args);
        }
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
