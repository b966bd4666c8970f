package vn.eiso.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.eiso.base.Spreadsheet.Column;

class SpreadsheetTest {

    private static final List<Column> COLUMNS = List.of(
            Column.required("code", "mã", "mã tài liệu"),
            Column.required("title", "tiêu đề", "tên tài liệu"),
            Column.optional("effective_date", "ngày hiệu lực"),
            Column.optional("revision", "lần ban hành"));

    private static Spreadsheet.Sheet csv(String text) {
        return Spreadsheet.read("danh-muc.csv", text.getBytes(StandardCharsets.UTF_8), COLUMNS, 100);
    }

    private static void refused(ThrowingCallable reading, String key, Object... args) {
        assertThatThrownBy(reading).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.args()).containsExactly(args);
        });
    }

    @Test
    void a_quoted_title_keeps_its_comma() {
        var sheet = csv("code,title\nQT-01,\"Quy trình tiếp nhận, trả kết quả\"\n");

        assertThat(sheet.hadHeader()).isTrue();
        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.get("code")).isEqualTo("QT-01");
            assertThat(row.get("title")).isEqualTo("Quy trình tiếp nhận, trả kết quả");
        });
    }

    @Test
    void a_semicolon_in_a_later_title_does_not_switch_a_comma_file() {
        var sheet = csv("code,title,effective_date\nQT-02,Kiểm soát; lưu trữ hồ sơ; tài liệu,2024-01-01\n");

        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.get("title")).isEqualTo("Kiểm soát; lưu trữ hồ sơ; tài liệu");
            assertThat(row.get("effective_date")).isEqualTo("2024-01-01");
        });
    }

    @Test
    void a_semicolon_file_as_excel_writes_it_for_vietnamese_is_split_on_semicolons() {
        var sheet = csv("mã;tiêu đề;lần ban hành\nQT-03;Quy trình 1,5 ngày;2\n");

        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.get("code")).isEqualTo("QT-03");
            assertThat(row.get("title")).isEqualTo("Quy trình 1,5 ngày");
            assertThat(row.get("revision")).isEqualTo("2");
        });
    }

    @Test
    void a_line_break_inside_quotes_keeps_the_following_line_numbers_those_of_the_editor() {
        var sheet = csv("code,title\nQT-01,\"Dòng một\nDòng hai\"\n\nQT-02,Sau dòng trống\nQT-03,Cuối\n");

        assertThat(sheet.rows()).extracting(Spreadsheet.Row::line).containsExactly(2, 5, 6);
        assertThat(sheet.rows().getFirst().get("title")).isEqualTo("Dòng một\nDòng hai");
    }

    @Test
    void doubled_quotes_are_one_quote() {
        var sheet = csv("code,title\nQĐ-01,\"Quyết định \"\"một cửa\"\"\"\n");

        assertThat(sheet.rows().getFirst().get("title")).isEqualTo("Quyết định \"một cửa\"");
    }

    @Test
    void a_byte_order_mark_does_not_hide_the_header() {
        var sheet = csv("\uFEFFcode,title\nQT-01,Có BOM\n");

        assertThat(sheet.hadHeader()).isTrue();
        assertThat(sheet.ignoredColumns()).isEmpty();
        assertThat(sheet.rows().getFirst().get("code")).isEqualTo("QT-01");
    }

    @Test
    void windows_line_ends_leave_no_carriage_return_and_count_one_line_each() {
        var sheet = csv("code,title\r\nQT-01,Một\r\nQT-02,Hai\r\n");

        assertThat(sheet.rows()).extracting(Spreadsheet.Row::line).containsExactly(2, 3);
        assertThat(sheet.rows()).extracting(r -> r.get("title")).containsExactly("Một", "Hai");
    }

    @Test
    void headers_match_folded_in_any_spelling_and_unknown_ones_are_reported() {
        var sheet = csv("Mã tài liệu,Tên_tài-liệu,Ngay hieu luc,Ghi chú\nQT-01,Quy trình,2024-05-01,xem lại\n");

        assertThat(sheet.ignoredColumns()).containsExactly("Ghi chú");
        assertThat(sheet.rows().getFirst().cells()).containsEntry("code", "QT-01")
                .containsEntry("title", "Quy trình").containsEntry("effective_date", "2024-05-01")
                .containsEntry("revision", "");
        assertThat(csv("code,title,Effective date\nA,B,2024-01-01\n").rows().getFirst().get("effective_date"))
                .isEqualTo("2024-01-01");
    }

    @Test
    void a_header_without_a_required_column_is_refused_naming_the_column() {
        refused(() -> csv("tiêu đề,ngày hiệu lực\nQuy trình,2024-01-01\n"), "error.sheet.missingColumn", "code");
    }

    @Test
    void without_a_header_cells_fill_the_columns_in_order() {
        var sheet = csv("QT-01,Quy trình,2024-01-01,2,thừa\nQT-02,Chỉ hai cột\n");

        assertThat(sheet.hadHeader()).isFalse();
        assertThat(sheet.rows()).extracting(Spreadsheet.Row::line).containsExactly(1, 2);
        assertThat(sheet.rows().getFirst().cells()).hasSize(4).containsEntry("revision", "2");
        assertThat(sheet.rows().get(1).get("effective_date")).isEmpty();
    }

    @Test
    void an_unclosed_or_misplaced_quote_is_refused_naming_the_line() {
        refused(() -> csv("code,title\nQT-01,Một\nQT-02,\"Chưa đóng\nQT-03,Ba\n"), "error.sheet.malformed", 3);
        refused(() -> csv("code,title\nQT-01,\"Một\"\" hai\"\nQT-02,\"Quy trình\" thêm chữ\n"),
                "error.sheet.malformed", 3);
    }

    @Test
    void text_that_is_not_utf8_is_refused() {
        byte[] latin1 = "code,title\nQT-01,Tân Lập\n".getBytes(StandardCharsets.ISO_8859_1);

        refused(() -> Spreadsheet.read("a.csv", latin1, COLUMNS, 100), "error.sheet.notUtf8");
    }

    @Test
    void more_data_rows_than_allowed_are_refused_but_the_header_does_not_count() {
        byte[] three = "code,title\nA,1\nB,2\nC,3\n".getBytes(StandardCharsets.UTF_8);

        assertThat(Spreadsheet.read("a.csv", three, COLUMNS, 3).rows()).hasSize(3);
        refused(() -> Spreadsheet.read("a.csv", three, COLUMNS, 2), "error.sheet.tooManyRows", 2);
    }

    @Test
    void a_file_with_only_a_header_or_blank_lines_is_empty() {
        refused(() -> csv("code,title\n\n, ,\n"), "error.sheet.empty");
        refused(() -> csv(""), "error.sheet.empty");
    }

    @Test
    void an_xlsx_sheet_reads_dates_as_iso_and_whole_numbers_without_a_decimal() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Danh mục");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Mã");
            header.createCell(1).setCellValue("Tiêu đề");
            header.createCell(2).setCellValue("Ngày hiệu lực");
            header.createCell(3).setCellValue("Lần ban hành");
            header.createCell(4).setCellValue("Người soạn");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle oneDecimal = book.createCellStyle();
            oneDecimal.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("0.0"));
            // Row 2 stays blank: it is skipped, and the next row keeps the number the sheet shows.
            Row data = sheet.createRow(2);
            data.createCell(0).setCellValue("QT-01");
            data.createCell(1).setCellValue("Quy trình, có dấu phẩy");
            data.createCell(2).setCellValue(LocalDate.of(2024, 3, 15));
            data.getCell(2).setCellStyle(date);
            data.createCell(3).setCellValue(3);
            data.getCell(3).setCellStyle(oneDecimal);
            book.write(out);
            workbook = out.toByteArray();
        }

        var sheet = Spreadsheet.read("Danh mục.XLSX", workbook, COLUMNS, 100);

        assertThat(sheet.hadHeader()).isTrue();
        assertThat(sheet.ignoredColumns()).containsExactly("Người soạn");
        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.cells()).containsEntry("code", "QT-01").containsEntry("title", "Quy trình, có dấu phẩy")
                    .containsEntry("effective_date", "2024-03-15").containsEntry("revision", "3");
        });
    }

    @Test
    void a_file_named_xlsx_that_is_no_workbook_is_refused() {
        byte[] text = "code,title\nA,B\n".getBytes(StandardCharsets.UTF_8);

        refused(() -> Spreadsheet.read("a.xlsx", text, COLUMNS, 100), "error.sheet.unreadable");
    }
}
