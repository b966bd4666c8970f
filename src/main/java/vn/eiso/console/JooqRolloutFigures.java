package vn.eiso.console;

import static vn.eiso.db.Tables.ANNOUNCEMENT;
import static vn.eiso.db.Tables.ANNUAL_REPORT;
import static vn.eiso.db.Tables.AUDIT;
import static vn.eiso.db.Tables.CORRECTIVE_ACTION;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.MANAGEMENT_REVIEW;
import static vn.eiso.db.Tables.NONCONFORMITY;
import static vn.eiso.db.Tables.QMS_SCOPE;
import static vn.eiso.db.Tables.REPORT_PERIOD;
import static vn.eiso.db.Tables.UNIT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.annualreport.ReportPeriod;
import vn.eiso.base.UnitId;
import vn.eiso.document.ReviewDue;
import vn.eiso.nonconformity.NonconformityId;

/**
 * The console's figures straight from every feature's tables, one grouped query per kind so that a province of
 * thousands of units costs a handful of round trips. {@code units} null means the whole province.
 */
@Repository
class JooqRolloutFigures {

    private static final List<String> OPEN_AUDIT = List.of("PLANNED", "IN_PROGRESS");
    private static final List<String> DONE_AUDIT = List.of("SIGNED", "ACKNOWLEDGED");
    private static final List<String> IN_FORCE = List.of("ANNOUNCED", "DUE");
    private static final int ITEMS = 200;

    private final DSLContext dsl;

    JooqRolloutFigures(DSLContext dsl) {
        this.dsl = dsl;
    }

    Map<Long, StageFacts> facts(Collection<UnitId> units, ZoneId zone) {
        Map<Long, StageFacts> facts = new HashMap<>();
        dsl.select(QMS_SCOPE.UNIT_ID, QMS_SCOPE.APPLIED_SINCE).from(QMS_SCOPE)
                .where(QMS_SCOPE.APPLIED_SINCE.isNotNull().and(in(QMS_SCOPE.UNIT_ID, units)))
                .forEach(r -> update(facts, r.value1(), f -> new StageFacts(r.value2(), f.lastAudit(),
                        f.lastReview(), f.announcedOn())));
        dsl.select(AUDIT.UNIT_ID, DSL.max(AUDIT.SIGNED_AT)).from(AUDIT)
                .where(AUDIT.STATUS.in(DONE_AUDIT).and(in(AUDIT.UNIT_ID, units))).groupBy(AUDIT.UNIT_ID)
                .forEach(r -> update(facts, r.value1(), f -> new StageFacts(f.appliedSince(),
                        r.value2().atZoneSameInstant(zone).toLocalDate(), f.lastReview(), f.announcedOn())));
        dsl.select(MANAGEMENT_REVIEW.UNIT_ID, DSL.max(MANAGEMENT_REVIEW.HELD_ON)).from(MANAGEMENT_REVIEW)
                .where(MANAGEMENT_REVIEW.STATUS.eq("CLOSED").and(in(MANAGEMENT_REVIEW.UNIT_ID, units)))
                .groupBy(MANAGEMENT_REVIEW.UNIT_ID)
                .forEach(r -> update(facts, r.value1(), f -> new StageFacts(f.appliedSince(), f.lastAudit(),
                        r.value2(), f.announcedOn())));
        dsl.select(ANNOUNCEMENT.UNIT_ID, DSL.max(ANNOUNCEMENT.DECIDED_ON)).from(ANNOUNCEMENT)
                .where(ANNOUNCEMENT.STATUS.in(IN_FORCE).and(in(ANNOUNCEMENT.UNIT_ID, units)))
                .groupBy(ANNOUNCEMENT.UNIT_ID)
                .forEach(r -> update(facts, r.value1(), f -> new StageFacts(f.appliedSince(), f.lastAudit(),
                        f.lastReview(), r.value2())));
        return facts;
    }

    private static void update(Map<Long, StageFacts> facts, Long unit,
            UnaryOperator<StageFacts> change) {
        facts.put(unit, change.apply(facts.getOrDefault(unit, StageFacts.NONE)));
    }

    /** Documents in force whose periodic review date has passed. */
    Map<Long, Integer> overdueReviews(Collection<UnitId> units, LocalDate today) {
        return counts(dsl.select(DOCUMENT.UNIT_ID, DSL.count()).from(DOCUMENT)
                .where(ReviewDue.overdue(DOCUMENT.STATUS, DOCUMENT.NEXT_REVIEW_ON, DOCUMENT.REVIEW_FLAG, today).and(in(DOCUMENT.UNIT_ID, units))).groupBy(DOCUMENT.UNIT_ID));
    }

