package vn.eiso.demo;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SignedIn;

/**
 * The demo is made through the services as the people who would do the work, so it obeys the same rules as real
 * use; this signs them in one after another and restores whoever was signed in before.
 */
@Component
class DemoPeople {

    private final UserDetailsService userDetails;

    DemoPeople(UserDetailsService userDetails) {
        this.userDetails = userDetails;
    }

    EisoPrincipal signIn(String username) {
        UserDetails user = userDetails.loadUserByUsername(username);
        SignedIn.as(user);
        return (EisoPrincipal) user;
    }

    void acting(Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
