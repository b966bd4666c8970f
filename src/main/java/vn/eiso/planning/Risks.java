package vn.eiso.planning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.organisation.UserService;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityId;

/** The risks and opportunities register (ISO 9001 6.1), kept by the quality officer and the head. */
@Service
public class Risks {

    public static final String TARGET = "RISK";

    private final JooqPlanningRepository repository;
    private final Nonconformities nonconformities;
    private final UserService users;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    Risks(JooqPlanningRepository repository, Nonconformities nonconformities, UserService users, AccessGuard guard,
            AuditTrail trail, Clock clock) {
        this.repository = repository;
        this.nonconformities = nonconformities;
        this.users = users;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Risk> ofUnit(UnitId unit) {
        guard.requireReadAccess(unit);
        return repository.risks(unit);
    }

    @Transactional
    public Risk create(UnitId unit, RiskData input) {
        guard.requireEditor(unit);
        RiskData data = validated(unit, input);
        RiskId id = repository.insertRisk(unit, data, OffsetDateTime.now(clock));
        trail.record("RISK_CREATED", TARGET, id, unit, data.kind() + " " + data.title());
        return repository.risk(id).orElseThrow();
    }

    /** One entry, for whoever may read its unit (a search hit opens it). */
    @Transactional(readOnly = true)
    public Risk get(RiskId id) {
        Risk risk = repository.risk(id).orElseThrow(() -> new DomainException("error.risk.notFound"));
        guard.requireReadAccess(risk.unitId());
        return risk;
    }

    /** Updates the entry, for instance after a nonconformity showed the risk was underrated. */
    @Transactional
    public Risk update(RiskId id, int version, RiskData input) {
        Risk risk = repository.risk(id).orElseThrow(() -> new DomainException("error.risk.notFound"));
        guard.requireEditor(risk.unitId());
        RiskData data = validated(risk.unitId(), input);
        if (!repository.updateRisk(id, version, data, OffsetDateTime.now(clock))) {
            throw new ConcurrentEditException();
        }
        trail.record("RISK_UPDATED", TARGET, id, risk.unitId(), data.title() + " · " + data.likelihood() + "×"
                + data.impact() + (data.nonconformityId() == null ? "" : " · NC-" + data.nonconformityId()));
        return repository.risk(id).orElseThrow();
    }

    private RiskData validated(UnitId unit, RiskData d) {
        String title = Objectives.text(d.title(), 500, "error.risk.titleRequired");
        if (d.kind() == null || d.status() == null) {
            throw new DomainException("error.risk.incomplete");
        }
        if (d.likelihood() < 1 || d.likelihood() > 5 || d.impact() < 1 || d.impact() > 5) {
            throw new DomainException("error.risk.scale");
        }
        if (d.reviewOn() == null) {
            throw new DomainException("error.risk.reviewRequired");
        }
        if (d.owner() != null) {
            users.requireMember(unit, d.owner());
        }
        String process = blankToNull(d.process(), 500);
        String actions = blankToNull(d.actions(), 4000);
        Risk.Kind kind = d.kind();
        if (kind == Risk.Kind.RISK && d.likelihood() * d.impact() >= Risk.HIGH && actions == null) {
            throw new DomainException("error.risk.actionsRequired");
        }
        if (d.nonconformityId() != null) {
            Nonconformity nc = nonconformities.get(new NonconformityId(d.nonconformityId()));
            if (!nc.unitId().equals(unit)) {
                throw new DomainException("error.nc.notFound");
            }
        }
        return new RiskData(kind, title, process, d.likelihood(), d.impact(), actions, d.owner(), d.reviewOn(),
                d.status(), d.nonconformityId());
    }

    private static String blankToNull(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            throw new DomainException("error.tooLong", max);
        }
        return clean;
    }
}
