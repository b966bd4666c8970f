package vn.eiso.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.Role;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UserId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;

/** The science department's province-wide pool of auditors, who may audit units other than their own. */
@Service
public class AuditorPool {

    private static final String TARGET = "USER";

    private final JooqAuditorRepository auditors;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    AuditorPool(JooqAuditorRepository auditors, AccessGuard guard, AuditTrail trail, Clock clock) {
        this.auditors = auditors;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Person> members() {
        requireManager();
        return auditors.pool();
    }

    /** Who may be put on an audit team: the pool and every holder of the internal-auditor role. */
    @Transactional(readOnly = true)
    public List<Person> eligible() {
        Caller caller = guard.caller();
        boolean planner = caller.grants().stream()
                .anyMatch(g -> g.role() == Role.QUALITY_OFFICER || g.role() == Role.UNIT_HEAD);
        if (!planner && !caller.isOversight() && !caller.isAdministrator()) {
            throw new AccessDeniedException("only those who plan audits choose auditors");
        }
        return auditors.eligible();
    }

    @Transactional(readOnly = true)
    public List<Person> candidates(String text) {
        requireManager();
        return auditors.candidates(text, 50);
    }

    @Transactional(readOnly = true)
    public boolean canManage() {
        Caller caller = guard.caller();
        return caller.isOversight() || caller.isAdministrator();
    }

    @Transactional
    public void add(UserId user) {
        requireManager();
        if (!auditors.addToPool(user, OffsetDateTime.now(clock))) {
            throw new DomainException("error.pool.already");
        }
        trail.record("AUDITOR_POOL_ADDED", TARGET, user, null, auditors.nameOf(user));
    }

    @Transactional
    public void remove(UserId user) {
        requireManager();
        if (!auditors.removeFromPool(user)) {
            throw new DomainException("error.pool.notMember");
        }
        trail.record("AUDITOR_POOL_REMOVED", TARGET, user, null, auditors.nameOf(user));
    }

    private void requireManager() {
        if (!canManage()) {
            throw new AccessDeniedException("only the science department manages the auditor pool");
        }
    }
}
