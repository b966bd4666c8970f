package vn.eiso.annualreport;

import static vn.eiso.db.Tables.ANNOUNCEMENT;
import static vn.eiso.db.Tables.ANNUAL_REPORT;
import static vn.eiso.db.Tables.ANNUAL_REPORT_FIGURE;
import static vn.eiso.db.Tables.ANNUAL_REPORT_SECTION;
import static vn.eiso.db.Tables.APP_USER;
import static vn.eiso.db.Tables.AUDIT;
import static vn.eiso.db.Tables.AUDIT_ITEM;
import static vn.eiso.db.Tables.DOCUMENT;
import static vn.eiso.db.Tables.DOSSIER_STATISTIC;
import static vn.eiso.db.Tables.INSPECTION;
import static vn.eiso.db.Tables.INSPECTION_FINDING;
import static vn.eiso.db.Tables.MANAGEMENT_REVIEW;
import static vn.eiso.db.Tables.NONCONFORMITY;
import static vn.eiso.db.Tables.QMS_SCOPE_ITEM;
import static vn.eiso.db.Tables.REPORT_PERIOD;
import static vn.eiso.db.Tables.REVISION;
import static vn.eiso.db.Tables.UNIT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.organisation.UnitType;

@Repository
class JooqAnnualReportRepository {

    private final DSLContext dsl;

    JooqAnnualReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<ReportPeriod> periods() {
        return dsl.selectFrom(REPORT_PERIOD).orderBy(REPORT_PERIOD.REPORT_YEAR.desc())
                .fetch(r -> new ReportPeriod(r.getReportYear(), r.getDueOn(), lines(r.getSections()), r.getVersion()));
    }

    Optional<ReportPeriod> period(int year) {
        return periods().stream().filter(p -> p.year() == year).findFirst();
    }

    void insertPeriod(int year, LocalDate dueOn, String sections, String by, OffsetDateTime now) {
        dsl.insertInto(REPORT_PERIOD).set(REPORT_PERIOD.REPORT_YEAR, year).set(REPORT_PERIOD.DUE_ON, dueOn)
                .set(REPORT_PERIOD.SECTIONS, sections).set(REPORT_PERIOD.UPDATED_BY, by)
                .set(REPORT_PERIOD.UPDATED_AT, now).execute();
    }

    boolean updatePeriod(int year, int version, LocalDate dueOn, String sections, String by, OffsetDateTime now) {
        return dsl.update(REPORT_PERIOD).set(REPORT_PERIOD.DUE_ON, dueOn).set(REPORT_PERIOD.SECTIONS, sections)
                .set(REPORT_PERIOD.UPDATED_BY, by).set(REPORT_PERIOD.UPDATED_AT, now)
                .set(REPORT_PERIOD.VERSION, REPORT_PERIOD.VERSION.plus(1))
                .where(REPORT_PERIOD.REPORT_YEAR.eq(year).and(REPORT_PERIOD.VERSION.eq(version))).execute() == 1;
    }

    long insert(UnitId unit, int year, List<String> headings, List<String> bodies, OffsetDateTime now) {
        long id = dsl.insertInto(ANNUAL_REPORT).set(ANNUAL_REPORT.UNIT_ID, unit.value())
                .set(ANNUAL_REPORT.ISSUED_UNIT_ID, unit.value()).set(ANNUAL_REPORT.REPORT_YEAR, year)
                .set(ANNUAL_REPORT.STATUS, AnnualReport.Status.DRAFT.name()).set(ANNUAL_REPORT.CREATED_AT, now)
                .set(ANNUAL_REPORT.UPDATED_AT, now).returning(ANNUAL_REPORT.ID).fetchOne(ANNUAL_REPORT.ID);
        for (int i = 0; i < headings.size(); i++) {
            dsl.insertInto(ANNUAL_REPORT_SECTION).set(ANNUAL_REPORT_SECTION.REPORT_ID, id)
                    .set(ANNUAL_REPORT_SECTION.POSITION, i).set(ANNUAL_REPORT_SECTION.HEADING, headings.get(i))
                    .set(ANNUAL_REPORT_SECTION.BODY, bodies.get(i)).execute();
        }
        return id;
    }

