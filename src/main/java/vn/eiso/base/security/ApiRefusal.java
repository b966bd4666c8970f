package vn.eiso.base.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.eiso.base.Texts;

/**
 * A refusal written by a filter of the API chain, before any controller: the same JSON as the API's other
 * refusals (the message key, and the message in the language the request asks for).
 */
final class ApiRefusal {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiRefusal() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, int status, String key)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // Vietnamese unless the request asks for English, as ApiErrors answers.
        String language = request.getHeader("Accept-Language") == null ? "vi" : request.getLocale().getLanguage();
        JSON.writeValue(response.getOutputStream(), Map.of("error", key, "message", Texts.of(language).get(key)));
    }

    /** GET, HEAD and OPTIONS change nothing; everything else is a write. */
    static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }
}
