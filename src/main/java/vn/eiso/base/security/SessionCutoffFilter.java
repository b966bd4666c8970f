package vn.eiso.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.OptionalInt;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session on its first request after the account's rights changed (ADR 0020): the account was
 * disabled, its password reset by an administrator, or a membership ended, each of which moves the account's
 * session generation on. The check is one read of the account's row by its primary key on every request of the
 * screens' chain, so it holds across nodes without any shared memory.
 * <p>
 * A page or file request is sent to {@code /login?ended}. Vaadin's own requests (a click's round trip, the
 * heartbeat) are fetched by its client script, which does not follow a redirect to a page: they go on without the
 * session, and Vaadin answers them as it answers any expired session, upon which the client reloads the page and
 * meets the login. A fresh session carries {@link #ENDED} to the login page, which then says why; {@link #LOST}
 * when the session the browser named was gone.
 */
public final class SessionCutoffFilter extends OncePerRequestFilter {

    /** The session attribute that tells the login page the previous session was ended. */
    public static final String ENDED = SessionCutoffFilter.class.getName() + ".ENDED";
    /**
     * The session attribute that tells the login page the session the browser named was not there: it timed out,
     * or the node that held it stopped and the balancer sent the browser to another node (ADR 0023).
     */
    public static final String LOST = SessionCutoffFilter.class.getName() + ".LOST";
    /** The query parameter of the login page that says the same. */
    public static final String ENDED_PARAMETER = "ended";
    /** Vaadin marks its client's internal requests with this parameter ({@code v-r=uidl}, {@code heartbeat}). */
    private static final String VAADIN_REQUEST_TYPE = "v-r";

    private final SessionGenerations generations;
    private final String loginPath;

    SessionCutoffFilter(SessionGenerations generations, String loginPath) {
        this.generations = generations;
        this.loginPath = loginPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Asked per request, not kept: Vaadin installs its own strategy once the application has started.
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        Authentication auth = holder.getContext().getAuthentication();
        if (auth == null && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
            request.getSession(true).setAttribute(LOST, Boolean.TRUE);
        }
        if (auth == null || !(auth.getPrincipal() instanceof EisoPrincipal principal) || isCurrent(principal)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        holder.clearContext();
        request.getSession(true).setAttribute(ENDED, Boolean.TRUE);
        if (request.getParameter(VAADIN_REQUEST_TYPE) != null) {
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/" + loginPath + "?" + ENDED_PARAMETER);
    }

    private boolean isCurrent(EisoPrincipal principal) {
        OptionalInt current = generations.currentOf(principal.userId());
        return current.isPresent() && current.getAsInt() == principal.sessionGeneration();
    }
}
