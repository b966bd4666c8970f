package vn.eiso.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.base.UnitId;
import vn.eiso.base.ui.Messages;
import vn.eiso.organisation.UnitType;
import vn.eiso.support.GeneratedProvince;
import vn.eiso.support.ServiceTest;

/**
 * The console on a generated province: every unit at the stage its data puts it in, every figure equal to a direct
 * count of the tables, the workbook reading back the same, and only the science department seeing the province.
 */
@Transactional
class RolloutConsoleTest extends ServiceTest {

    @Autowired
    RolloutConsole console;
    @Autowired
    DSLContext dsl;

    private Map<UnitId, Stage> generated;

    @BeforeEach
    void generate() {
        UnitId root = unit("HOAAN");
        generated = new GeneratedProvince(dsl, as("admin").userId(), today, clock.getZone())
                .generate("GEN", root, 36, 40, 18);
    }

    private long count(String sql, Object... args) {
        return ((Number) dsl.fetchValue(sql, args)).longValue();
    }

    @Test
    void every_generated_unit_stands_at_the_stage_its_data_puts_it_in() {
        as("sokhcn");
        Map<UnitId, UnitStanding> byId = console.overview().units().stream()
                .collect(Collectors.toMap(UnitStanding::id, Function.identity()));
        generated.forEach((unit, stage) -> assertThat(byId.get(unit).stage()).as(byId.get(unit).code())
                .isEqualTo(stage));
        assertThat(generated.values()).containsAll(List.of(Stage.values()));
    }

    @Test
    void every_figure_equals_a_direct_count_of_the_data() {
        as("sokhcn");
        ProvinceOverview overview = console.overview();
        assertThat(overview.units()).hasSize((int) count(
                "select count(*) from unit where status = 'ACTIVE' and unit_type <> 'PROVINCE'"));
        for (UnitStanding u : overview.units()) {
            long id = u.id().value();
            UnitStanding.Overdue o = u.overdue();
            assertThat(o.documentReviews()).as(u.code() + " reviews").isEqualTo(count("select count(*) from document"
                    + " where unit_id = ? and status = 'EFFECTIVE' and (next_review_on < cast(? as date)"
                    + " or review_flag is not null)", id, today));
            assertThat(o.audits()).as(u.code() + " audits").isEqualTo(count("select count(*) from audit where"
                    + " unit_id = ? and status in ('PLANNED', 'IN_PROGRESS') and ends_on < cast(? as date)", id, today));
            assertThat(o.nonconformities()).as(u.code() + " ncs").isEqualTo(count("select count(*) from"
                    + " nonconformity n where n.unit_id = ? and n.status <> 'CLOSED' and ((n.status = 'VERIFYING'"
                    + " and n.verify_due_on < cast(? as date)) or exists (select 1 from corrective_action a where"
                    + " a.nc_id = n.id and a.done_at is null and a.due_on < cast(? as date)))", id, today, today));
            assertThat(o.reports()).as(u.code() + " reports").isEqualTo(count("select count(*) from report_period p"
                    + " where p.due_on < cast(? as date) and (select extract(year from created_at) from unit where"
                    + " id = ?) <= p.report_year and not exists (select 1 from annual_report r where"
                    + " r.unit_id = ? and r.report_year = p.report_year and r.status = 'SUBMITTED')", today, id, id));
            assertThat(o.reannouncement()).as(u.code() + " due").isEqualTo(count(
                    "select count(*) from announcement where unit_id = ? and status = 'DUE'", id));
            assertThat(u.tthc().procedures()).as(u.code() + " TTHC").isEqualTo(count("select count(*) from unit_tthc m"
                    + " join tthc t on t.id = m.tthc_id where m.unit_id = ? and m.source <> 'EXCLUDED' and"
                    + " t.status = 'ACTIVE'", id));
        }
        UnitStanding justice = overview.units().stream().filter(u -> u.code().equals("STP")).findFirst().orElseThrow();
        assertThat(justice.tthc().covered()).as("QT-06 covers 1.001233").isEqualTo(1);
        int onTime = (int) count("select sum(on_time) from dossier_statistic where unit_id = ?", justice.id().value());
        int late = (int) count("select sum(late) from dossier_statistic where unit_id = ?", justice.id().value());
        assertThat(justice.onTimeRate()).isEqualTo(Math.floor(1000.0 * onTime / (onTime + late)) / 10.0);
        assertThat(justice.tthc().procedures()).isGreaterThan(10);
        assertThat(ProvinceOverview.tthc(overview.units()).procedures()).isEqualTo(count("select count(*) from"
                + " unit_tthc m join tthc t on t.id = m.tthc_id join unit u on u.id = m.unit_id where"
                + " m.source <> 'EXCLUDED' and t.status = 'ACTIVE' and u.status = 'ACTIVE'"
                + " and u.unit_type <> 'PROVINCE'"));
        for (UnitType type : UnitType.values()) {
            long direct = count("select count(*) from unit where status = 'ACTIVE' and unit_type = ?", type.name());
            assertThat(overview.countByType().getOrDefault(type, 0L)).as(type.name())
                    .isEqualTo(type == UnitType.PROVINCE ? 0 : direct);
        }
        assertThat(overview.announced()).isPositive().isEqualTo(count("select count(distinct a.unit_id) from"
                + " announcement a join unit u on u.id = a.unit_id where u.status = 'ACTIVE' and a.status in"
                + " ('ANNOUNCED', 'DUE')"));
        assertThat(ProvinceOverview.sum(overview.units(), OverdueItem.Kind.DOCUMENT_REVIEW)).isEqualTo(count(
                "select count(*) from document d join unit u on u.id = d.unit_id where u.status = 'ACTIVE' and"
                        + " d.status = 'EFFECTIVE' and (d.next_review_on < cast(? as date) or d.review_flag is not null)",
                today));
    }

