package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.DocumentImport.FileReport;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;

@SpringBootTest
class DocumentImportTest {

    @Autowired
    DocumentImport documentImport;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;

    private UnitId unit;
    private String n;

    @BeforeEach
    void setUp() {
        unit = SystemAuthentication.runAsSystem(() -> units.byCode("X-TANPHU").id());
        Accounts.signIn(userDetails, "thuky.xa");
        n = String.valueOf(100 + (UUID.randomUUID().getMostSignificantBits() & 0x3FF) % 800);
    }

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private Map<String, FileReport> byName(DocumentImport.Report report) {
        return report.files().stream().collect(Collectors.toMap(FileReport::fileName, r -> r));
    }

    @Test
    void good_files_are_imported_and_each_bad_file_is_reported_without_stopping_the_rest() {
        String manifest = "file,code,title,type,revision,effective_date\n"
                + "quy-trinh-tiep-nhan.docx,QT-" + n + ",Quy trình tiếp nhận hồ sơ,PROCEDURE,3,15/01/2024\n";
        byte[] zip = Files.zip(
                "manifest.csv", manifest.getBytes(StandardCharsets.UTF_8),
                "tai-lieu/quy-trinh-tiep-nhan.docx", Files.docx("Tiếp nhận hồ sơ tại Bộ phận Một cửa"),
                "tai-lieu/BM-" + n + " Phiếu theo dõi.docx", Files.docx("Phiếu theo dõi"),
                "tai-lieu/HD-" + n + " hoa-don.pdf", Files.windowsExecutable(),
                "tai-lieu/QT-" + n + "1 Rỗng.docx", new byte[0],
                "tai-lieu/khong-co-ma.docx", Files.docx("x"),
                "tai-lieu/BM-" + n + " Trùng mã.docx", Files.docx("y"));

        DocumentImport.Report report = documentImport.importZip(unit, zip);
        Map<String, FileReport> files = byName(report);

        assertThat(report.importedCount()).isEqualTo(2);
        assertThat(files.get("quy-trinh-tiep-nhan.docx").imported()).isTrue();
        assertThat(files.get("BM-" + n + " Phiếu theo dõi.docx").code()).isEqualTo("BM-" + n);
        assertThat(files.get("HD-" + n + " hoa-don.pdf").errorKey()).isEqualTo("error.file.type");
        assertThat(files.get("QT-" + n + "1 Rỗng.docx").errorKey()).isEqualTo("error.file.empty");
        assertThat(files.get("khong-co-ma.docx").errorKey()).isEqualTo("import.error.nameWithoutCode");
        assertThat(files.get("BM-" + n + " Trùng mã.docx").errorKey()).isEqualTo("error.document.codeTaken");

        DocumentSummary imported = register.list(new DocumentFilter(unit, "QT-" + n, null, null, null, false),
                DocumentSort.CODE, true, 0, 10).stream().filter(d -> d.code().equals("QT-" + n)).findFirst()
                .orElseThrow();
        assertThat(imported.status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(imported.effectiveRevision()).isEqualTo(3);
        Revision revision = workflow.history(imported.id()).getFirst();
        assertThat(revision.effectiveOn()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(workflow.attachments(revision.id()).getFirst().extractedText()).contains("Bộ phận Một cửa");
        assertThat(register.list(new DocumentFilter(unit, "HD-" + n, null, null, null, false), DocumentSort.CODE,
                true, 0, 10)).isEmpty();
    }

    @Test
    void a_file_that_is_not_a_zip_is_refused_whole() {
        assertThatThrownBy(() -> documentImport.importZip(unit, "không phải zip".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("import.error.notZip");
    }

    @Test
    void staff_cannot_import() {
        Accounts.signIn(userDetails, "congchuc.stp");
        UnitId stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        assertThatThrownBy(() -> documentImport.importZip(stp, Files.zip("a.docx", Files.docx("x"))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
