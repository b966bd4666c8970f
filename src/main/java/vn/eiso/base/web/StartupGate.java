package vn.eiso.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.eiso.base.Texts;

/**
 * No sign-in and no API call before the application is ready: the web server answers while migrations, the demo
 * load and the search index's catch-up may still run, and a user let in then would find documents missing from
 * search. Readiness is the same one the management port reports ({@code /actuator/health/readiness}); once ready,
 * the gate stays open for the life of the process.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StartupGate extends OncePerRequestFilter {

    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String STARTING = "error.starting";

    private final ApplicationAvailability availability;
    private final ObjectProvider<HealthEndpoint> health;
    private volatile boolean open;

    StartupGate(ApplicationAvailability availability, ObjectProvider<HealthEndpoint> health) {
        this.availability = availability;
        this.health = health;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (open) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean signIn = "POST".equals(request.getMethod()) && "/login".equals(path);
        return !signIn && !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().contains("/api/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"" + STARTING + "\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write(Texts.of("vi").get(STARTING) + "\n" + Texts.of("en").get(STARTING) + "\n");
        }
    }

    private boolean ready() {
        if (!open && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            HealthEndpoint endpoint = health.getIfAvailable();
            var readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
            open = readiness == null || Status.UP.equals(readiness.getStatus());
        }
        return open;
    }
}
