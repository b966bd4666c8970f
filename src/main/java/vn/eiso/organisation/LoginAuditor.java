package vn.eiso.organisation;

import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.security.BasicApiCall;
import vn.eiso.base.security.EisoPrincipal;
import vn.eiso.base.security.SignInThrottledException;

/**
 * Writes logins and failed logins to the audit trail. Counting failures is the {@link SignInThrottle}'s work, which
 * also records the attempts it turns away (THROTTLED).
 */
@Component
class LoginAuditor {

    private final AuditTrail trail;

    LoginAuditor(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof EisoPrincipal principal) {
            // An API call by HTTP Basic is no sign-in: BasicApiAuditor records it once a day.
            if (!(event.getAuthentication().getDetails() instanceof BasicApiCall)) {
                trail.recordAs(principal.getUsername(), "LOGIN", UserService.TARGET, principal.userId(), null, null);
            }
        }
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof SignInThrottledException) {
            return;
        }
        String username = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase(Locale.ROOT);
        String reason = event.getException().getClass().getSimpleName();
        trail.recordAs(username.isEmpty() ? "?" : username, "LOGIN_FAILED", UserService.TARGET, null, null, reason);
    }
}
