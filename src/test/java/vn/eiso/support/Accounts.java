package vn.eiso.support;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.security.SignedIn;

/** Signs a demo account in for a service-level test, as the login would, without the password check. */
public final class Accounts {

    /** The password of every demo account (see README). */
    public static final String DEMO_PASSWORD = "demo1234";

    private Accounts() {
    }

    public static void signIn(UserDetailsService users, String username) {
        SignedIn.as(users.loadUserByUsername(username));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
