package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.organisation.UnitImport.LineReport;
import vn.eiso.organisation.UnitImport.Report;
import vn.eiso.support.Accounts;

@SpringBootTest
class UnitImportTest {

    @Autowired
    UnitImport unitImport;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;

    /** A prefix unique to each test, so codes never collide across tests sharing the database. */
    private String p;

    @BeforeEach
    void signIn() {
        Accounts.signIn(userDetails, "admin");
        p = "I" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
    }

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private boolean exists(String code) {
        return units.all().stream().anyMatch(u -> u.code().equals(code));
    }

    @Test
    void a_valid_file_imports_every_line_with_parents_given_later_in_the_file() {
        Report report = unitImport.importUnits(csv("""
                code;name;type;parent_code
                %1$sTT;Trung tâm trực thuộc;Đơn vị sự nghiệp;%1$sSO
                %1$sSO;"Sở Văn hóa; Thể thao";PROVINCIAL_AGENCY;HOAAN
                """.formatted(p)), false);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.invalidCount()).isZero();
        Unit centre = units.all().stream().filter(u -> u.code().equals(p + "TT")).findFirst().orElseThrow();
        Unit department = units.all().stream().filter(u -> u.code().equals(p + "SO")).findFirst().orElseThrow();
        assertThat(centre.parentId()).isEqualTo(department.id());
        assertThat(centre.type()).isEqualTo(UnitType.PUBLIC_SERVICE_UNIT);
        assertThat(department.name()).isEqualTo("Sở Văn hóa; Thể thao");
    }

    @Test
    void every_bad_line_is_reported_with_its_line_number_and_nothing_is_imported_by_default() {
        String text = """
                %1$sOK,Xã hợp lệ,COMMUNE,HOAAN
                %1$sNOPARENT,Xã mồ côi,COMMUNE,KHONG-CO
                %1$sBADTYPE,Xã sai loại,THANH_PHO,HOAAN
                %1$sOK,Trùng mã trong tệp,COMMUNE,HOAAN
                ,Thiếu mã,COMMUNE,HOAAN
                %1$sCHILD,Con của dòng lỗi,PUBLIC_SERVICE_UNIT,%1$sNOPARENT
                %1$sFEW,Thiếu cột
                HOAAN,Trùng mã có sẵn,PROVINCE,
                """.formatted(p);

        Report report = unitImport.importUnits(csv(text), false);

        assertThat(report.imported()).isZero();
        assertThat(report.lines()).extracting(LineReport::line, LineReport::errorKey).containsExactly(
                tuple(1, null),
                tuple(2, "import.error.parentUnknown"),
                tuple(3, "import.error.type"),
                tuple(4, "import.error.duplicateInFile"),
                tuple(5, "error.unit.codeRequired"),
                tuple(6, "import.error.parentLineInvalid"),
                tuple(7, "import.error.typeRequired"),
                tuple(8, "error.unit.codeTaken"));
        assertThat(exists(p + "OK")).isFalse();
    }

    @Test
    void the_administrator_may_choose_to_import_only_the_valid_lines() {
        Report report = unitImport.importUnits(csv("""
                %1$sA,Xã A,COMMUNE,HOAAN
                %1$sB,Xã B,COMMUNE,KHONG-CO
                """.formatted(p)), true);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(exists(p + "A")).isTrue();
        assertThat(exists(p + "B")).isFalse();
    }

    @Test
    void checking_a_file_writes_nothing() {
        Report report = unitImport.check(csv(p + "C,Xã C,COMMUNE,HOAAN\n"));
        assertThat(report.validCount()).isEqualTo(1);
        assertThat(exists(p + "C")).isFalse();
    }

    @Test
    void lines_naming_each_other_as_parents_are_a_cycle() {
        Report report = unitImport.importUnits(csv("""
                %1$sX,Một,COMMUNE,%1$sY
                %1$sY,Hai,COMMUNE,%1$sX
                %1$sZ,Con của vòng,COMMUNE,%1$sX
                """.formatted(p)), true);
        assertThat(report.imported()).isZero();
        assertThat(report.lines()).extracting(LineReport::errorKey)
                .containsExactly("error.unit.cycle", "error.unit.cycle", "import.error.parentLineInvalid");
    }

    @Test
    void files_that_are_not_utf8_empty_or_too_large_are_refused_whole() {
        byte[] latin1 = (p + "L,Xã Tân Lập,COMMUNE,HOAAN\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> unitImport.check(latin1)).hasMessageContaining("error.sheet.notUtf8");
        assertThatThrownBy(() -> unitImport.check(csv("code,name,type,parent\n\n"))).hasMessageContaining(
                "error.sheet.empty");
        assertThatThrownBy(() -> unitImport.check(new byte[UnitImport.MAX_BYTES + 1]))
                .hasMessageContaining("error.import.tooLarge");
    }

    @Test
    void a_workbook_is_read_by_its_vietnamese_headers_in_any_order_and_reports_the_columns_it_ignores()
            throws IOException {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            row(sheet, 0, "Tên đơn vị", "Mã", "Loại", "Mã đơn vị cấp trên", "Ghi chú");
            row(sheet, 1, "Xã Tân Lập", p + "X1", "Xã", "HOAAN", "sáp nhập 2025");
            row(sheet, 3, "Trạm y tế xã", p + "X2", "Đơn vị sự nghiệp", p + "X1", "");
            book.write(out);
            workbook = out.toByteArray();
        }

        Report report = unitImport.importUnits("Don vi.xlsx", workbook, false);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.lines()).extracting(LineReport::line).containsExactly(2, 4);
        assertThat(report.ignoredColumns()).containsExactly("Ghi chú");
        Unit commune = units.all().stream().filter(u -> u.code().equals(p + "X1")).findFirst().orElseThrow();
        assertThat(commune.type()).isEqualTo(UnitType.COMMUNE);
        assertThat(units.all()).filteredOn(u -> u.code().equals(p + "X2")).singleElement()
                .satisfies(u -> assertThat(u.parentId()).isEqualTo(commune.id()));
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }

    @Test
    void a_header_without_the_type_column_refuses_the_whole_file_naming_it() {
        assertThatThrownBy(() -> unitImport.check(csv("mã,tên\n" + p + "T,Xã T\n")))
                .hasMessageContaining("error.sheet.missingColumn").hasMessageContaining("type");
    }

    @Test
    void unit_types_are_read_from_codes_and_vietnamese_names() {
        assertThat(UnitImport.parseType("commune")).contains(UnitType.COMMUNE);
        assertThat(UnitImport.parseType("Phường")).contains(UnitType.COMMUNE);
        assertThat(UnitImport.parseType("Đơn vị sự nghiệp")).contains(UnitType.PUBLIC_SERVICE_UNIT);
        assertThat(UnitImport.parseType("huyện")).isEmpty();
    }

    @Test
    void only_administrators_import() {
        Accounts.signIn(userDetails, "sokhcn");
        assertThatThrownBy(() -> unitImport.check(csv(p + "Q,Xã,COMMUNE,HOAAN")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