    /** Bumps the version, so that a stale screen cannot overwrite the sections or submit what it never saw. */
    boolean touch(long id, int version, OffsetDateTime now) {
        return dsl.update(ANNUAL_REPORT).set(ANNUAL_REPORT.VERSION, ANNUAL_REPORT.VERSION.plus(1))
                .set(ANNUAL_REPORT.UPDATED_AT, now)
                .where(ANNUAL_REPORT.ID.eq(id).and(ANNUAL_REPORT.VERSION.eq(version))
                        .and(ANNUAL_REPORT.STATUS.eq(AnnualReport.Status.DRAFT.name())))
                .execute() == 1;
    }

    void setCompiledSummary(long id, String text) {
        dsl.update(ANNUAL_REPORT).set(ANNUAL_REPORT.COMPILED_SUMMARY, text).where(ANNUAL_REPORT.ID.eq(id)).execute();
    }

    void saveBody(long id, int position, String body) {
        dsl.update(ANNUAL_REPORT_SECTION).set(ANNUAL_REPORT_SECTION.BODY, body)
                .where(ANNUAL_REPORT_SECTION.REPORT_ID.eq(id).and(ANNUAL_REPORT_SECTION.POSITION.eq(position)))
                .execute();
    }

    void submit(long id, UserId by, OffsetDateTime now, Map<Figure, Long> figures) {
        dsl.update(ANNUAL_REPORT).set(ANNUAL_REPORT.STATUS, AnnualReport.Status.SUBMITTED.name())
                .set(ANNUAL_REPORT.SUBMITTED_BY, by.value()).set(ANNUAL_REPORT.SUBMITTED_AT, now)
                .where(ANNUAL_REPORT.ID.eq(id)).execute();
        figures.forEach((figure, value) -> dsl.insertInto(ANNUAL_REPORT_FIGURE)
                .set(ANNUAL_REPORT_FIGURE.REPORT_ID, id).set(ANNUAL_REPORT_FIGURE.FIGURE_KEY, figure.name())
                .set(ANNUAL_REPORT_FIGURE.FIGURE_VALUE, value).execute());
    }

    /** When the unit was created, in the agencies' calendar. */
    LocalDate createdOn(UnitId unit, ZoneId zone) {
        return dsl.select(UNIT.CREATED_AT).from(UNIT).where(UNIT.ID.eq(unit.value())).fetchSingle(UNIT.CREATED_AT)
                .atZoneSameInstant(zone).toLocalDate();
    }

    /** The years of the submitted reports the unit holds (its own or ones a merge brought along). */
    Set<Integer> submittedYears(UnitId unit) {
        return new HashSet<>(dsl.select(ANNUAL_REPORT.REPORT_YEAR).from(ANNUAL_REPORT)
                .where(ANNUAL_REPORT.UNIT_ID.eq(unit.value())
                        .and(ANNUAL_REPORT.STATUS.eq(AnnualReport.Status.SUBMITTED.name())))
                .fetch(ANNUAL_REPORT.REPORT_YEAR));
    }

    /** Locks the year's period, so that two officers opening the same report do not both insert it. */
    void lockPeriod(int year) {
        dsl.select(REPORT_PERIOD.REPORT_YEAR).from(REPORT_PERIOD).where(REPORT_PERIOD.REPORT_YEAR.eq(year))
                .forUpdate().fetch();
    }

    /** The report the unit itself wrote for the year (not one a merge brought in from a predecessor). */
    Optional<Long> idOf(UnitId unit, int year) {
        return dsl.select(ANNUAL_REPORT.ID).from(ANNUAL_REPORT)
                .where(ANNUAL_REPORT.ISSUED_UNIT_ID.eq(unit.value()).and(ANNUAL_REPORT.REPORT_YEAR.eq(year)))
                .fetchOptional(ANNUAL_REPORT.ID);
    }

    /** Locks the report row, so that two submissions of the same report run one after the other. */
    Optional<AnnualReport> lock(long id) {
        dsl.select(ANNUAL_REPORT.ID).from(ANNUAL_REPORT).where(ANNUAL_REPORT.ID.eq(id)).forUpdate().fetch();
        return find(id);
    }

