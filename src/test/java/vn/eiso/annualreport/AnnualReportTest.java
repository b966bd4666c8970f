package vn.eiso.annualreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.ConcurrentEditException;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Messages;
import vn.eiso.document.DocumentData;
import vn.eiso.document.DocumentRegister;
import vn.eiso.document.DocumentType;
import vn.eiso.document.RevisionWorkflow;
import vn.eiso.support.Accounts;
import vn.eiso.support.GeneratedProvince;
import vn.eiso.support.ServiceTest;

/**
 * A unit's annual report: compiled from the data, edited, submitted once by the head with its figures frozen; the
 * department's consolidation adds the submitted figures up, on screen, in the workbook and in the PDF.
 */
@Transactional
class AnnualReportTest extends ServiceTest {

    private static final String T = "cast(? as timestamp with time zone)";

    @Autowired
    AnnualReports reports;
    @Autowired
    DSLContext dsl;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;

    private long count(String sql, Object... args) {
        return ((Number) dsl.fetchValue(sql, args)).longValue();
    }

    /** The figures of a unit's year counted straight from the tables, written apart from the repository's queries. */
    private Map<Figure, Long> direct(long unit, int year) {
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime to = from.plusYears(1);
        String first = year + "-01-01";
        String last = year + "-12-31";
        Map<Figure, Long> f = new HashMap<>();
        f.put(Figure.PROCEDURES_IN_FORCE, count("select count(*) from document where unit_id = ? and"
                + " doc_type = 'PROCEDURE' and status = 'EFFECTIVE'", unit));
        f.put(Figure.TTHC_IN_SCOPE, count("select count(*) from qms_scope_item where unit_id = ? and kind = 'TTHC'",
                unit));
        f.put(Figure.REVISIONS_ISSUED, count("select count(*) from revision r join document d on d.id ="
                + " r.document_id where d.unit_id = ? and r.effective_at >= " + T + " and r.effective_at < " + T,
                unit, from, to));
        f.put(Figure.AUDITS_SIGNED, count("select count(*) from audit where unit_id = ? and signed_at >= " + T
                + " and signed_at < " + T + " and status in ('SIGNED', 'ACKNOWLEDGED')", unit, from, to));
        f.put(Figure.AUDIT_FINDINGS, count("select count(*) from audit_item i join audit a on a.id = i.audit_id"
                + " where a.unit_id = ? and a.signed_at >= " + T + " and a.signed_at < " + T
                + " and a.status in ('SIGNED', 'ACKNOWLEDGED') and i.result in ('MINOR_NC', 'MAJOR_NC')",
                unit, from, to));
        f.put(Figure.REVIEWS_HELD, count("select count(*) from management_review where unit_id = ? and"
                + " status = 'CLOSED' and held_on between cast(? as date) and cast(? as date)", unit, first, last));
        f.put(Figure.NCS_OPENED, count("select count(*) from nonconformity where unit_id = ? and reported_at >= "
                + T + " and reported_at < " + T, unit, from, to));
        f.put(Figure.NCS_CLOSED, count("select count(*) from nonconformity where unit_id = ? and status = 'CLOSED'"
                + " and closed_at >= " + T + " and closed_at < " + T, unit, from, to));
        f.put(Figure.ANNOUNCEMENTS, count("select count(*) from announcement where unit_id = ? and decided_on"
                + " between cast(? as date) and cast(? as date)", unit, first, last));
        f.put(Figure.INSPECTION_FINDINGS, count("select count(*) from inspection_finding f join inspection i on"
                + " i.id = f.inspection_id where i.unit_id = ? and f.created_at >= " + T + " and f.created_at < " + T,
                unit, from, to));
        for (var figure : java.util.Map.of(Figure.DOSSIERS_RECEIVED, "received", Figure.DOSSIERS_ON_TIME, "on_time",
                Figure.DOSSIERS_LATE, "late").entrySet()) {
            f.put(figure.getKey(), count("select coalesce(sum(" + figure.getValue() + "), 0) from dossier_statistic"
                    + " where unit_id = ? and month_start between cast(? as date) and cast(? as date)", unit, first,
                    last));
        }
        return f;
    }

