package vn.eiso.planning;

import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.OBJECTIVE_MEASUREMENT;
import static vn.eiso.db.Tables.QUALITY_OBJECTIVE;
import static vn.eiso.db.Tables.RISK;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;

/** Quality objectives with their measurements, and the risks and opportunities register. */
@Repository
class JooqPlanningRepository {

    private final DSLContext dsl;

    JooqPlanningRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    ObjectiveId insertObjective(UnitId unit, ObjectiveData d) {
        return new ObjectiveId(dsl.insertInto(QUALITY_OBJECTIVE)
                .set(QUALITY_OBJECTIVE.UNIT_ID, unit.value())
                .set(objectiveValues(d))
                .returning(QUALITY_OBJECTIVE.ID).fetchOne(QUALITY_OBJECTIVE.ID));
    }

    boolean updateObjective(ObjectiveId id, int version, ObjectiveData d, boolean active) {
        return dsl.update(QUALITY_OBJECTIVE)
                .set(objectiveValues(d))
                .set(QUALITY_OBJECTIVE.ACTIVE, active)
                .set(QUALITY_OBJECTIVE.VERSION, QUALITY_OBJECTIVE.VERSION.plus(1))
                .where(QUALITY_OBJECTIVE.ID.eq(id.value()).and(QUALITY_OBJECTIVE.VERSION.eq(version)))
                .execute() == 1;
    }

