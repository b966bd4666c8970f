package vn.eiso.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Exported cells keep their kind: a spreadsheet sorts dates as dates and sums numbers as numbers. */
class XlsxReportTest {

    @Test
    void dates_are_date_cells_numbers_numeric_cells_and_blanks_empty() throws Exception {
        byte[] xlsx = new XlsxReport().sheet("Sổ", List.of("Mã", "Ngày", "Lúc", "Số", "Trống"), List.of(
                List.of("NC-1", LocalDate.of(2026, 2, 28), LocalDateTime.of(2026, 3, 1, 8, 15), 42L, ""))).toBytes();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row row = book.getSheet("Sổ").getRow(1);
            Cell day = row.getCell(1);
            assertThat(day.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
            assertThat(day.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(new DataFormatter().formatCellValue(day)).isEqualTo("28/02/2026");
            assertThat(row.getCell(2).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 1, 8, 15));
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(42d);
            assertThat(row.getCell(4) == null || row.getCell(4).getCellType() == CellType.BLANK).isTrue();
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("NC-1");
        }
    }
}
