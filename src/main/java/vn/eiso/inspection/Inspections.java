package vn.eiso.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Inputs;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.nonconformity.NcReport;
import vn.eiso.nonconformity.Nonconformities;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.nonconformity.NonconformityId;
import vn.eiso.organisation.Unit;
import vn.eiso.organisation.UnitService;

/**
 * The science department's inspections (kiểm tra): planned for a unit, findings recorded during the visit, each
 * finding a nonconformity of that unit (source "inspection") which the unit then handles like any other; closed
 * with a conclusion. The department sees every inspection; a unit sees its own.
 */
@Service
public class Inspections {

    public static final String TARGET = "INSPECTION";

    private final JooqInspectionRepository inspections;
    private final Nonconformities nonconformities;
    private final UnitService units;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    Inspections(JooqInspectionRepository inspections, Nonconformities nonconformities, UnitService units,
            AccessGuard guard, AuditTrail trail, Clock clock) {
        this.inspections = inspections;
        this.nonconformities = nonconformities;
        this.units = units;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    /** Every inspection in the province, newest first: the department's list. */
    @Transactional(readOnly = true)
    public List<Inspection> all() {
        guard.requireProvinceWide();
        return inspections.list(JooqInspectionRepository.all());
    }

    @Transactional(readOnly = true)
    public List<Inspection> ofUnit(UnitId unit) {
        guard.requireReadAccess(unit);
        return inspections.list(JooqInspectionRepository.ofUnit(unit));
    }

    /** One inspection, for whoever may read the inspected unit (a search hit opens it). */
    @Transactional(readOnly = true)
    public Inspection get(long inspection) {
        Inspection found = existing(inspection);
        guard.requireReadAccess(found.unitId());
        return found;
    }

    @Transactional(readOnly = true)
    public List<Finding> findings(long inspection) {
        guard.requireReadAccess(existing(inspection).unitId());
        return inspections.findings(inspection);
    }

    @Transactional(readOnly = true)
    public boolean canInspect() {
        return guard.caller().isProvinceWide();
    }

    @Transactional
    public Inspection plan(UnitId unit, LocalDate on, String purpose, String inspectors) {
        Caller caller = guard.requireProvinceWide();
        if (unit == null) {
            throw new DomainException("error.inspection.unitRequired");
        }
        Unit inspected = units.get(unit);
        if (!inspected.isActive()) {
            throw new DomainException("error.merge.archived", inspected.name());
        }
        if (on == null) {
            throw new DomainException("error.inspection.dateRequired");
        }
        String why = Inputs.required(purpose, 1000, "error.inspection.purposeRequired");
        String who = inspectors == null || inspectors.isBlank() ? null : inspectors.strip();
        if (who != null && who.length() > 1000) {
            throw new DomainException("error.tooLong", 1000);
        }
        long id = inspections.insert(unit, on, why, who, caller.user().orElseThrow(), now());
        trail.record("INSPECTION_PLANNED", TARGET, id, unit, on + " · " + why);
        return existing(id);
    }

    /** Records a finding of an open inspection; it opens a nonconformity in the inspected unit. */
    @Transactional
    public NonconformityId addFinding(long inspection, String description, String clause) {
        guard.requireProvinceWide();
        Inspection open = inspections.lock(inspection)
                .orElseThrow(() -> new DomainException("error.inspection.notFound"));
        if (open.status() != Inspection.Status.PLANNED) {
            throw new DomainException("error.inspection.closed");
        }
        String text = Inputs.required(description, 4000, "error.inspection.findingRequired");
        NonconformityId nc = nonconformities.report(new NcReport(open.unitId(), Nonconformity.Source.INSPECTION,
                text, null, clause == null || clause.isBlank() ? null : clause.strip()), Map.of());
        inspections.insertFinding(inspection, nc, text, now());
        trail.record("INSPECTION_FINDING", TARGET, inspection, open.unitId(), nc.label());
        return nc;
    }

    @Transactional
    public Inspection close(long inspection, int version, String conclusion) {
        guard.requireProvinceWide();
        Inspection open = existing(inspection);
        String text = Inputs.required(conclusion, 4000, "error.inspection.conclusionRequired");
        if (open.status() != Inspection.Status.PLANNED) {
            throw new DomainException("error.inspection.closed");
        }
        if (!inspections.close(inspection, version, text, now())) {
            throw new ConcurrentEditException();
        }
        trail.record("INSPECTION_CLOSED", TARGET, inspection, open.unitId(), open.findings() + "");
        return existing(inspection);
    }

    private Inspection existing(long id) {
        return inspections.find(id).orElseThrow(() -> new DomainException("error.inspection.notFound"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
