package vn.eiso.nonconformity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import vn.eiso.base.ui.Messages;
import vn.eiso.support.ServiceTest;

/** The register's figures equal direct counts of the data, on screen and in the exported workbook. */
class NonconformityFiguresTest extends ServiceTest {

    private static final String T = "cast(? as timestamp with time zone)";

    @Autowired
    NonconformityFigures figures;
    @Autowired
    DSLContext dsl;

    private long count(String sql, Object... args) {
        return ((Number) dsl.fetchValue(sql, args)).longValue();
    }

    @Test
    void the_unit_figures_equal_direct_counts_and_the_workbook_reads_back_the_same() throws Exception {
        as("thuky.stp");
        NcFigures f = figures.of(stp);
        long u = stp.value();
        OffsetDateTime yearAgo = today.minusYears(1).atStartOfDay(clock.getZone()).toOffsetDateTime();

        assertThat(f.open()).isPositive().isEqualTo(count(
                "select count(*) from nonconformity where unit_id = ? and status <> 'CLOSED'", u));
        assertThat(f.closedLastYear()).isEqualTo(count("select count(*) from nonconformity where unit_id = ?"
                + " and status = 'CLOSED' and closed_reason is null and closed_at >= " + T, u, yearAgo));
        for (Nonconformity.Source source : Nonconformity.Source.values()) {
            assertThat(f.openBySource().get(source.name())).as(source.name()).isEqualTo(count(
                    "select count(*) from nonconformity where unit_id = ? and status <> 'CLOSED' and source = ?", u,
                    source.name()));
        }
        assertThat(f.overdueActions()).isEqualTo(count("select count(*) from corrective_action where unit_id = ?"
                + " and done_at is null and due_on < cast(? as date)", u, today));
        assertThat(f.openByAge().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(f.open());
        assertThat(f.openByClause().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(f.open());
        assertThat(f.openByUnit()).containsOnlyKeys("Sở Tư pháp");

        byte[] xlsx = figures.xlsx(stp, Messages.texts(Messages.VIETNAMESE));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet register = book.getSheet("Sổ theo dõi");
            assertThat(register.getLastRowNum()).isEqualTo((int) count(
                    "select count(*) from nonconformity where unit_id = ?", u));
            Map<String, Double> values = new HashMap<>();
            for (Row row : book.getSheet("Thống kê")) {
                if (row.getRowNum() > 0 && row.getCell(1) != null
                        && row.getCell(1).getCellType() == CellType.NUMERIC) {
                    values.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            assertThat(values.get("Đang mở")).isEqualTo((double) f.open());
            assertThat(values.get("Hành động khắc phục quá hạn")).isEqualTo((double) f.overdueActions());
            assertThat(values.get("Phản ánh của người dân"))
                    .isEqualTo((double) f.openBySource().get(Nonconformity.Source.CITIZEN.name()));
        }
    }

    @Test
    void only_the_science_department_sees_the_province_and_it_adds_up_over_the_units() {
        as("thuky.stp");
        assertThatThrownBy(() -> figures.of(null)).isInstanceOf(AccessDeniedException.class);
        as("sokhcn");
        NcFigures province = figures.of(null);
        assertThat(province.open()).isEqualTo(count("select count(*) from nonconformity where status <> 'CLOSED'"));
        assertThat(province.openByUnit().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(province.open());
    }
}
