package vn.eiso.audittrail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;

/**
 * The append-only record of who did what. Writers call {@link #record} inside their own transaction, so an
 * entry exists exactly when the change it describes was committed. Every entry is also published as an
 * {@link AuditRecorded} event, which is how other features (the search index) learn of every state change.
 */
@Service
public class AuditTrail {

    private static final int MAX_DETAILS = 4000;

    private final JooqAuditRepository repository;
    private final AccessGuard guard;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AuditTrail(JooqAuditRepository repository, AccessGuard guard, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.guard = guard;
        this.clock = clock;
        this.events = events;
    }

    /** Records an action of the current caller. Joins the caller's transaction. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String targetType, Object targetId, UnitId unit, String details) {
        recordAs(guard.actorName(), action, targetType, targetId, unit, details);
    }

    /** Records an action of a named actor who is not (yet) signed in, such as a failed login. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, String action, String targetType, Object targetId, UnitId unit,
            String details) {
        String clipped = details == null || details.length() <= MAX_DETAILS ? details
                : details.substring(0, MAX_DETAILS);
        String target = targetId == null ? null : clip(targetId.toString(), 64);
        repository.insert(OffsetDateTime.now(clock), clip(actor, 64), action, targetType, target, unit, clipped);
        // Listeners run in this transaction: what they write commits or rolls back with the change itself.
        events.publishEvent(new AuditRecorded(action, targetType, target, unit));
    }

    /**
     * When the action was recorded against the target since the instant, oldest first: for the limits that are
     * counted in the trail itself (wrong signatures), with no second copy to keep in step.
     */
    @Transactional(readOnly = true)
    public List<OffsetDateTime> timesSince(String action, String targetType, Object targetId, OffsetDateTime since) {
        return repository.timesSince(action, targetType, targetId.toString(), since);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        guard.requireAdministrator();
        validate(filter);
        return repository.find(filter, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(AuditFilter filter) {
        guard.requireAdministrator();
        validate(filter);
        return repository.count(filter);
    }

    /** The distinct actions recorded so far, for the viewer's filter. */
    @Transactional(readOnly = true)
    public List<String> actions() {
        guard.requireAdministrator();
        return repository.actions();
    }

    private static void validate(AuditFilter filter) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new DomainException("error.dateRange");
        }
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