    @Test
    void the_head_submits_once_and_the_figures_are_those_of_the_data() {
        int year = today.getYear();
        as("thuky.stp");
        AnnualReport draft = reports.find(stp, year).orElseThrow();
        assertThat(draft.status()).isEqualTo(AnnualReport.Status.DRAFT);
        assertThat(draft.figures()).isEqualTo(direct(stp.value(), year));
        assertThat(draft.figures().get(Figure.PROCEDURES_IN_FORCE)).isPositive();
        assertThatThrownBy(() -> reports.submit(draft.id(), draft.version(), List.of("a", "b", "c", "d", "e")))
                .isInstanceOf(AccessDeniedException.class);

        List<String> bodies = List.of("Mục 1", "Mục 2", "Mục 3", "Mục 4", "Mục 5");
        AnnualReport saved = reports.save(draft.id(), draft.version(), bodies);
        assertThatThrownBy(() -> reports.save(draft.id(), draft.version(), bodies))
                .isInstanceOf(ConcurrentEditException.class);

        as("lanhdao.stp");
        assertThatThrownBy(() -> reports.submit(saved.id(), saved.version(), List.of("Mục 1", " ", "c", "d", "e")))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.report.sectionEmpty");
        assertThat(reports.find(stp, year).orElseThrow().status()).isEqualTo(AnnualReport.Status.DRAFT);
        AnnualReport submitted = reports.submit(saved.id(), saved.version(), bodies);
        assertThat(submitted.status()).isEqualTo(AnnualReport.Status.SUBMITTED);
        assertThat(submitted.figures()).isEqualTo(direct(stp.value(), year));
        assertThat(submitted.sections()).extracting(AnnualReport.Section::body).isEqualTo(bodies);

        assertThatThrownBy(() -> reports.submit(submitted.id(), submitted.version(), bodies))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.report.alreadySubmitted");
        assertThat(reports.find(stp, year).orElseThrow().submittedAt()).isEqualTo(submitted.submittedAt());
        assertThat(count("select count(*) from audit_event where action = 'REPORT_SUBMITTED' and target_id = ?",
                String.valueOf(submitted.id()))).isEqualTo(1);
        as("sokhcn");
        assertThat(count("select count(*) from notification n join app_user u on u.id = n.recipient_id where"
                + " u.username = 'sokhcn' and n.message_key = 'notice.reportSubmitted' and n.params like ?",
                "Sở Tư pháp%" + year)).isEqualTo(1);
    }

    @Test
    void a_report_opens_with_its_first_section_written_from_the_figures_and_the_period_sections() {
        as("sokhcn");
        reports.savePeriod(2024, null, LocalDate.of(2024, 12, 15), "I. Kết quả\nII. Kiến nghị");
        as("thuky.stp");
        AnnualReport opened = reports.open(stp, 2024);
        assertThat(opened.sections()).extracting(AnnualReport.Section::heading)
                .containsExactly("I. Kết quả", "II. Kiến nghị");
        assertThat(opened.figures()).isEqualTo(direct(stp.value(), 2024));
        assertThat(opened.sections().getFirst().body()).startsWith("Năm 2024, đơn vị có "
                + opened.figures().get(Figure.PROCEDURES_IN_FORCE) + " quy trình đang có hiệu lực");
        assertThat(opened.sections().get(1).body()).isEmpty();
        assertThat(reports.open(stp, 2024).id()).isEqualTo(opened.id());
    }

