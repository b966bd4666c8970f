package vn.eiso.audit;

import static vn.eiso.db.Tables.AUDIT;
import static vn.eiso.db.Tables.AUDIT_ITEM;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.DOSSIER_STATISTIC;
import static vn.eiso.db.Tables.MANAGEMENT_REVIEW;
import static vn.eiso.db.Tables.NONCONFORMITY;
import static vn.eiso.db.Tables.OBJECTIVE_MEASUREMENT;
import static vn.eiso.db.Tables.QUALITY_OBJECTIVE;
import static vn.eiso.db.Tables.REVIEW_ACTION;
import static vn.eiso.db.Tables.REVISION;
import static vn.eiso.db.Tables.RISK;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.document.DocumentStatus;
import vn.eiso.document.DocumentType;
import vn.eiso.document.ReviewDue;
import vn.eiso.nonconformity.Nonconformity;
import vn.eiso.planning.Objective;
import vn.eiso.planning.Objectives;
import vn.eiso.planning.Risk;

/**
 * The figures a management review starts from, counted straight from the other features' tables over the period
 * since the previous review. A read-only reporting query: it writes nothing and decides nothing.
 */
@Repository
class JooqReviewFigures {

    private final DSLContext dsl;
    private final Objectives objectives;

    JooqReviewFigures(DSLContext dsl, Objectives objectives) {
        this.dsl = dsl;
        this.objectives = objectives;
    }