    private static Map<Field<?>, Object> objectiveValues(ObjectiveData d) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(QUALITY_OBJECTIVE.TITLE, d.title());
        values.put(QUALITY_OBJECTIVE.INDICATOR, d.indicator());
        values.put(QUALITY_OBJECTIVE.DIRECTION, d.direction().name());
        values.put(QUALITY_OBJECTIVE.TARGET, d.target());
        values.put(QUALITY_OBJECTIVE.MEASURE_UNIT, d.measureUnit());
        values.put(QUALITY_OBJECTIVE.FREQUENCY, d.frequency().name());
        values.put(QUALITY_OBJECTIVE.OWNER_ID, d.owner().value());
        return values;
    }

    Optional<Objective> objective(ObjectiveId id) {
        return objectives(QUALITY_OBJECTIVE.ID.eq(id.value())).stream().findFirst();
    }

    /** Every unit's objectives: what a rebuild of the search index walks. */
    List<Objective> allObjectives() {
        return objectives(DSL.trueCondition());
    }

    List<Objective> objectives(UnitId unit) {
        return objectives(QUALITY_OBJECTIVE.UNIT_ID.eq(unit.value()));
    }

    private List<Objective> objectives(Condition condition) {
        // The latest measurement per objective: the one with the greatest date, then the greatest id.
        var latestId = DSL.field(DSL.select(OBJECTIVE_MEASUREMENT.ID).from(OBJECTIVE_MEASUREMENT)
                .where(OBJECTIVE_MEASUREMENT.OBJECTIVE_ID.eq(QUALITY_OBJECTIVE.ID))
                .orderBy(OBJECTIVE_MEASUREMENT.MEASURED_ON.desc(), OBJECTIVE_MEASUREMENT.ID.desc()).limit(1));
        var latest = OBJECTIVE_MEASUREMENT.as("latest");
        return dsl.select(QUALITY_OBJECTIVE.asterisk(), APP_USER.FULL_NAME, latest.MEASURED, latest.MEASURED_ON)
                .from(QUALITY_OBJECTIVE)
                .join(APP_USER).on(APP_USER.ID.eq(QUALITY_OBJECTIVE.OWNER_ID))
                .leftJoin(latest).on(latest.ID.eq(latestId))
                .where(condition)
                .orderBy(QUALITY_OBJECTIVE.ACTIVE.desc(), QUALITY_OBJECTIVE.TITLE)
                .fetch(r -> new Objective(new ObjectiveId(r.get(QUALITY_OBJECTIVE.ID)),
                        new UnitId(r.get(QUALITY_OBJECTIVE.UNIT_ID)), r.get(QUALITY_OBJECTIVE.TITLE),
                        r.get(QUALITY_OBJECTIVE.INDICATOR),
                        Objective.Direction.valueOf(r.get(QUALITY_OBJECTIVE.DIRECTION)),
                        r.get(QUALITY_OBJECTIVE.TARGET), r.get(QUALITY_OBJECTIVE.MEASURE_UNIT),
                        Objective.Frequency.valueOf(r.get(QUALITY_OBJECTIVE.FREQUENCY)),
                        new UserId(r.get(QUALITY_OBJECTIVE.OWNER_ID)), r.get(APP_USER.FULL_NAME),
                        r.get(QUALITY_OBJECTIVE.ACTIVE), r.get(latest.MEASURED), r.get(latest.MEASURED_ON),
                        r.get(QUALITY_OBJECTIVE.VERSION), r.get(QUALITY_OBJECTIVE.BOUND_FIGURE) == null ? null
                                : new Objective.OneStopBinding(r.get(QUALITY_OBJECTIVE.BOUND_FIELD))));
    }

    /** A measurement: typed by a person ({@code source} null) or filled from figures ({@code ONE_STOP}). */
    void insertMeasurement(ObjectiveId id, LocalDate on, BigDecimal value, String note,
            UserId by, OffsetDateTime now, String source) {
        dsl.insertInto(OBJECTIVE_MEASUREMENT)
                .set(OBJECTIVE_MEASUREMENT.SOURCE, source)
                .set(OBJECTIVE_MEASUREMENT.OBJECTIVE_ID, id.value())
                .set(OBJECTIVE_MEASUREMENT.MEASURED_ON, on)
                .set(OBJECTIVE_MEASUREMENT.MEASURED, value)
                .set(OBJECTIVE_MEASUREMENT.NOTE, note)
                .set(OBJECTIVE_MEASUREMENT.ENTERED_BY, by.value())
                .set(OBJECTIVE_MEASUREMENT.ENTERED_AT, now)
                .execute();
    }

    /** Binds the objective to a figure (or, with a null figure, unbinds it). */
    void bind(ObjectiveId id, String figure, String field) {
        dsl.update(QUALITY_OBJECTIVE).set(QUALITY_OBJECTIVE.BOUND_FIGURE, figure)
                .set(QUALITY_OBJECTIVE.BOUND_FIELD, field)
                .set(QUALITY_OBJECTIVE.VERSION, QUALITY_OBJECTIVE.VERSION.plus(1))
                .where(QUALITY_OBJECTIVE.ID.eq(id.value())).execute();
    }

    void deleteMeasurements(ObjectiveId id, String source) {
        dsl.deleteFrom(OBJECTIVE_MEASUREMENT).where(OBJECTIVE_MEASUREMENT.OBJECTIVE_ID.eq(id.value()))
                .and(OBJECTIVE_MEASUREMENT.SOURCE.eq(source)).execute();
    }

    /** The active objectives of these units bound to a figure. */
    List<Objective> boundObjectives(Collection<UnitId> units) {
        return objectives(QUALITY_OBJECTIVE.UNIT_ID.in(units.stream().map(UnitId::value).toList())
                .and(QUALITY_OBJECTIVE.BOUND_FIGURE.isNotNull()).and(QUALITY_OBJECTIVE.ACTIVE.isTrue()));
    }

    List<Measurement> measurements(ObjectiveId id) {
        return dsl.select(OBJECTIVE_MEASUREMENT.MEASURED_ON, OBJECTIVE_MEASUREMENT.MEASURED,
                        OBJECTIVE_MEASUREMENT.NOTE, APP_USER.FULL_NAME)
                .from(OBJECTIVE_MEASUREMENT).join(APP_USER).on(APP_USER.ID.eq(OBJECTIVE_MEASUREMENT.ENTERED_BY))
                .where(OBJECTIVE_MEASUREMENT.OBJECTIVE_ID.eq(id.value()))
                .orderBy(OBJECTIVE_MEASUREMENT.MEASURED_ON, OBJECTIVE_MEASUREMENT.ID)
                .fetch(r -> new Measurement(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    RiskId insertRisk(UnitId unit, RiskData d, OffsetDateTime now) {
        return new RiskId(dsl.insertInto(RISK)
                .set(RISK.UNIT_ID, unit.value())
                .set(riskValues(d, now))
                .returning(RISK.ID).fetchOne(RISK.ID));
    }

    boolean updateRisk(RiskId id, int version, RiskData d, OffsetDateTime now) {
        return dsl.update(RISK)
                .set(riskValues(d, now))
                .set(RISK.VERSION, RISK.VERSION.plus(1))
                .where(RISK.ID.eq(id.value()).and(RISK.VERSION.eq(version)))
                .execute() == 1;
    }

    private static Map<Field<?>, Object> riskValues(RiskData d, OffsetDateTime now) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(RISK.KIND, d.kind().name());
        values.put(RISK.TITLE, d.title());
        values.put(RISK.PROCESS, d.process());
        values.put(RISK.LIKELIHOOD, d.likelihood());
        values.put(RISK.IMPACT, d.impact());
        values.put(RISK.ACTIONS, d.actions());
        values.put(RISK.OWNER_ID, d.owner() == null ? null : d.owner().value());
        values.put(RISK.REVIEW_ON, d.reviewOn());
        values.put(RISK.STATUS, d.status().name());
        values.put(RISK.NONCONFORMITY_ID, d.nonconformityId());
        values.put(RISK.UPDATED_AT, now);
        return values;
    }

    Optional<Risk> risk(RiskId id) {
        return risks(RISK.ID.eq(id.value())).stream().findFirst();
    }

    /** Every unit's risks and opportunities: what a rebuild of the search index walks. */
    List<Risk> allRisks() {
        return risks(DSL.trueCondition());
    }

    List<Risk> risks(UnitId unit) {
        return risks(RISK.UNIT_ID.eq(unit.value()));
    }

    private List<Risk> risks(Condition condition) {
        return dsl.select(RISK.asterisk(), APP_USER.FULL_NAME)
                .from(RISK).leftJoin(APP_USER).on(APP_USER.ID.eq(RISK.OWNER_ID))
                .where(condition)
                .orderBy(RISK.STATUS.desc(), RISK.LIKELIHOOD.mul(RISK.IMPACT).desc(), RISK.TITLE)
                .fetch(JooqPlanningRepository::risk);
    }

    private static Risk risk(Record r) {
        Long owner = r.get(RISK.OWNER_ID);
        return new Risk(new RiskId(r.get(RISK.ID)), new UnitId(r.get(RISK.UNIT_ID)),
                Risk.Kind.valueOf(r.get(RISK.KIND)), r.get(RISK.TITLE), r.get(RISK.PROCESS), r.get(RISK.LIKELIHOOD),
                r.get(RISK.IMPACT), r.get(RISK.ACTIONS), owner == null ? null : new UserId(owner),
                r.get(APP_USER.FULL_NAME), r.get(RISK.REVIEW_ON), Risk.Status.valueOf(r.get(RISK.STATUS)),
                r.get(RISK.NONCONFORMITY_ID), r.get(RISK.UPDATED_AT), r.get(RISK.VERSION));
    }
}