    @Test
    void on_a_generated_province_each_report_counts_its_own_unit_s_data() {
        var admin = as("admin");
        var generated = new GeneratedProvince(dsl, admin.userId(), today, clock.getZone())
                .generate("RPT", unit("HOAAN"), 6, 20, 12);
        long compared = 0;
        long withNonconformities = 0;
        for (var unit : generated.keySet()) {
            for (int year : List.of(today.getYear(), today.getYear() - 1)) {
                // Half the generated units submitted already (without figures); the others open a draft now.
                AnnualReport report = reports.find(unit, year).orElseGet(() -> reports.open(unit, year));
                if (!report.isSubmitted()) {
                    assertThat(report.figures()).as(unit + " " + year).isEqualTo(direct(unit.value(), year));
                    compared++;
                    withNonconformities += report.figures().get(Figure.NCS_OPENED) > 0 ? 1 : 0;
                }
            }
        }
        assertThat(compared).isEqualTo(6);
        assertThat(withNonconformities).isPositive();
    }

    @Test
    void a_future_year_an_unopened_year_and_a_second_period_are_refused() {
        int next = today.getYear() + 1;
        as("thuky.stp");
        assertThatThrownBy(() -> reports.open(stp, next)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.report.futureYear");
        assertThatThrownBy(() -> reports.open(stp, 2019)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.report.noPeriod");
        as("sokhcn");
        assertThatThrownBy(() -> reports.savePeriod(next, null, LocalDate.of(next, 12, 15), "1. Mục"))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.report.futureYear");
        assertThatThrownBy(() -> reports.savePeriod(today.getYear(), null, LocalDate.of(today.getYear(), 12, 15),
                "1. Mục")).isInstanceOf(DomainException.class).hasMessageStartingWith("error.report.periodExists");
        assertThatThrownBy(() -> reports.savePeriod(2020, null, LocalDate.of(2020, 12, 15), " \n "))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.report.sectionsRequired");
        assertThat(count("select count(*) from report_period where report_year in (2020, ?)", next)).isZero();
        assertThat(count("select count(*) from annual_report where report_year = ?", next)).isZero();
    }

    @Test
    void drafts_stay_with_the_unit_and_only_the_department_consolidates() {
        int year = today.getYear();
        as("sokhcn");
        assertThat(reports.find(stp, year)).isEmpty();
        assertThat(reports.find(stp, year - 1)).isPresent();
        assertThatThrownBy(() -> reports.open(stp, year)).isInstanceOf(AccessDeniedException.class);
        as("thuky.xa");
        assertThatThrownBy(() -> reports.find(stp, year - 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.province(year - 1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_province_adds_up_the_submitted_reports_in_the_workbook_and_the_pdf() throws Exception {
        int year = today.getYear() - 1;
        as("sokhcn");
        ProvinceReport province = reports.province(year);
        assertThat(province.lines()).hasSize((int) count("select count(*) from unit where status = 'ACTIVE'"
                + " and unit_type <> 'PROVINCE'"));
        assertThat(province.submitted()).isPositive().isEqualTo(count(
                "select count(*) from annual_report where report_year = ? and status = 'SUBMITTED'", year));
        for (Figure f : Figure.values()) {
            assertThat(province.totals().get(f)).as(f.name()).isEqualTo(count("select coalesce(sum(g.figure_value), 0)"
                    + " from annual_report_figure g join annual_report r on r.id = g.report_id where r.report_year = ?"
                    + " and r.status = 'SUBMITTED' and g.figure_key = ?", year, f.name()));
        }
        var texts = Messages.texts(Messages.VIETNAMESE);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(reports.provinceXlsx(year, texts)))) {
            Map<String, Double> totals = new HashMap<>();
            for (Row row : book.getSheet("Tổng hợp")) {
                if (row.getRowNum() > 0) {
                    totals.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            assertThat(totals.get("Đã nộp")).isEqualTo((double) province.submitted());
            assertThat(totals.get("Quy trình đang hiệu lực"))
                    .isEqualTo((double) province.totals().get(Figure.PROCEDURES_IN_FORCE));
            assertThat(book.getSheet("Đơn vị").getLastRowNum()).isEqualTo(province.lines().size());
        }
        try (PDDocument pdf = Loader.loadPDF(reports.provincePdf(year, texts))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Báo cáo tổng hợp tình hình áp dụng HTQLCL năm " + year)
                    .contains("Đã nộp: " + province.submitted())
                    .contains("Quy trình đang hiệu lực: " + province.totals().get(Figure.PROCEDURES_IN_FORCE))
                    .contains("X-TANPHU");
        }
        as("thuky.stp");
        try (PDDocument pdf = Loader.loadPDF(reports.pdf(stp, year, texts))) {
            AnnualReport report = reports.find(stp, year).orElseThrow();
            assertThat(new PDFTextStripper().getText(pdf)).contains("Sở Tư pháp").contains("Đã nộp")
                    .contains(report.sections().get(3).heading());
        }
    }

    @Test
    void the_first_section_follows_the_figures_until_someone_edits_it() {
        int year = today.getYear();
        as("thuky.xa");
        var commune = unit("X-TANPHU");
        AnnualReport opened = reports.open(commune, year);
        assertThat(opened.sections().getFirst().body()).isEqualTo(opened.compiledSummary());
        assertThat(opened.summaryEdited()).isFalse();

        as("lanhdao.xa");
        inForceIn(commune);
        as("thuky.xa");
        AnnualReport later = reports.find(commune, year).orElseThrow();
        assertThat(later.figures().get(Figure.PROCEDURES_IN_FORCE))
                .isEqualTo(opened.figures().get(Figure.PROCEDURES_IN_FORCE) + 1);
        assertThat(later.sections().getFirst().body()).isEqualTo(later.compiledSummary())
                .isNotEqualTo(opened.sections().getFirst().body());
        assertThat(later.summaryEdited()).isFalse();

        List<String> bodies = new ArrayList<>(later.sections().stream().map(AnnualReport.Section::body)
                .toList());
        bodies.set(0, "Đơn vị tự viết phần đánh giá chung.");
        AnnualReport edited = reports.save(later.id(), later.version(), bodies);
        assertThat(edited.sections().getFirst().body()).isEqualTo("Đơn vị tự viết phần đánh giá chung.");
        assertThat(edited.summaryEdited()).isTrue();
        assertThat(edited.compiledSummary()).isEqualTo(later.compiledSummary());
    }

    @Test
    void a_report_submitted_after_its_deadline_is_marked_late() {
        as("lanhdao.stp");
        AnnualReport last = reports.find(stp, today.getYear() - 1).orElseThrow();
        assertThat(last.isSubmitted()).isTrue();
        assertThat(last.submittedLate(clock.getZone())).as("due %s, submitted %s", last.dueOn(), last.submittedAt())
                .isTrue();
        assertThat(AnnualReport.isLate(last.dueOn(), last.dueOn().atTime(23, 59).atZone(clock.getZone())
                .toOffsetDateTime(), clock.getZone())).isFalse();
        assertThat(AnnualReport.isLate(last.dueOn(), last.dueOn().plusDays(1).atStartOfDay(clock.getZone())
                .toOffsetDateTime(), clock.getZone())).isTrue();
    }

    /** A procedure taken into force in the unit by its head (author, reviewer and approver alike). */
    private void inForceIn(UnitId unit) {
        var document = register.create(unit, DocumentData.of("QT-F" + System.identityHashCode(this),
                "Quy trình mới của xã", DocumentType.PROCEDURE, null));
        var draft = workflow.startRevision(document.id(), "Ban hành");
        draft = workflow.editDraft(draft.id(), draft.version(), "Nội dung", "Ban hành");
        var submitted = workflow.submit(draft.id(), draft.version());
        as("thuky.xa");
        workflow.review(submitted.id(), Accounts.DEMO_PASSWORD, null);
        as("lanhdao.xa");
        workflow.approve(submitted.id(), workflow.get(submitted.id()).version(), Accounts.DEMO_PASSWORD,
                null, Set.of());
    }
}