    /** The period runs from {@code from} to {@code to}, both whole days in the agencies' time zone. */
    Map<ReviewInputKey, List<Long>> count(UnitId unit, ReviewId review, LocalDate from, LocalDate to,
            LocalDate today, ZoneId zone) {
        long u = unit.value();
        OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Map<ReviewInputKey, List<Long>> figures = new EnumMap<>(ReviewInputKey.class);

        // Actions decided by the unit's reviews held before this one.
        Condition earlierActions = REVIEW_ACTION.UNIT_ID.eq(u).and(REVIEW_ACTION.REVIEW_ID.in(
                DSL.select(MANAGEMENT_REVIEW.ID).from(MANAGEMENT_REVIEW).where(MANAGEMENT_REVIEW.UNIT_ID.eq(u)
                        .and(MANAGEMENT_REVIEW.HELD_ON.lt(to)).and(MANAGEMENT_REVIEW.ID.ne(review.value())))));
        figures.put(ReviewInputKey.PREVIOUS_ACTIONS, List.of(
                count(REVIEW_ACTION, earlierActions),
                count(REVIEW_ACTION, earlierActions.and(REVIEW_ACTION.DONE_AT.isNotNull())),
                count(REVIEW_ACTION, earlierActions.and(REVIEW_ACTION.DONE_AT.isNull())),
                count(REVIEW_ACTION, earlierActions.and(REVIEW_ACTION.DONE_AT.isNull())
                        .and(REVIEW_ACTION.DUE_ON.lt(today)))));

        figures.put(ReviewInputKey.CHANGES, List.of((long) dsl.fetchCount(dsl.select(REVISION.ID).from(REVISION)
                .join(DOCUMENT).on(DOCUMENT.ID.eq(REVISION.DOCUMENT_ID))
                .where(DOCUMENT.UNIT_ID.eq(u).and(REVISION.EFFECTIVE_AT.ge(start)).and(REVISION.EFFECTIVE_AT.lt(end))))));

        Condition ncInPeriod = NONCONFORMITY.UNIT_ID.eq(u).and(NONCONFORMITY.REPORTED_AT.ge(start))
                .and(NONCONFORMITY.REPORTED_AT.lt(end));
        figures.put(ReviewInputKey.SATISFACTION, List.of(count(NONCONFORMITY,
                ncInPeriod.and(NONCONFORMITY.SOURCE.eq(Nonconformity.Source.CITIZEN.name())))));

        List<Objective> active = objectives.ofUnit(unit).stream().filter(Objective::active).toList();
        figures.put(ReviewInputKey.OBJECTIVES, List.of((long) active.size(),
                active.stream().filter(o -> Boolean.TRUE.equals(o.latestMet())).count(),
                active.stream().filter(o -> Boolean.FALSE.equals(o.latestMet())).count(),
                active.stream().filter(o -> o.latestMet() == null).count()));

        Condition procedures = DOCUMENT.UNIT_ID.eq(u).and(DOCUMENT.DOC_TYPE.eq(DocumentType.PROCEDURE.name()))
                .and(DOCUMENT.STATUS.eq(DocumentStatus.EFFECTIVE.name()));
        // The one-stop software's dossiers of the months that start in the period: received, on time, late.
        var dossiers = dsl.select(sum(DOSSIER_STATISTIC.RECEIVED), sum(DOSSIER_STATISTIC.ON_TIME),
                        sum(DOSSIER_STATISTIC.LATE)).from(DOSSIER_STATISTIC)
                .where(DOSSIER_STATISTIC.UNIT_ID.eq(u).and(DOSSIER_STATISTIC.MONTH_START.between(from, to)))
                .fetchSingle();
        figures.put(ReviewInputKey.PROCESS_PERFORMANCE, List.of(count(DOCUMENT, procedures),
                count(DOCUMENT, DOCUMENT.UNIT_ID.eq(u).and(ReviewDue.overdue(DOCUMENT.STATUS, DOCUMENT.NEXT_REVIEW_ON,
                        DOCUMENT.REVIEW_FLAG, today))),
                dossiers.value1(), dossiers.value2(), dossiers.value3()));

        Condition openNc = NONCONFORMITY.UNIT_ID.eq(u).and(NONCONFORMITY.STATUS.ne(Nonconformity.Status.CLOSED.name()));
        figures.put(ReviewInputKey.NONCONFORMITIES, List.of(count(NONCONFORMITY, ncInPeriod),
                count(NONCONFORMITY, openNc),
                count(NONCONFORMITY, openNc.and(NONCONFORMITY.SEVERITY.eq(Nonconformity.Severity.MAJOR.name())))));

        figures.put(ReviewInputKey.MONITORING, List.of((long) dsl.fetchCount(dsl.select(OBJECTIVE_MEASUREMENT.ID)
                .from(OBJECTIVE_MEASUREMENT).join(QUALITY_OBJECTIVE)
                .on(QUALITY_OBJECTIVE.ID.eq(OBJECTIVE_MEASUREMENT.OBJECTIVE_ID))
                .where(QUALITY_OBJECTIVE.UNIT_ID.eq(u).and(OBJECTIVE_MEASUREMENT.MEASURED_ON.between(from, to))))));

        Condition signed = AUDIT.UNIT_ID.eq(u).and(AUDIT.SIGNED_AT.ge(start)).and(AUDIT.SIGNED_AT.lt(end));
        figures.put(ReviewInputKey.AUDITS, List.of(count(AUDIT, signed),
                items(signed, ItemResult.MINOR_NC, ItemResult.MAJOR_NC),
                items(signed, ItemResult.OBSERVATION)));

        figures.put(ReviewInputKey.PROVIDERS, List.of());
        figures.put(ReviewInputKey.RESOURCES, List.of());

        Condition openRisks = RISK.UNIT_ID.eq(u).and(RISK.STATUS.eq(Risk.Status.OPEN.name()))
                .and(RISK.KIND.eq(Risk.Kind.RISK.name()));
        figures.put(ReviewInputKey.RISKS, List.of(count(RISK, openRisks),
                count(RISK, openRisks.and(RISK.LIKELIHOOD.mul(RISK.IMPACT).ge(Risk.HIGH))),
                count(RISK, openRisks.and(RISK.REVIEW_ON.lt(today)))));

        figures.put(ReviewInputKey.IMPROVEMENTS, List.of(items(signed, ItemResult.IMPROVEMENT),
                count(RISK, RISK.UNIT_ID.eq(u)
                .and(RISK.STATUS.eq(Risk.Status.OPEN.name())).and(RISK.KIND.eq(Risk.Kind.OPPORTUNITY.name())))));
        return figures;
    }

    private long items(Condition audits, ItemResult... results) {
        return dsl.fetchCount(dsl.select(AUDIT_ITEM.ID).from(AUDIT_ITEM).join(AUDIT).on(AUDIT.ID.eq(AUDIT_ITEM.AUDIT_ID))
                .where(audits.and(AUDIT_ITEM.RESULT.in(List.of(results).stream().map(Enum::name).toList()))));
    }

    /** A sum that is 0, not null, over no rows. */
    private static Field<Long> sum(Field<Integer> field) {
        return DSL.coalesce(DSL.sum(field), BigDecimal.ZERO).cast(Long.class);
    }

    private long count(Table<?> table, Condition condition) {
        return dsl.fetchCount(table, condition);
    }
}
