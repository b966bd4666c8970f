package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quoted_fields_keep_delimiters_quotes_and_line_breaks() {
        List<CsvReader.Row> rows = CsvReader.read("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,y\nlast,1,2");

        assertThat(rows).extracting(CsvReader.Row::fields).containsExactly(
                List.of("a", "b, c", "say \"hi\""), List.of("multi\nline", "x", "y"), List.of("last", "1", "2"));
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 4);
    }

    @Test
    void a_byte_order_mark_and_blank_lines_are_skipped_and_semicolons_are_detected() {
        List<CsvReader.Row> rows = CsvReader.read("\uFEFFmã;tên;loại\n\n;;\nX-01;Xã Một;COMMUNE\n");

        assertThat(rows).extracting(CsvReader.Row::fields)
                .containsExactly(List.of("mã", "tên", "loại"), List.of("X-01", "Xã Một", "COMMUNE"));
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void unit_types_are_read_from_codes_and_vietnamese_names() {
        assertThat(UnitImport.parseType("commune")).contains(UnitType.COMMUNE);
        assertThat(UnitImport.parseType("Phường")).contains(UnitType.COMMUNE);
        assertThat(UnitImport.parseType("Đơn vị sự nghiệp")).contains(UnitType.PUBLIC_SERVICE_UNIT);
        assertThat(UnitImport.parseType("huyện")).isEmpty();
    }
}
