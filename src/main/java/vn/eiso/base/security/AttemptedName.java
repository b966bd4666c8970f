package vn.eiso.base.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the login page with the one generic message for every failure, and the user name
 * that was typed waits in the HTTP session for the login page to fill in again. The session, not the address: a
 * user name in a URL ends up in access logs and the browser's history.
 */
public final class AttemptedName extends SimpleUrlAuthenticationFailureHandler {

    /** The session attribute the login page reads (and removes). */
    public static final String SESSION_ATTRIBUTE = AttemptedName.class.getName();
    /** Longer input is not a user name anyone has; it is not kept. */
    static final int MAX_LENGTH = 100;
    /** The query parameter that tells the login page how many seconds a throttled sign-in must wait. */
    public static final String WAIT_PARAMETER = "wait";

    private final String failureUrl;

    AttemptedName(String failureUrl) {
        super(failureUrl);
        this.failureUrl = failureUrl;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String name = request.getParameter("username");
        if (name != null && !name.isBlank() && name.strip().length() <= MAX_LENGTH) {
            request.getSession().setAttribute(SESSION_ATTRIBUTE, name.strip());
        }
        if (exception instanceof SignInThrottledException throttled) {
            // Still the one message for every failure, only with how long to wait before the next try.
            getRedirectStrategy().sendRedirect(request, response,
                    failureUrl + "&" + WAIT_PARAMETER + "=" + throttled.retryAfterSeconds());
            return;
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
