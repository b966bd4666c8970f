package vn.eiso.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.security.BasicApiCall;
import vn.eiso.base.security.EisoPrincipal;

/**
 * Writes logins and failed logins to the audit trail and locks an account after too many failures in a row,
 * which throttles password guessing; the user only ever sees one generic message.
 */
@Component
class LoginAuditor {

    private final JooqUserRepository users;
    private final AuditTrail trail;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginAuditor(JooqUserRepository users, AuditTrail trail, Clock clock,
            @Value("${eiso.security.max-failed-logins}") int maxFailures,
            @Value("${eiso.security.lockout}") Duration lockout) {
        this.users = users;
        this.trail = trail;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof EisoPrincipal principal) {
            users.resetFailedLogins(principal.getUsername());
            // An API call by HTTP Basic is no sign-in: BasicApiAuditor records it once a day.
            if (!(event.getAuthentication().getDetails() instanceof BasicApiCall)) {
                trail.recordAs(principal.getUsername(), "LOGIN", UserService.TARGET, principal.userId(), null, null);
            }
        }
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).strip().toLowerCase(Locale.ROOT);
        String reason = event.getException().getClass().getSimpleName();
        if (users.findLogin(username).isPresent()) {
            users.recordFailedLogin(username, maxFailures, OffsetDateTime.now(clock).plus(lockout));
        }
        trail.recordAs(username.isEmpty() ? "?" : username, "LOGIN_FAILED", UserService.TARGET, null, null, reason);
    }
}
