package vn.eiso.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.onestop.DossierFiguresStored;
import vn.eiso.onestop.DossierStatistics;
import vn.eiso.onestop.MonthFigures;
import vn.eiso.organisation.UserService;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;

/**
 * Quality objectives (ISO 9001 6.2): the quality officer or head sets them; the objective's owner, the quality
 * officer or the head enters measurements over time. Readers of the unit see them and their results.
 */
@Service
public class Objectives {

    public static final String TARGET = "OBJECTIVE";
    private static final String ONE_STOP = "ONE_STOP";
    /** Kept with the measurement in the language of the records: one-stop figures, on time of resolved. */
    private static final String ONE_STOP_NOTE = "Số liệu một cửa: %d/%d hồ sơ đúng hạn";

    private final JooqPlanningRepository repository;
    private final UserService users;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;
    private final DossierStatistics dossiers;

    Objectives(JooqPlanningRepository repository, UserService users, AccessGuard guard, AuditTrail trail,
            Clock clock, DossierStatistics dossiers) {
        this.dossiers = dossiers;
        this.repository = repository;
        this.users = users;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Objective> ofUnit(UnitId unit) {
        guard.requireReadAccess(unit);
        return repository.objectives(unit);
    }

    @Transactional(readOnly = true)
    public List<Measurement> measurements(ObjectiveId id) {
        get(id);
        return repository.measurements(id);
    }

    @Transactional(readOnly = true)
    public boolean canManage(UnitId unit) {
        Caller caller = guard.requireReadAccess(unit);
        return caller.canEdit(unit);
    }

    @Transactional
    public Objective create(UnitId unit, ObjectiveData input) {
        guard.requireEditor(unit);
        ObjectiveData data = validated(unit, input);
        ObjectiveId id = repository.insertObjective(unit, data);
        trail.record("OBJECTIVE_CREATED", TARGET, id, unit, data.title());
        return repository.objective(id).orElseThrow();
    }

    @Transactional
    public Objective update(ObjectiveId id, int version, ObjectiveData input, boolean active) {
        Objective objective = get(id);
        guard.requireEditor(objective.unitId());
        ObjectiveData data = validated(objective.unitId(), input);
        if (!repository.updateObjective(id, version, data, active)) {
            throw new ConcurrentEditException();
        }
        trail.record("OBJECTIVE_UPDATED", TARGET, id, objective.unitId(), data.title() + (active ? "" : " (-)"));
        return repository.objective(id).orElseThrow();
    }

    /**
     * Records a measured value typed by a person: "95,5" and "95.5" both mean ninety-five and a half (Vietnamese
     * writes a decimal comma); anything else that is not a number is refused.
     */
    @Transactional
    public Objective measure(ObjectiveId id, LocalDate on, String value, String note) {
        Objective objective = get(id);
        Caller caller = guard.caller();
        boolean owner = caller.user().map(objective.ownerId()::equals).orElse(false);
        if (!owner) {
            guard.requireEditor(objective.unitId());
        }
        if (!objective.active()) {
            throw new DomainException("error.objective.inactive");
        }
        if (objective.isBound()) {
            throw new DomainException("error.objective.bound");
        }
        if (on == null) {
            throw new DomainException("error.objective.dateRequired");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw new DomainException("error.objective.future");
        }
        BigDecimal number = parse(value);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 1000) {
            throw new DomainException("error.tooLong", 1000);
        }
        repository.insertMeasurement(id, on, number, cleanNote, caller.user().orElseThrow(), OffsetDateTime.now(clock),
                null);
        trail.record("MEASUREMENT_RECORDED", TARGET, id, objective.unitId(), on + ": " + number.toPlainString());
        return repository.objective(id).orElseThrow();
    }

    /**
     * Binds the objective to the on-time rate of the unit's one-stop dossiers (of one field of the catalogue, or
     * all with a blank field), or with {@code bound} false unbinds it: its measurements from the figures go, those
     * typed before stay. The quality officer or the head decides.
     */
    @Transactional
    public Objective bindToOneStop(ObjectiveId id, boolean bound, String field) {
        Objective objective = get(id);
        guard.requireEditor(objective.unitId());
        String cleanField = field == null || field.isBlank() ? null : field.strip();
        if (cleanField != null && cleanField.length() > 255) {
            throw new DomainException("error.tooLong", 255);
        }
        repository.bind(id, bound ? ONE_STOP : null, bound ? cleanField : null);
        repository.deleteMeasurements(id, ONE_STOP);
        Objective now = repository.objective(id).orElseThrow();
        if (bound) {
            fill(now);
        }
        trail.record(bound ? "OBJECTIVE_BOUND" : "OBJECTIVE_UNBOUND", TARGET, id, objective.unitId(), cleanField);
        return repository.objective(id).orElseThrow();
    }

    /** New one-stop figures refill the measurements of the objectives bound to them. */
    @EventListener
    void onFiguresStored(DossierFiguresStored event) {
        for (Objective objective : repository.boundObjectives(event.units())) {
            repository.deleteMeasurements(objective.id(), ONE_STOP);
            fill(objective);
        }
    }

    /** One measurement per month with figures, on the month's last day, entered in the owner's name. */
    private void fill(Objective objective) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (MonthFigures month : dossiers.monthly(objective.unitId(), objective.binding().field())) {
            if (month.onTime() + month.late() == 0) {
                continue;
            }
            repository.insertMeasurement(objective.id(), month.month().atEndOfMonth(),
                    BigDecimal.valueOf(month.onTimeRate()), ONE_STOP_NOTE.formatted(month.onTime(),
                            month.onTime() + month.late()), objective.ownerId(), now, ONE_STOP);
        }
    }

    static BigDecimal parse(String value) {
        String clean = value == null ? "" : value.strip().replace(" ", "");
        if (clean.matches("-?\\d{1,10}([.,]\\d{1,4})?")) {
            return new BigDecimal(clean.replace(',', '.'));
        }
        throw new DomainException("error.objective.notNumber", value == null ? "" : value.strip());
    }

    /** One objective, for whoever may read its unit (a search hit opens it). */
    @Transactional(readOnly = true)
    public Objective get(ObjectiveId id) {
        Objective objective = repository.objective(id).orElseThrow(() -> new DomainException("error.objective.notFound"));
        guard.requireReadAccess(objective.unitId());
        return objective;
    }

    private ObjectiveData validated(UnitId unit, ObjectiveData d) {
        String title = text(d.title(), 500, "error.objective.titleRequired");
        String indicator = text(d.indicator(), 500, "error.objective.indicatorRequired");
        if (d.target() == null) {
            throw new DomainException("error.objective.targetRequired");
        }
        if (d.direction() == null || d.frequency() == null || d.owner() == null) {
            throw new DomainException("error.objective.incomplete");
        }
        users.requireMember(unit, d.owner());
        String measureUnit = d.measureUnit() == null || d.measureUnit().isBlank() ? null : d.measureUnit().strip();
        if (measureUnit != null && measureUnit.length() > 32) {
            throw new DomainException("error.tooLong", 32);
        }
        return new ObjectiveData(title, indicator, d.direction(), d.target(), measureUnit, d.frequency(), d.owner());
    }

    static String text(String value, int max, String requiredKey) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            throw new DomainException(requiredKey);
        }
        if (clean.length() > max) {
            throw new DomainException("error.tooLong", max);
        }
        return clean;
    }
}
