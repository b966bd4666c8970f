package vn.eiso.annualreport;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.audittrail.AuditTrail;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.Role;
import vn.eiso.base.Texts;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.inbox.Inbox;
import vn.eiso.organisation.UserService;
import vn.eiso.reporting.PdfReport;
import vn.eiso.reporting.XlsxReport;

/**
 * Annual QMS reports. The science department sets each year's deadline and sections (a period); a unit's quality
 * officer or head opens the year's report, compiled from the data, edits its sections, and the head submits it,
 * freezing the figures; the department consolidates the province. A draft stays the unit's own: the department sees
 * that it exists, not what it says.
 */
@Service
public class AnnualReports {

    public static final String TARGET = "ANNUAL_REPORT";
    public static final String ROUTE = "annual-reports";
    /** The sections a first period starts from (Circular 26/2018's report headings); the department edits them. */
    public static final List<String> DEFAULT_SECTIONS = List.of(
            "1. Tình hình xây dựng, áp dụng Hệ thống quản lý chất lượng",
            "2. Tình hình duy trì, cải tiến Hệ thống quản lý chất lượng",
            "3. Kết quả đánh giá nội bộ và xem xét của lãnh đạo",
            "4. Khó khăn, vướng mắc",
            "5. Kiến nghị, đề xuất");
    private static final int MAX_BODY = 20_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JooqAnnualReportRepository reports;
    private final UserService users;
    private final Inbox inbox;
    private final AccessGuard guard;
    private final AuditTrail trail;
    private final Clock clock;

