package vn.eiso.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SignedIn;

/** Signs a demo account in for a service-level test, as the login would, without the password check. */
public final class Accounts {

    /** The password of every demo account (see README). */
    public static final String DEMO_PASSWORD = "dung-thu-demo";

    private Accounts() {
    }

    /** Signs the demo account in for service calls and returns it (its user id for the calls that need one). */
    public static EisoPrincipal signIn(UserDetailsService users, String username) {
        UserDetails user = users.loadUserByUsername(username);
        SignedIn.as(user);
        return (EisoPrincipal) user;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
