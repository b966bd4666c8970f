package vn.eiso.base.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long the server takes to answer a click or a keystroke on a screen: Vaadin sends each interaction as one
 * UIDL request ({@code v-r=uidl}), which the generic HTTP metric cannot tell apart from page loads and files.
 */
@Component
class UiInteractionTimer extends OncePerRequestFilter {

    private final Timer interactions;

    UiInteractionTimer(MeterRegistry metrics) {
        this.interactions = Timer.builder("eiso.ui.interactions")
                .description("Server time of screen interactions (Vaadin UIDL requests)")
                .publishPercentileHistogram().register(metrics);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The query string, not getParameter: that would read a form or an upload's body before Vaadin does.
        String query = request.getQueryString();
        return query == null || !("&" + query + "&").contains("&v-r=uidl&");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start();
        try {
            chain.doFilter(request, response);
        } finally {
            sample.stop(interactions);
        }
    }
}