    AnnualReports(JooqAnnualReportRepository reports, UserService users, Inbox inbox,
            AccessGuard guard, AuditTrail trail, Clock clock) {
        this.reports = reports;
        this.users = users;
        this.inbox = inbox;
        this.guard = guard;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ReportPeriod> periods() {
        guard.caller();
        return reports.periods();
    }

    /** The sections a new period starts from: the latest period's, or the defaults. */
    @Transactional(readOnly = true)
    public List<String> sectionsForNewPeriod() {
        return periods().stream().findFirst().map(ReportPeriod::sections).orElse(DEFAULT_SECTIONS);
    }

    /** Creates ({@code version} null) or changes a year's deadline and sections. */
    @Transactional
    public ReportPeriod savePeriod(Integer year, Integer version, LocalDate dueOn, String sections) {
        guard.requireProvinceWide();
        int reportYear = checkYear(year);
        if (dueOn == null) {
            throw new DomainException("error.report.dueRequired");
        }
        List<String> headings = Arrays.stream(sections == null ? new String[0] : sections.split("\n"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (headings.isEmpty()) {
            throw new DomainException("error.report.sectionsRequired");
        }
        if (headings.stream().anyMatch(h -> h.length() > 500) || String.join("\n", headings).length() > 4000) {
            throw new DomainException("error.tooLong", 500);
        }
        String text = String.join("\n", headings);
        if (version == null) {
            if (reports.period(reportYear).isPresent()) {
                throw new DomainException("error.report.periodExists", String.valueOf(reportYear));
            }
            reports.insertPeriod(reportYear, dueOn, text, guard.actorName(), now());
        } else if (!reports.updatePeriod(reportYear, version, dueOn, text, guard.actorName(), now())) {
            throw new ConcurrentEditException();
        }
        trail.record("REPORT_PERIOD_SAVED", TARGET, reportYear, null, dueOn + " · " + headings.size());
        return reports.period(reportYear).orElseThrow();
    }

    /**
     * The unit's report for the year, with live figures while it is a draft. A draft is shown only to the unit's
     * own people; to the department it does not exist until submitted.
     */
    @Transactional(readOnly = true)
    public Optional<AnnualReport> find(UnitId unit, int year) {
        Caller caller = guard.requireReadAccess(unit);
        // Checked against the unit holding the report now: after a split it may live elsewhere than its writer.
        return reports.idOf(unit, year).flatMap(reports::find)
                .filter(r -> caller.canRead(r.unitId()))
                .filter(r -> r.isSubmitted() || caller.isAdministrator() || caller.hasRoleIn(r.unitId(), Role.values()))
                .map(this::withFigures);
    }

    /** The periods the unit still owes a report for (the overdue ones are past their deadline). */
    @Transactional(readOnly = true)
    public List<ReportPeriod> owed(UnitId unit) {
        guard.requireReadAccess(unit);
        return ReportPeriod.owed(reports.periods(), reports.createdOn(unit, clock.getZone()),
                reports.submittedYears(unit));
    }

    /** Whether the caller may open and edit the unit's reports, and whether they may submit them. */
    @Transactional(readOnly = true)
    public boolean canEdit(UnitId unit) {
        Caller caller = guard.caller();
        return caller.canEdit(unit);
    }

    @Transactional(readOnly = true)
    public boolean canSubmit(UnitId unit) {
        Caller caller = guard.caller();
        return caller.isAdministrator() || caller.hasRoleIn(unit, Role.UNIT_HEAD);
    }

    /** Opens the year's report as a draft compiled from the data; the one already open if there is one. */
    @Transactional
    public AnnualReport open(UnitId unit, Integer year) {
        guard.requireEditor(unit);
        int reportYear = checkYear(year);
        reports.lockPeriod(reportYear);
        Optional<Long> existing = reports.idOf(unit, reportYear);
        if (existing.isPresent()) {
            return withFigures(reports.find(existing.get()).orElseThrow());
        }
        ReportPeriod period = reports.period(reportYear)
                .orElseThrow(() -> new DomainException("error.report.noPeriod", String.valueOf(reportYear)));
        List<String> bodies = new ArrayList<>();
        String compiled = summary(reportYear, reports.compute(unit, reportYear, clock.getZone()));
        bodies.add(compiled);
        while (bodies.size() < period.sections().size()) {
            bodies.add("");
        }
        long id = reports.insert(unit, reportYear, period.sections(), bodies, now());
        reports.setCompiledSummary(id, compiled);
        trail.record("REPORT_OPENED", TARGET, id, unit, String.valueOf(reportYear));
        return withFigures(reports.find(id).orElseThrow());
    }

    /** Saves the sections' text of a draft; {@code bodies} in the sections' order. */
    @Transactional
    public AnnualReport save(long id, int version, List<String> bodies) {
        guard.requireEditor(existing(id).unitId());
        AnnualReport report = editable(id);
        write(report, version, bodies);
        // What the first section would say now: if the text saved is exactly that, it keeps following the figures.
        reports.setCompiledSummary(id, summary(report.year(),
                reports.compute(report.unitId(), report.year(), clock.getZone())));
        trail.record("REPORT_SAVED", TARGET, id, report.unitId(), String.valueOf(report.year()));
        return withFigures(reports.find(id).orElseThrow());
    }

    /**
     * The head submits the report as it stands on their screen: sections saved, every section written, the figures
     * counted now and frozen, the department told.
     */
    @Transactional
    public AnnualReport submit(long id, int version, List<String> bodies) {
        Caller caller = guard.requireRoleIn(existing(id).unitId(), Role.UNIT_HEAD);
        AnnualReport report = editable(id);
        checkYear(report.year());
        for (int i = 0; bodies != null && i < Math.min(bodies.size(), report.sections().size()); i++) {
            if (bodies.get(i) == null || bodies.get(i).isBlank()) {
                throw new DomainException("error.report.sectionEmpty", report.sections().get(i).heading());
            }
        }
        write(report, version, bodies);
        reports.submit(id, caller.user().orElseThrow(), now(),
                reports.compute(report.unitId(), report.year(), clock.getZone()));
        trail.record("REPORT_SUBMITTED", TARGET, id, report.unitId(), String.valueOf(report.year()));
        inbox.post(users.holdersOf(Role.OVERSIGHT), "notice.reportSubmitted",
                List.of(report.unitName(), String.valueOf(report.year())), ROUTE);
        return reports.find(id).orElseThrow();
    }

    /** Every unit with where its report of the year stands, and the submitted figures added up. */
    @Transactional(readOnly = true)
    public ProvinceReport province(int year) {
        guard.requireProvinceWide();
        ReportPeriod period = reports.period(year)
                .orElseThrow(() -> new DomainException("error.report.noPeriod", String.valueOf(year)));
        return new ProvinceReport(year, period.dueOn(), reports.province(year));
    }

    @Transactional(readOnly = true)
    public byte[] xlsx(UnitId unit, int year, Texts texts) {
        AnnualReport report = find(unit, year).orElseThrow(() -> new DomainException("error.report.notFound"));
        List<List<Object>> sections = new ArrayList<>();
        report.sections().forEach(s -> sections.add(List.of(s.heading(), s.body())));
        return new XlsxReport()
                .sheet(texts.get("report.sheet.figures"), List.of(texts.get("report.figure"), texts.get("report.value")),
                        figureRows(report.figures(), texts))
                .sheet(texts.get("report.sheet.sections"), List.of(texts.get("report.section"),
                        texts.get("report.body")), sections)
                .toBytes();
    }

    @Transactional(readOnly = true)
    public byte[] pdf(UnitId unit, int year, Texts texts) {
        AnnualReport report = find(unit, year).orElseThrow(() -> new DomainException("error.report.notFound"));
        PdfReport pdf = new PdfReport(texts.get("report.pdf.title", String.valueOf(report.year())))
                .field(texts.get("report.unit"), report.unitName())
                .field(texts.get("report.status"), texts.get("reportStatus." + report.status()))
                .field(texts.get("report.dueOn"), DAY.format(report.dueOn()));
        if (report.submittedAt() != null) {
            pdf.field(texts.get("report.submittedAt"), DAY.format(report.submittedAt().atZoneSameInstant(
                    clock.getZone())) + " · " + report.submittedBy());
        }
        pdf.heading(texts.get("report.figures"));
        report.figures().forEach((f, v) -> pdf.field(texts.get("figure." + f), String.valueOf(v)));
        report.sections().forEach(s -> pdf.heading(s.heading()).paragraph(s.body()));
        return pdf.toBytes();
    }

    @Transactional(readOnly = true)
    public byte[] provinceXlsx(int year, Texts texts) {
        ProvinceReport province = province(year);
        List<String> headers = new ArrayList<>(List.of(texts.get("unit.code"), texts.get("unit.name"),
                texts.get("unit.type"), texts.get("report.status"), texts.get("report.submittedAt")));
        Arrays.stream(Figure.values()).forEach(f -> headers.add(texts.get("figure." + f)));
        List<List<Object>> rows = new ArrayList<>();
        for (ProvinceReport.Line line : province.lines()) {
            List<Object> row = new ArrayList<>(List.of(line.code(), line.name(), texts.get("unitType." + line.type()),
                    statusText(line, texts), line.submittedAt() == null ? ""
                            : line.submittedAt().atZoneSameInstant(clock.getZone()).toLocalDateTime()));
            Arrays.stream(Figure.values()).forEach(f -> row.add(line.figures().containsKey(f)
                    ? (Object) line.figures().get(f) : ""));
            rows.add(row);
        }
        List<List<Object>> totals = new ArrayList<>();
        totals.add(List.of(texts.get("report.units"), (long) province.lines().size()));
        totals.add(List.of(texts.get("report.submittedCount"), province.submitted()));
        totals.addAll(figureRows(province.totals(), texts));
        return new XlsxReport()
                .sheet(texts.get("report.sheet.totals"), List.of(texts.get("report.figure"), texts.get("report.value")),
                        totals)
                .sheet(texts.get("report.sheet.units"), headers, rows)
                .toBytes();
    }

    @Transactional(readOnly = true)
    public byte[] provincePdf(int year, Texts texts) {
        ProvinceReport province = province(year);
        PdfReport pdf = new PdfReport(texts.get("report.province.title", String.valueOf(year)))
                .field(texts.get("report.dueOn"), DAY.format(province.dueOn()))
                .field(texts.get("report.units"), String.valueOf(province.lines().size()))
                .field(texts.get("report.submittedCount"), String.valueOf(province.submitted()))
                .heading(texts.get("report.province.totals"));
        province.totals().forEach((f, v) -> pdf.field(texts.get("figure." + f), String.valueOf(v)));
        pdf.heading(texts.get("report.province.missing"));
        province.lines().stream().filter(l -> l.status() != AnnualReport.Status.SUBMITTED)
                .forEach(l -> pdf.paragraph(l.code() + " · " + l.name() + " · " + statusText(l, texts)));
        return pdf.toBytes();
    }

    private static String statusText(ProvinceReport.Line line, Texts texts) {
        return texts.get("reportStatus." + (line.status() == null ? "NONE" : line.status().name()));
    }

    private static List<List<Object>> figureRows(Map<Figure, Long> figures, Texts texts) {
        List<List<Object>> rows = new ArrayList<>();
        figures.forEach((f, v) -> rows.add(List.of(texts.get("figure." + f), v)));
        return rows;
    }

    private AnnualReport existing(long id) {
        return reports.find(id).orElseThrow(() -> new DomainException("error.report.notFound"));
    }

    /** The report locked for a change, refused once submitted. */
    private AnnualReport editable(long id) {
        AnnualReport report = reports.lock(id).orElseThrow(() -> new DomainException("error.report.notFound"));
        if (report.isSubmitted()) {
            throw new DomainException("error.report.alreadySubmitted", String.valueOf(report.year()),
                    DAY.format(report.submittedAt().atZoneSameInstant(clock.getZone())));
        }
        return report;
    }

    private void write(AnnualReport report, int version, List<String> bodies) {
        if (bodies == null || bodies.size() != report.sections().size()) {
            throw new ConcurrentEditException();
        }
        for (String body : bodies) {
            if (body != null && body.length() > MAX_BODY) {
                throw new DomainException("error.tooLong", MAX_BODY);
            }
        }
        if (!reports.touch(report.id(), version, now())) {
            throw new ConcurrentEditException();
        }
        for (int i = 0; i < bodies.size(); i++) {
            reports.saveBody(report.id(), report.sections().get(i).position(),
                    bodies.get(i) == null ? "" : bodies.get(i).strip());
        }
    }

    /**
     * A draft with the figures counted now (a submitted report keeps the ones it was submitted with). A first section nobody edited is rewritten from them, so the text never
     * contradicts the cards above it; an edited one is kept, and the fresh text offered beside it.
     */
    private AnnualReport withFigures(AnnualReport report) {
        if (report.isSubmitted()) {
            return report;
        }
        Map<Figure, Long> figures = reports.compute(report.unitId(), report.year(), clock.getZone());
        String fresh = summary(report.year(), figures);
        List<AnnualReport.Section> sections = new ArrayList<>(report.sections());
        if (!sections.isEmpty() && sections.getFirst().body().equals(report.compiledSummary())) {
            AnnualReport.Section first = sections.getFirst();
            sections.set(0, new AnnualReport.Section(first.position(), first.heading(), fresh));
        }
        return new AnnualReport(report.id(), report.unitId(), report.unitName(), report.year(), report.status(),
                report.dueOn(), report.submittedAt(), report.submittedBy(), report.version(), List.copyOf(sections),
                figures, fresh);
    }

    /** A report is for a year that has begun: this year's (due at its end) or an earlier one. */
    private int checkYear(Integer year) {
        if (year == null) {
            throw new DomainException("error.report.yearRequired");
        }
        if (year > LocalDate.now(clock).getYear()) {
            throw new DomainException("error.report.futureYear", String.valueOf(year));
        }
        if (year < 2000) {
            throw new DomainException("error.report.yearRequired");
        }
        return year;
    }

    /** The compiled opening of the first section, in the language reports to the department are written in. */
    private static String summary(int year, Map<Figure, Long> f) {
        return "Năm " + year + ", đơn vị có " + f.get(Figure.PROCEDURES_IN_FORCE) + " quy trình đang có hiệu lực;"
                + " phạm vi áp dụng Hệ thống quản lý chất lượng gồm " + f.get(Figure.TTHC_IN_SCOPE)
                + " thủ tục hành chính; " + f.get(Figure.REVISIONS_ISSUED) + " lần ban hành, sửa đổi tài liệu có"
                + " hiệu lực trong năm. Đã thực hiện " + f.get(Figure.AUDITS_SIGNED) + " cuộc đánh giá nội bộ ("
                + f.get(Figure.AUDIT_FINDINGS) + " điểm không phù hợp) và " + f.get(Figure.REVIEWS_HELD)
                + " cuộc xem xét của lãnh đạo; ghi nhận " + f.get(Figure.NCS_OPENED) + " sự không phù hợp, khắc"
                + " phục xong " + f.get(Figure.NCS_CLOSED) + "."
                + (f.getOrDefault(Figure.DOSSIERS_RECEIVED, 0L) == 0 ? "" : " Bộ phận một cửa tiếp nhận "
                        + f.get(Figure.DOSSIERS_RECEIVED) + " hồ sơ thủ tục hành chính; giải quyết đúng hạn "
                        + f.get(Figure.DOSSIERS_ON_TIME) + ", quá hạn " + f.get(Figure.DOSSIERS_LATE) + " hồ sơ.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