    /** Audits planned or under way whose last day has passed without a signed report. */
    Map<Long, Integer> overdueAudits(Collection<UnitId> units, LocalDate today) {
        return counts(dsl.select(AUDIT.UNIT_ID, DSL.count()).from(AUDIT)
                .where(overdueAudit(today).and(in(AUDIT.UNIT_ID, units))).groupBy(AUDIT.UNIT_ID));
    }

    /**
     * Open nonconformities with a corrective action past its due date, or waiting for the effectiveness check past
     * its date; each counted once.
     */
    Map<Long, Integer> overdueNonconformities(Collection<UnitId> units, LocalDate today) {
        var overdue = overdueNcs(units, today).asTable("overdue");
        Field<Long> unit = overdue.field(0, Long.class);
        return counts(dsl.select(unit, DSL.countDistinct(overdue.field(1, Long.class))).from(overdue).groupBy(unit));
    }

    /** Reporting years past their deadline that each unit owes, counted by the rule of {@link ReportPeriod}. */
    Map<Long, Integer> overdueReports(Collection<UnitId> units, LocalDate today, ZoneId zone) {
        Map<Long, Integer> counts = new HashMap<>();
        overdueReportsOf(units, today, zone).forEach((unit, periods) -> counts.put(unit, periods.size()));
        return counts;
    }

