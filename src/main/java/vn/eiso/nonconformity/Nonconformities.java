package vn.eiso.nonconformity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;

/** The unit's nonconformity register: what was found wrong, where it came from, and where it stands. */
@Service
public class Nonconformities {

    public static final String TARGET = "NONCONFORMITY";

    private final JooqNonconformityRepository repository;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    Nonconformities(JooqNonconformityRepository repository, AccessGuard guard, AuditTrail trail, Clock clock) {
        this.repository = repository;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Opens a nonconformity for an audit finding, inside the sign-off's own transaction: a finding and its
     * nonconformity exist together or not at all. Only the lead auditor of a signed audit of that unit may.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public NonconformityId openFromFinding(NewFinding finding) {
        Caller caller = guard.caller();
        if (caller.user().filter(u -> repository.isFindingOfSignedAudit(finding.auditItemId(), finding.unitId(), u))
                .isEmpty()) {
            throw new AccessDeniedException("only the lead auditor's sign-off opens nonconformities for findings");
        }
        NonconformityId id = repository.insertFinding(finding, caller.user().orElseThrow(), OffsetDateTime.now(clock));
        trail.record("NC_OPENED", TARGET, id, finding.unitId(), finding.severity() + " " + finding.description());
        return id;
    }

    @Transactional(readOnly = true)
    public List<Nonconformity> ofUnit(UnitId unit, boolean openOnly) {
        guard.requireReadAccess(unit);
        return repository.ofUnit(unit, openOnly);
    }

    @Transactional(readOnly = true)
    public Nonconformity get(NonconformityId id) {
        Nonconformity nc = repository.find(id).orElseThrow(() -> new DomainException("error.nc.notFound"));
        guard.requireReadAccess(nc.unitId());
        return nc;
    }
}