    /** The report with its sections; the figures are the submitted ones (empty for a draft). */
    Optional<AnnualReport> find(long id) {
        var issuer = UNIT.as("issuer");
        return dsl.select(ANNUAL_REPORT.ID, ANNUAL_REPORT.UNIT_ID, issuer.NAME, ANNUAL_REPORT.REPORT_YEAR,
                        ANNUAL_REPORT.STATUS, REPORT_PERIOD.DUE_ON, ANNUAL_REPORT.SUBMITTED_AT, APP_USER.FULL_NAME,
                        ANNUAL_REPORT.VERSION, ANNUAL_REPORT.COMPILED_SUMMARY)
                .from(ANNUAL_REPORT).join(issuer).on(issuer.ID.eq(ANNUAL_REPORT.ISSUED_UNIT_ID))
                .join(REPORT_PERIOD).on(REPORT_PERIOD.REPORT_YEAR.eq(ANNUAL_REPORT.REPORT_YEAR))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(ANNUAL_REPORT.SUBMITTED_BY))
                .where(ANNUAL_REPORT.ID.eq(id))
                .fetchOptional(r -> new AnnualReport(r.value1(), new UnitId(r.value2()), r.value3(), r.value4(),
                        AnnualReport.Status.valueOf(r.value5()), r.value6(), r.value7(), r.value8(), r.value9(),
                        sections(id), submittedFigures(List.of(id)).getOrDefault(id, Map.of()), r.value10()));
    }

    private List<AnnualReport.Section> sections(long id) {
        return dsl.selectFrom(ANNUAL_REPORT_SECTION).where(ANNUAL_REPORT_SECTION.REPORT_ID.eq(id))
                .orderBy(ANNUAL_REPORT_SECTION.POSITION)
                .fetch(r -> new AnnualReport.Section(r.getPosition(), r.getHeading(), r.getBody()));
    }

    private Map<Long, Map<Figure, Long>> submittedFigures(List<Long> ids) {
        Map<Long, Map<Figure, Long>> figures = new HashMap<>();
        dsl.selectFrom(ANNUAL_REPORT_FIGURE).where(ANNUAL_REPORT_FIGURE.REPORT_ID.in(ids))
                .forEach(r -> figures.computeIfAbsent(r.getReportId(), k -> new EnumMap<>(Figure.class))
                        .put(Figure.valueOf(r.getFigureKey()), r.getFigureValue()));
        return figures;
    }

    /**
     * Every active unit (and any archived one holding a report of the year) with its report's state; when a merge
     * brought a predecessor's report in, the successor's line shows its own.
     */
    List<ProvinceReport.Line> province(int year) {
        List<Record> rows = new ArrayList<>(dsl.select(UNIT.ID, UNIT.CODE, UNIT.NAME, UNIT.UNIT_TYPE,
                        ANNUAL_REPORT.ID, ANNUAL_REPORT.STATUS, ANNUAL_REPORT.SUBMITTED_AT)
                .from(UNIT).leftJoin(ANNUAL_REPORT).on(ANNUAL_REPORT.ISSUED_UNIT_ID.eq(UNIT.ID)
                        .and(ANNUAL_REPORT.REPORT_YEAR.eq(year)))
                .where(UNIT.UNIT_TYPE.ne(UnitType.PROVINCE.name())
                        .and(UNIT.STATUS.eq("ACTIVE").or(ANNUAL_REPORT.ID.isNotNull())))
                .orderBy(UNIT.UNIT_TYPE, UNIT.CODE).fetch());
        rows.sort(Comparator.comparing(r -> UnitType.valueOf(r.get(UNIT.UNIT_TYPE))));
        Map<Long, Map<Figure, Long>> figures = submittedFigures(rows.stream().map(r -> r.get(ANNUAL_REPORT.ID))
                .filter(Objects::nonNull).toList());
        return rows.stream().map(r -> new ProvinceReport.Line(new UnitId(r.get(UNIT.ID)), r.get(UNIT.CODE),
                r.get(UNIT.NAME), UnitType.valueOf(r.get(UNIT.UNIT_TYPE)),
                r.get(ANNUAL_REPORT.STATUS) == null ? null : AnnualReport.Status.valueOf(r.get(ANNUAL_REPORT.STATUS)),
                r.get(ANNUAL_REPORT.SUBMITTED_AT),
                r.get(ANNUAL_REPORT.ID) == null ? Map.<Figure, Long>of()
                        : figures.getOrDefault(r.get(ANNUAL_REPORT.ID), Map.of()))).toList();
    }

    /** The unit's figures for the year, counted now from every feature's tables. */
    Map<Figure, Long> compute(UnitId unit, int year, ZoneId zone) {
        long u = unit.value();
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<Figure, Long> figures = new EnumMap<>(Figure.class);
        figures.put(Figure.PROCEDURES_IN_FORCE, count(DOCUMENT, DOCUMENT.UNIT_ID.eq(u)
                .and(DOCUMENT.DOC_TYPE.eq("PROCEDURE")).and(DOCUMENT.STATUS.eq("EFFECTIVE"))));
        figures.put(Figure.TTHC_IN_SCOPE, count(QMS_SCOPE_ITEM, QMS_SCOPE_ITEM.UNIT_ID.eq(u)
                .and(QMS_SCOPE_ITEM.KIND.eq("TTHC"))));
        figures.put(Figure.REVISIONS_ISSUED, (long) dsl.fetchCount(dsl.select(REVISION.ID).from(REVISION)
                .join(DOCUMENT).on(DOCUMENT.ID.eq(REVISION.DOCUMENT_ID))
                .where(DOCUMENT.UNIT_ID.eq(u).and(REVISION.EFFECTIVE_AT.ge(from)).and(REVISION.EFFECTIVE_AT.lt(to)))));
        Condition signed = AUDIT.UNIT_ID.eq(u).and(AUDIT.STATUS.in("SIGNED", "ACKNOWLEDGED"))
                .and(AUDIT.SIGNED_AT.ge(from)).and(AUDIT.SIGNED_AT.lt(to));
        figures.put(Figure.AUDITS_SIGNED, count(AUDIT, signed));
        figures.put(Figure.AUDIT_FINDINGS, (long) dsl.fetchCount(dsl.select(AUDIT_ITEM.ID).from(AUDIT_ITEM)
                .join(AUDIT).on(AUDIT.ID.eq(AUDIT_ITEM.AUDIT_ID))
                .where(signed.and(AUDIT_ITEM.RESULT.in("MINOR_NC", "MAJOR_NC")))));
        figures.put(Figure.REVIEWS_HELD, count(MANAGEMENT_REVIEW, MANAGEMENT_REVIEW.UNIT_ID.eq(u)
                .and(MANAGEMENT_REVIEW.STATUS.eq("CLOSED")).and(MANAGEMENT_REVIEW.HELD_ON.between(first, last))));
        figures.put(Figure.NCS_OPENED, count(NONCONFORMITY, NONCONFORMITY.UNIT_ID.eq(u)
                .and(NONCONFORMITY.REPORTED_AT.ge(from)).and(NONCONFORMITY.REPORTED_AT.lt(to))));
        figures.put(Figure.NCS_CLOSED, count(NONCONFORMITY, NONCONFORMITY.UNIT_ID.eq(u)
                .and(NONCONFORMITY.STATUS.eq("CLOSED")).and(NONCONFORMITY.CLOSED_AT.ge(from))
                .and(NONCONFORMITY.CLOSED_AT.lt(to))));
        figures.put(Figure.ANNOUNCEMENTS, count(ANNOUNCEMENT, ANNOUNCEMENT.UNIT_ID.eq(u)
                .and(ANNOUNCEMENT.DECIDED_ON.between(first, last))));
        figures.put(Figure.INSPECTION_FINDINGS, (long) dsl.fetchCount(dsl.select(INSPECTION_FINDING.ID)
                .from(INSPECTION_FINDING).join(INSPECTION).on(INSPECTION.ID.eq(INSPECTION_FINDING.INSPECTION_ID))
                .where(INSPECTION.UNIT_ID.eq(u).and(INSPECTION_FINDING.CREATED_AT.ge(from))
                        .and(INSPECTION_FINDING.CREATED_AT.lt(to)))));
        var dossiers = dsl.select(sum(DOSSIER_STATISTIC.RECEIVED), sum(DOSSIER_STATISTIC.ON_TIME),
                        sum(DOSSIER_STATISTIC.LATE)).from(DOSSIER_STATISTIC)
                .where(DOSSIER_STATISTIC.UNIT_ID.eq(u).and(DOSSIER_STATISTIC.MONTH_START.between(first, last)))
                .fetchSingle();
        figures.put(Figure.DOSSIERS_RECEIVED, dossiers.value1());
        figures.put(Figure.DOSSIERS_ON_TIME, dossiers.value2());
        figures.put(Figure.DOSSIERS_LATE, dossiers.value3());
        return figures;
    }

    /** A sum that is 0, not null, over no rows. */
    private static Field<Long> sum(Field<Integer> field) {
        return DSL.coalesce(DSL.sum(field), BigDecimal.ZERO).cast(Long.class);
    }

    private long count(Table<?> table, Condition condition) {
        return dsl.fetchCount(table, condition);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
