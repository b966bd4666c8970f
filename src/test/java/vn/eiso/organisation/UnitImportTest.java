package vn.eiso.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
                tuple(7, "import.error.columns"),
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
        assertThatThrownBy(() -> unitImport.check(latin1)).hasMessageContaining("error.import.encoding");
        assertThatThrownBy(() -> unitImport.check(csv("code,name,type,parent\n\n"))).hasMessageContaining(
                "error.import.empty");
        assertThatThrownBy(() -> unitImport.check(new byte[UnitImport.MAX_BYTES + 1]))
                .hasMessageContaining("error.import.tooLarge");
    }

    @Test
    void only_administrators_import() {
        Accounts.signIn(userDetails, "sokhcn");
        assertThatThrownBy(() -> unitImport.check(csv(p + "Q,Xã,COMMUNE,HOAAN")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
