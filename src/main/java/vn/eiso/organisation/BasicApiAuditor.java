package vn.eiso.organisation;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.security.BasicApiCall;
import vn.eiso.base.security.EisoPrincipal;

/**
 * HTTP Basic on the API authenticates every call; the trail gets one line per user and day that the user called
 * the API this way (API_BASIC_USED), not a login line per call. The IP address of that first call goes with it.
 */
@Component
class BasicApiAuditor {

    private final JooqApiTokenRepository credentials;
    private final AuditTrail trail;
    private final Clock clock;

    BasicApiAuditor(JooqApiTokenRepository credentials, AuditTrail trail, Clock clock) {
        this.credentials = credentials;
        this.trail = trail;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof BasicApiCall call
                && event.getAuthentication().getPrincipal() instanceof EisoPrincipal principal) {
            OffsetDateTime startOfDay = DailyUse.startOfToday(clock);
            if (credentials.markBasicUsed(principal.userId(), OffsetDateTime.now(clock), startOfDay)) {
                trail.recordAs(principal.getUsername(), "API_BASIC_USED", UserService.TARGET, principal.userId(),
                        null, call.getRemoteAddress());
            }
        }
    }
}