    /**
     * Per unit owing any, the periods past their deadline it owes, in year order. Read in three small queries and
     * matched here: as one anti-join, PostgreSQL without fresh statistics (after a bulk load) picked a plan
     * comparing every unit with every report, 0.7 s for 3,000 units.
     */
    private Map<Long, List<ReportPeriod>> overdueReportsOf(Collection<UnitId> units, LocalDate today, ZoneId zone) {
        List<ReportPeriod> pastDue = dsl.select(REPORT_PERIOD.REPORT_YEAR, REPORT_PERIOD.DUE_ON).from(REPORT_PERIOD)
                .fetch(r -> new ReportPeriod(r.value1(), r.value2(), List.of(), 0)).stream()
                .filter(p -> p.isOverdue(today)).toList();
        if (pastDue.isEmpty()) {
            return Map.of();
        }
        Map<Long, Set<Integer>> submitted = new HashMap<>();
        dsl.select(ANNUAL_REPORT.UNIT_ID, ANNUAL_REPORT.REPORT_YEAR).from(ANNUAL_REPORT)
                .where(ANNUAL_REPORT.STATUS.eq("SUBMITTED")
                        .and(ANNUAL_REPORT.REPORT_YEAR.in(pastDue.stream().map(ReportPeriod::year).toList()))
                        .and(in(ANNUAL_REPORT.UNIT_ID, units)))
                .forEach(r -> submitted.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        Map<Long, List<ReportPeriod>> owed = new HashMap<>();
        dsl.select(UNIT.ID, UNIT.CREATED_AT).from(UNIT).where(in(UNIT.ID, units)).forEach(r -> {
            List<ReportPeriod> periods = ReportPeriod.owed(pastDue, r.value2().atZoneSameInstant(zone).toLocalDate(),
                    submitted.getOrDefault(r.value1(), Set.of()));
            if (!periods.isEmpty()) {
                owed.put(r.value1(), periods);
            }
        });
        return owed;
    }

    /** Units whose announcement is due to be re-announced, with a count of one. */
    Map<Long, Integer> dueReannouncements(Collection<UnitId> units) {
        Map<Long, Integer> due = new HashMap<>();
        dsl.selectDistinct(ANNOUNCEMENT.UNIT_ID).from(ANNOUNCEMENT)
                .where(ANNOUNCEMENT.STATUS.eq("DUE").and(in(ANNOUNCEMENT.UNIT_ID, units)))
                .forEach(r -> due.put(r.value1(), 1));
        return due;
    }

    List<OverdueItem> items(UnitId unit, LocalDate today, ZoneId zone) {
        List<UnitId> one = List.of(unit);
        List<OverdueItem> items = new ArrayList<>();
        dsl.select(DOCUMENT.ID, DOCUMENT.CODE, DOCUMENT.TITLE, DOCUMENT.NEXT_REVIEW_ON).from(DOCUMENT)
                .where(ReviewDue.overdue(DOCUMENT.STATUS, DOCUMENT.NEXT_REVIEW_ON, DOCUMENT.REVIEW_FLAG, today).and(in(DOCUMENT.UNIT_ID, one)))
                .orderBy(DOCUMENT.NEXT_REVIEW_ON, DOCUMENT.ID).limit(ITEMS)
                .forEach(r -> items.add(new OverdueItem(OverdueItem.Kind.DOCUMENT_REVIEW, r.value2(), r.value3(),
                        r.value4(), "document/" + r.value1())));
        dsl.select(AUDIT.ID, AUDIT.TITLE, AUDIT.ENDS_ON).from(AUDIT)
                .where(overdueAudit(today).and(in(AUDIT.UNIT_ID, one))).orderBy(AUDIT.ENDS_ON).limit(ITEMS)
                .forEach(r -> items.add(new OverdueItem(OverdueItem.Kind.AUDIT, "#" + r.value1(), r.value2(),
                        r.value3(), "audit/" + r.value1())));
        var overdue = overdueNcs(one, today).asTable("overdue");
        Field<Long> id = overdue.field(1, Long.class);
        Field<LocalDate> due = overdue.field(2, LocalDate.class);
        dsl.select(NONCONFORMITY.ID, NONCONFORMITY.DESCRIPTION, DSL.min(due)).from(overdue)
                .join(NONCONFORMITY).on(NONCONFORMITY.ID.eq(id))
                .groupBy(NONCONFORMITY.ID, NONCONFORMITY.DESCRIPTION).orderBy(DSL.min(due)).limit(ITEMS)
                .forEach(r -> items.add(new OverdueItem(OverdueItem.Kind.NONCONFORMITY,
                        new NonconformityId(r.value1()).label(), r.value2(), r.value3(),
                        "nonconformity/" + r.value1())));
        overdueReportsOf(one, today, zone).getOrDefault(unit.value(), List.of()).forEach(p -> items.add(
                new OverdueItem(OverdueItem.Kind.REPORT, String.valueOf(p.year()), null, p.dueOn(),
                        "annual-reports?year=" + p.year() + "&unit=" + unit.value())));
        dsl.select(ANNOUNCEMENT.NUMBER, ANNOUNCEMENT.DUE_REASON, ANNOUNCEMENT.DECIDED_ON).from(ANNOUNCEMENT)
                .where(ANNOUNCEMENT.STATUS.eq("DUE").and(ANNOUNCEMENT.UNIT_ID.eq(unit.value())))
                .forEach(r -> items.add(new OverdueItem(OverdueItem.Kind.REANNOUNCEMENT, r.value1(), r.value2(),
                        r.value3(), null)));
        return items;
    }

    private static Condition overdueAudit(LocalDate today) {
        return AUDIT.STATUS.in(OPEN_AUDIT).and(AUDIT.ENDS_ON.lt(today));
    }

    /** (unit, nonconformity, date it fell due) for each overdue reason; a nonconformity may appear twice. */
    private Select<Record3<Long, Long, LocalDate>> overdueNcs(Collection<UnitId> units,
            LocalDate today) {
        return dsl.select(CORRECTIVE_ACTION.UNIT_ID, CORRECTIVE_ACTION.NC_ID, CORRECTIVE_ACTION.DUE_ON)
                .from(CORRECTIVE_ACTION).join(NONCONFORMITY).on(NONCONFORMITY.ID.eq(CORRECTIVE_ACTION.NC_ID))
                .where(CORRECTIVE_ACTION.DONE_AT.isNull().and(CORRECTIVE_ACTION.DUE_ON.lt(today))
                        .and(NONCONFORMITY.STATUS.ne("CLOSED")).and(in(CORRECTIVE_ACTION.UNIT_ID, units)))
                .union(dsl.select(NONCONFORMITY.UNIT_ID, NONCONFORMITY.ID, NONCONFORMITY.VERIFY_DUE_ON)
                        .from(NONCONFORMITY)
                        .where(NONCONFORMITY.STATUS.eq("VERIFYING").and(NONCONFORMITY.VERIFY_DUE_ON.lt(today))
                                .and(in(NONCONFORMITY.UNIT_ID, units))));
    }

    private static Map<Long, Integer> counts(Select<Record2<Long, Integer>> query) {
        Map<Long, Integer> counts = new HashMap<>();
        query.forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    private static Condition in(Field<Long> unit, Collection<UnitId> units) {
        return units == null ? DSL.noCondition() : unit.in(units.stream().map(UnitId::value).toList());
    }
}
