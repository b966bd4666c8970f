package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import vn.eiso.base.DomainException;
import vn.eiso.base.UnitId;
import vn.eiso.base.UserId;
import vn.eiso.base.security.SystemAuthentication;
import vn.eiso.document.ImportVerdict.Outcome;
import vn.eiso.organisation.UnitService;
import vn.eiso.support.Accounts;
import vn.eiso.support.Files;
import vn.eiso.support.Imports;

/** The bulk import as a job: every entry's verdict, history in order, the head's confirmation, repeat and resume. */
@SpringBootTest
class DocumentImportTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ImportJobs imports;
    @Autowired
    ImportRunner runner;
    @Autowired
    JooqImportJobRepository jobRows;
    @Autowired
    DocumentRegister register;
    @Autowired
    RevisionWorkflow workflow;
    @Autowired
    UnitService units;
    @Autowired
    UserDetailsService userDetails;
    @Value("${eiso.data-dir}")
    Path dataDir;
    @Autowired
    java.time.Clock clock;

    private UnitId unit;
    private String n;

    @BeforeEach
    void setUp() {
        unit = SystemAuthentication.runAsSystem(() -> units.byCode("X-TANPHU").id());
        Accounts.signIn(userDetails, "thuky.xa");
        n = Imports.freeNumber(register, unit);
    }

    @AfterEach
    void signOut() {
        Accounts.signOut();
    }

    private ImportJob run(byte[] zip) {
        ImportJob job = imports.start(unit, Imports.upload(zip), "tai-lieu.zip", ImportJob.Channel.SCREEN);
        ImportJob done = imports.await(job.id(), WAIT);
        assertThat(done.state()).as("%s", done).isEqualTo(ImportJob.State.DONE);
        return done;
    }

    private Map<String, ImportVerdict> byEntry(ImportJob job) {
        return imports.verdicts(job.id()).stream()
                .collect(Collectors.toMap(ImportVerdict::entryName, Function.identity(), (a, b) -> a));
    }

    private DocumentSummary document(String code) {
        return register.list(new DocumentFilter(unit, code, null, null, null, false), DocumentSort.CODE, true, 0, 10)
                .stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void good_files_are_imported_and_each_bad_file_is_reported_without_stopping_the_rest() {
        String manifest = "file,code,title,type,revision,effective_date\n"
                + "quy-trinh-tiep-nhan.docx,QT-" + n + ",Quy trình tiếp nhận hồ sơ,PROCEDURE,,\n";
        ImportJob job = run(Files.zip(
                "manifest.csv", manifest.getBytes(StandardCharsets.UTF_8),
                "tai-lieu/quy-trinh-tiep-nhan.docx", Files.docx("Tiếp nhận hồ sơ tại Bộ phận Một cửa"),
                "tai-lieu/BM-" + n + " Phiếu theo dõi.docx", Files.docx("Phiếu theo dõi"),
                "tai-lieu/HD-" + n + " hoa-don.pdf", Files.windowsExecutable(),
                "tai-lieu/QT-" + n + "1 Rỗng.docx", new byte[0],
                "tai-lieu/khong-co-ma.docx", Files.docx("x"),
                "tai-lieu/BM-" + n + " Trùng mã.docx", Files.docx("y")));
        Map<String, ImportVerdict> files = byEntry(job);

        assertThat(job.imported()).isEqualTo(2);
        assertThat(files.get("tai-lieu/quy-trinh-tiep-nhan.docx").outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(files.get("tai-lieu/BM-" + n + " Phiếu theo dõi.docx").code()).isEqualTo("BM-" + n);
        assertThat(files.get("tai-lieu/HD-" + n + " hoa-don.pdf").messageKey()).isEqualTo("error.file.type");
        assertThat(files.get("tai-lieu/QT-" + n + "1 Rỗng.docx").messageKey()).isEqualTo("error.file.empty");
        assertThat(files.get("tai-lieu/khong-co-ma.docx").messageKey()).isEqualTo("import.error.nameWithoutCode");
        // Two files under one code and one revision number: the second is no later revision of the first.
        assertThat(files.get("tai-lieu/BM-" + n + " Trùng mã.docx").messageKey())
                .isIn("import.error.revisionOrder");
        assertThat(job.total()).isEqualTo(imports.verdicts(job.id()).size());

        DocumentSummary imported = document("QT-" + n);
        assertThat(imported.status()).isEqualTo(DocumentStatus.DRAFT);
        Revision revision = workflow.history(imported.id()).getFirst();
        assertThat(revision.status()).isEqualTo(RevisionStatus.DRAFT);
        assertThat(workflow.attachments(revision.id()).getFirst().extractedText()).contains("Bộ phận Một cửa");
        assertThat(register.list(new DocumentFilter(unit, "HD-" + n, null, null, null, false), DocumentSort.CODE,
                true, 0, 10)).isEmpty();
    }

    @Test
    void a_spreadsheet_manifest_with_quotes_commas_semicolons_and_line_breaks_is_read_as_written() {
        String manifest = "\uFEFFfile,code,title,type,revision,effective_date,ghi chú\r\n"
                + "a.docx,QT-" + n + ",\"Quy trình tiếp nhận, giải quyết hồ sơ\",QT,,,\r\n"
                + "b.docx,BM-" + n + ",Biểu mẫu; phiếu theo dõi,BM,,,\"nhiều\r\ndòng\"\r\n"
                + "c.docx,HD-" + n + ",\"Hướng dẫn \"\"5S\"\"\",HD,,,\r\n"
                + "d.docx,,Thiếu mã,QT,,,\r\n"
                + "e.docx,QT-" + n + "9,Ngày sai,QT,2,31/02/2024,\r\n"
                + "a.docx,QT-" + n + "8,Dòng trùng tệp,QT,,,\r\n"
                + "khong-co.docx,QT-" + n + "7,Không có tệp,QT,,,\r\n";
        ImportJob job = run(Files.zip("manifest.csv", manifest.getBytes(StandardCharsets.UTF_8),
                "a.docx", Files.docx("a"), "b.docx", Files.docx("b"), "c.docx", Files.docx("c"),
                "d.docx", Files.docx("d"), "e.docx", Files.docx("e")));
        Map<String, ImportVerdict> files = byEntry(job);

        assertThat(document("QT-" + n).title()).isEqualTo("Quy trình tiếp nhận, giải quyết hồ sơ");
        assertThat(document("BM-" + n).title()).isEqualTo("Biểu mẫu; phiếu theo dõi");
        assertThat(document("HD-" + n).title()).isEqualTo("Hướng dẫn \"5S\"");
        List<ImportVerdict> verdicts = imports.verdicts(job.id());
        assertThat(verdicts).anySatisfy(v -> {
            assertThat(v.messageKey()).isEqualTo("import.notice.ignoredColumns");
            assertThat(v.args()).containsExactly("ghi chú");
        });
        // Lines count as the file has them (a quoted line break takes two), and each refusal names line and column.
        assertThat(verdicts).anySatisfy(v -> {
            assertThat(v.messageKey()).isEqualTo("import.error.manifestMissing");
            assertThat(v.args()).containsExactly(6L, "code");
        });
        assertThat(verdicts).anySatisfy(v -> {
            assertThat(v.messageKey()).isEqualTo("import.error.manifestDate");
            assertThat(v.args()).containsExactly(7L, "effective_date", "31/02/2024");
        });
        assertThat(verdicts).anySatisfy(v -> {
            assertThat(v.messageKey()).isEqualTo("import.error.manifestDuplicate");
            assertThat(v.args()).containsExactly(8L, "a.docx", 2L);
        });
        assertThat(verdicts).anySatisfy(v -> {
            assertThat(v.messageKey()).isEqualTo("import.error.manifestNoFile");
            assertThat(v.args()).containsExactly(9L, "khong-co.docx");
        });
        // A file whose line was refused is refused with it, not guessed from its name.
        assertThat(files.get("d.docx").messageKey()).isEqualTo("import.error.manifestLineRefused");
        assertThat(files.get("d.docx").args()).containsExactly(6L);
        assertThat(files.get("e.docx").messageKey()).isEqualTo("import.error.manifestLineRefused");
    }

    @Test
    void an_excel_manifest_is_accepted() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("Danh mục");
            var header = sheet.createRow(0);
            String[] titles = {"Tên tệp", "Mã tài liệu", "Tên tài liệu", "Loại", "Lần ban hành", "Ngày hiệu lực"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("quy-trinh.docx");
            row.createCell(1).setCellValue("QT-" + n);
            row.createCell(2).setCellValue("Quy trình, có dấu phẩy");
            row.createCell(3).setCellValue("PROCEDURE");
            row.createCell(4).setCellValue(2);
            var date = row.createCell(5);
            date.setCellValue(LocalDate.of(2023, 3, 1));
            var style = book.createCellStyle();
            style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            date.setCellStyle(style);
            book.write(out);
            xlsx = out.toByteArray();
        }
        ImportJob job = run(Files.zip("manifest.xlsx", xlsx, "quy-trinh.docx", Files.docx("Quy trình")));

        assertThat(job.imported()).isEqualTo(1);
        assertThat(job.awaiting()).isEqualTo(1);
        DocumentSummary doc = document("QT-" + n);
        assertThat(doc.title()).isEqualTo("Quy trình, có dấu phẩy");
        Revision revision = workflow.history(doc.id()).getFirst();
        assertThat(revision.number()).isEqualTo(2);
        assertThat(revision.effectiveOn()).isEqualTo(LocalDate.of(2023, 3, 1));
    }

    @Test
    void every_entry_gets_a_verdict_and_nothing_disappears() {
        ImportJob job = run(Files.zip(
                ".hidden.docx", Files.docx("h"),
                "__MACOSX/._QT-" + n + " x.docx", Files.docx("m"),
                "tai-lieu/Thumbs.db", new byte[] {1, 2, 3},
                "tai-lieu/~$QT-" + n + " khoa.docx", Files.docx("lock"),
                "con/QT-" + n + " Goi con.zip", Files.zip("a.docx", Files.docx("a")),
                "../QT-" + n + "1 Ra ngoai.docx", Files.docx("x"),
                "mot/BM-" + n + " Cùng tên.docx", Files.docx("1"),
                "hai/BM-" + n + " Cùng tên.docx", Files.docx("2")));
        Map<String, ImportVerdict> files = byEntry(job);

        assertThat(files).hasSize(8);
        assertThat(files.get(".hidden.docx").messageKey()).isEqualTo("import.skipped.hidden");
        assertThat(files.get("__MACOSX/._QT-" + n + " x.docx").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(files.get("tai-lieu/Thumbs.db").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(files.get("tai-lieu/~$QT-" + n + " khoa.docx").outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(files.get("con/QT-" + n + " Goi con.zip").messageKey()).isEqualTo("import.error.nestedArchive");
        assertThat(files.get("../QT-" + n + "1 Ra ngoai.docx").messageKey()).isEqualTo("import.error.entryPath");
        assertThat(files.get("mot/BM-" + n + " Cùng tên.docx").outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(files.get("hai/BM-" + n + " Cùng tên.docx").messageKey()).isEqualTo("import.error.sameName");
        assertThat(job.imported() + job.skipped() + job.refused()).isEqualTo(8);
    }

    @Test
    void scripts_macros_and_disguised_names_in_an_archive_are_refused_each_with_its_reason() {
        byte[] script = "WScript.Echo 1".getBytes(StandardCharsets.UTF_8);
        ImportJob job = run(Files.zip(
                "QT-" + n + "1 Huong dan.js", script,
                "QT-" + n + "2 Hoa don\u202Efdp.vbs", script,
                "BM-" + n + "3 Bang tinh.xls", Files.xls("Tổng", true),
                "HD-" + n + "4 Van ban.docx", Files.docxWithMacros(false),
                "QT-" + n + "5 That ra la Word.pdf", Files.docx("Quy trình thật")));
        Map<String, ImportVerdict> files = byEntry(job);

        assertThat(files.get("QT-" + n + "1 Huong dan.js").messageKey()).isEqualTo("error.file.executable");
        assertThat(files.get("QT-" + n + "2 Hoa don\u202Efdp.vbs").messageKey()).isEqualTo("error.file.executable");
        assertThat(files.get("BM-" + n + "3 Bang tinh.xls").messageKey()).isEqualTo("error.file.macros");
        assertThat(files.get("HD-" + n + "4 Van ban.docx").messageKey()).isEqualTo("error.file.macros");
        assertThat(files.get("QT-" + n + "5 That ra la Word.pdf").outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(job.refused()).isEqualTo(4);
        DocumentSummary imported = document("QT-" + n + "5");
        assertThat(workflow.attachments(workflow.history(imported.id()).getFirst().id()))
                .extracting(Attachment::fileName).containsExactly("QT-" + n + "5 That ra la Word.docx");
    }

    @Test
    void a_history_waits_for_the_head_then_answers_as_of_each_date() {
        String code = "QT-" + n;
        String manifest = "file,code,title,type,revision,effective_date\n"
                + "v3.docx," + code + ",Quy trình lưu trữ,QT,3,01/06/2024\n"
                + "v1.docx," + code + ",Quy trình lưu trữ,QT,1,15/01/2020\n"
                + "v2.docx," + code + ",Quy trình lưu trữ,QT,2,2022-03-10\n"
                + "v0.docx," + code + ",Quy trình lưu trữ,QT,2,2021-01-01\n"
                + "tuonglai.docx,BM-" + n + ",Biểu mẫu tương lai,BM,1,01/01/2099\n";
        ImportJob job = run(Files.zip("manifest.csv", manifest.getBytes(StandardCharsets.UTF_8),
                "v3.docx", Files.docx("Lần 3"), "v1.docx", Files.docx("Lần 1"), "v2.docx", Files.docx("Lần 2"),
                "v0.docx", Files.docx("Lần hai khác"), "tuonglai.docx", Files.docx("x")));
        Map<String, ImportVerdict> files = byEntry(job);
        assertThat(job.awaiting()).isEqualTo(3);
        assertThat(files.get("v0.docx").messageKey()).isEqualTo("import.error.revisionOrder");
        assertThat(files.get("tuonglai.docx").messageKey()).isEqualTo("import.error.futureDate");

        // Before the head confirms: not in force, not for readers, and no draft can be started over it.
        DocumentSummary doc = document(code);
        assertThat(doc.status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(doc.registerStatus()).isEqualTo(RegisterStatus.IMPORTED);
        assertThat(workflow.effectiveOn(unit, LocalDate.of(2023, 1, 1))).noneMatch(r -> r.code().equals(code));
        assertThatThrownBy(() -> workflow.startRevision(doc.id(), "sửa")).hasMessageContaining("importAwaiting");
        assertThat(workflow.nextStep(doc.id()).messageKey()).isEqualTo("nextStep.importAwaiting");
        assertThatThrownBy(() -> imports.confirm(job.id(), Accounts.DEMO_PASSWORD))
                .isInstanceOf(AccessDeniedException.class);

        Accounts.signIn(userDetails, "lanhdao.xa");
        assertThat(imports.awaitingMyConfirmation(unit)).extracting(ImportJob::id).contains(job.id());
        assertThatThrownBy(() -> imports.confirm(job.id(), "sai-mat-khau"))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.signoff.password");
        ImportJob confirmed = imports.confirm(job.id(), Accounts.DEMO_PASSWORD);
        assertThat(confirmed.confirmedAt()).isNotNull();
        assertThat(imports.awaitingMyConfirmation(unit)).extracting(ImportJob::id).doesNotContain(job.id());
        assertThatThrownBy(() -> imports.confirm(job.id(), Accounts.DEMO_PASSWORD))
                .hasMessageContaining("import.error.nothingToConfirm");

        assertThat(document(code).status()).isEqualTo(DocumentStatus.EFFECTIVE);
        assertThat(document(code).effectiveRevision()).isEqualTo(3);
        assertThat(inForce(code, LocalDate.of(2019, 12, 31))).isNull();
        assertThat(inForce(code, LocalDate.of(2020, 1, 15))).isEqualTo(1);
        assertThat(inForce(code, LocalDate.of(2022, 3, 9))).isEqualTo(1);
        assertThat(inForce(code, LocalDate.of(2022, 3, 10))).isEqualTo(2);
        assertThat(inForce(code, LocalDate.of(2024, 6, 1))).isEqualTo(3);
        assertThat(workflow.history(doc.id())).extracting(Revision::number, Revision::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, RevisionStatus.SUPERSEDED),
                        org.assertj.core.groups.Tuple.tuple(2, RevisionStatus.SUPERSEDED),
                        org.assertj.core.groups.Tuple.tuple(3, RevisionStatus.EFFECTIVE));
    }

    private Integer inForce(String code, LocalDate day) {
        return workflow.effectiveOn(unit, day).stream().filter(r -> r.code().equals(code))
                .map(RevisionInForce::number).findFirst().orElse(null);
    }

    @Test
    void a_scanned_pdf_is_imported_with_the_note_that_it_cannot_be_searched() throws IOException {
        byte[] scan;
        try (var pdf = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            pdf.save(out);
            scan = out.toByteArray();
        }
        ImportJob job = run(Files.zip("HS-" + n + " Ban quet.pdf", scan));
        ImportVerdict verdict = imports.verdicts(job.id()).getFirst();
        assertThat(verdict.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(verdict.messageKey()).isEqualTo("import.note.scanned");
    }

    @Test
    void the_same_archive_again_imports_nothing_new() {
        byte[] zip = Files.zip("QT-" + n + " Quy trình A.docx", Files.docx("A"),
                "BM-" + n + " Biểu mẫu B.docx", Files.docx("B"));
        ImportJob first = run(zip);
        ImportJob again = run(zip);

        assertThat(first.imported()).isEqualTo(2);
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(imports.verdicts(again.id())).allSatisfy(v ->
                assertThat(v.messageKey()).isEqualTo("import.skipped.unchanged"));
    }

    @Test
    void a_job_stopped_in_the_middle_resumes_after_its_last_verdict_and_imports_each_file_once() throws IOException {
        byte[] zip = Files.zip("QT-" + n + "1 Một.docx", Files.docx("1"), "QT-" + n + "2 Hai.docx", Files.docx("2"),
                "QT-" + n + "3 Ba.docx", Files.docx("3"), "QT-" + n + "4 Bốn.docx", Files.docx("4"),
                ".DS_Store", new byte[] {0});
        UserId officer = Accounts.signIn(userDetails, "thuky.xa").userId();
        ImportJobId id = jobRows.insert(unit, officer, ImportJob.Channel.API, "gian-doan.zip", zip.length,
                OffsetDateTime.now(clock));
        java.nio.file.Files.createDirectories(dataDir.resolve("imports"));
        java.nio.file.Files.write(dataDir.resolve("imports").resolve("job-" + id.value() + ".zip"), zip);

        runner.run(id, 3);
        ImportJob stopped = imports.get(id);
        assertThat(stopped.state()).isEqualTo(ImportJob.State.RUNNING);
        assertThat(stopped.done()).isEqualTo(3);

        runner.resumeUnfinished();
        ImportJob done = imports.await(id, WAIT);
        assertThat(done.state()).isEqualTo(ImportJob.State.DONE);
        assertThat(done.imported()).isEqualTo(4);
        assertThat(done.skipped()).isEqualTo(1);
        assertThat(imports.verdicts(id)).extracting(ImportVerdict::seq).containsExactly(0, 1, 2, 3, 4);
        for (int i = 1; i <= 4; i++) {
            assertThat(workflow.history(document("QT-" + n + i).id())).hasSize(1);
        }
    }

    @Test
    void an_archive_that_is_not_a_zip_is_refused_at_once_and_no_job_is_left() {
        int before = imports.ofUnit(unit).size();
        assertThatThrownBy(() -> imports.start(unit,
                Imports.upload("không phải zip".getBytes(StandardCharsets.UTF_8)),
                "x.zip", ImportJob.Channel.SCREEN)).hasMessageContaining("import.error.notZip");
        assertThat(imports.ofUnit(unit)).hasSize(before);
    }

    @Test
    void staff_cannot_import_nor_see_imports() {
        Accounts.signIn(userDetails, "congchuc.stp");
        UnitId stp = SystemAuthentication.runAsSystem(() -> units.byCode("STP").id());
        assertThatThrownBy(() -> imports.start(stp, Imports.upload(Files.zip("a.docx", Files.docx("x"))), "a.zip",
                ImportJob.Channel.API)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.ofUnit(stp)).isInstanceOf(AccessDeniedException.class);
    }
}
