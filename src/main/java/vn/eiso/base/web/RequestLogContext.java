package vn.eiso.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.eiso.base.security.EisoPrincipal;

/**
 * Every log line written while a request runs names the request, the user and the unit, so an operator can follow
 * one user's action through the log. Users and units appear by id, never by name or e-mail (no personal data in
 * logs). A request id sent by the reverse proxy ({@code X-Request-Id}) is kept so both logs can be joined.
 * Runs after Spring Security, which is what knows the user.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class RequestLogContext extends OncePerRequestFilter {

    /** Where the screens keep the unit being worked in, as a plain session attribute this filter can read. */
    public static final String SESSION_UNIT = "eiso.log.unit";

    private static final Pattern API_UNIT = Pattern.compile("^/api/v\\d+/units/([^/]+)/");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader("X-Request-Id");
        // A header is client input: only a short, plain id is copied into the log, anything else is replaced.
        String requestId = offered != null && SAFE_ID.matcher(offered).matches() ? offered
                : UUID.randomUUID().toString().substring(0, 13);
        MDC.put("requestId", requestId);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof EisoPrincipal principal) {
            MDC.put("user", String.valueOf(principal.userId().value()));
        }
        String unit = unitOf(request);
        if (unit != null) {
            MDC.put("unit", unit);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("user");
            MDC.remove("unit");
        }
    }

    private static String unitOf(HttpServletRequest request) {
        Matcher api = API_UNIT.matcher(request.getRequestURI());
        if (api.find() && SAFE_ID.matcher(api.group(1)).matches()) {
            return api.group(1);
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_UNIT) instanceof Long unit ? unit.toString() : null;
    }
}
