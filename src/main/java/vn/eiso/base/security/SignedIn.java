package vn.eiso.base.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Puts an already identified user in the security context outside a login (the command-line import, the demo
 * data, tests), so that the same service checks apply to them as to a user at the screen.
 */
public final class SignedIn {

    private SignedIn() {
    }

    /** Signs the user in on this thread and returns the context that was there before, to restore later. */
    public static SecurityContext as(UserDetails user) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return previous;
    }
}