    @Test
    void the_workbook_reads_back_the_same_figures_as_the_screen() throws Exception {
        as("sokhcn");
        ConsoleFilter communes = new ConsoleFilter(null, UnitType.COMMUNE, null, null, null);
        List<UnitStanding> rows = console.overview().filter(communes);
        byte[] xlsx = console.xlsx(communes, Messages.texts(Messages.VIETNAMESE));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet units = book.getSheet("Đơn vị");
            assertThat(units.getLastRowNum()).isEqualTo(rows.size());
            Row first = units.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(rows.getFirst().code());
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo(
                    Messages.texts(Messages.VIETNAMESE).get("stage." + rows.getFirst().stage()));
            assertThat((int) first.getCell(10).getNumericCellValue())
                    .isEqualTo(rows.getFirst().overdue().documentReviews());
            Map<String, Double> summary = new HashMap<>();
            for (Row row : book.getSheet("Tổng hợp")) {
                if (row.getRowNum() > 0) {
                    summary.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            assertThat(summary.get("Số đơn vị")).isEqualTo((double) rows.size());
            assertThat(summary.get("Số đơn vị đã công bố"))
                    .isEqualTo((double) rows.stream().filter(u -> u.stage().isAnnounced()).count());
            assertThat(summary.get("Duy trì, cải tiến"))
                    .isEqualTo((double) rows.stream().filter(u -> u.stage() == Stage.MAINTAINING).count());
            assertThat(summary.get("Sự không phù hợp quá hạn"))
                    .isEqualTo((double) ProvinceOverview.sum(rows, OverdueItem.Kind.NONCONFORMITY));
        }
        assertThat(count("select count(*) from audit_event where action = 'CONSOLE_EXPORTED'")).isPositive();
    }

    @Test
    void drilling_into_a_unit_lists_the_items_behind_its_counts() {
        as("sokhcn");
        UnitId unit = generated.keySet().stream().skip(1).findFirst().orElseThrow();
        UnitDetail detail = console.unit(unit);
        UnitStanding.Overdue o = detail.standing().overdue();
        assertThat(o.total()).isPositive();
        Map<OverdueItem.Kind, Long> kinds = detail.items().stream()
                .collect(Collectors.groupingBy(OverdueItem::kind, Collectors.counting()));
        for (OverdueItem.Kind kind : OverdueItem.Kind.values()) {
            assertThat(kinds.getOrDefault(kind, 0L)).as(kind.name()).isEqualTo(o.count(kind));
        }
        assertThat(detail.items()).filteredOn(i -> i.kind() == OverdueItem.Kind.DOCUMENT_REVIEW)
                .allSatisfy(i -> assertThat(i.due()).isBefore(today))
                .allSatisfy(i -> assertThat(i.link()).startsWith("document/"));
    }

    @Test
    void a_unit_sees_only_itself_and_only_the_department_sees_the_province() {
        as("thuky.stp");
        assertThat(console.overview().units()).extracting(UnitStanding::code).containsExactly("STP");
        UnitId other = generated.keySet().iterator().next();
        assertThatThrownBy(() -> console.unit(other)).isInstanceOf(AccessDeniedException.class);
        assertThat(console.unit(stp).standing().code()).isEqualTo("STP");
        as("lanhdao.xa");
        assertThat(console.overview().units()).extracting(UnitStanding::code).containsExactly("X-TANPHU");
        as("admin");
        assertThat(console.overview().units()).hasSizeGreaterThan(generated.size());
    }
}
