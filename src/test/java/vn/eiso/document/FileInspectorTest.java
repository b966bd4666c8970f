package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.eiso.base.DomainException;
import vn.eiso.base.FileLimits;
import vn.eiso.support.Files;

class FileInspectorTest {

    /** Small limits, so that the tests show the inspector follows its configuration. */
    private static final FileLimits LIMITS = new FileLimits(DataSize.ofMegabytes(5), DataSize.ofMegabytes(20), 50, 50, 100,
            DataSize.ofMegabytes(200), Duration.ofSeconds(30));
    private static final FileInspector INSPECTOR = new FileInspector(LIMITS);

    @AfterAll
    static void stop() {
        INSPECTOR.shutdown();
    }

    private static String refusal(String name, byte[] content) {
        try {
            INSPECTOR.inspect(name, content);
        } catch (DomainException e) {
            return e.messageKey();
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void a_real_docx_is_accepted_with_its_vietnamese_text_and_hash() {
        byte[] docx = Files.docx("Quy trình kiểm soát tài liệu", "Bước 1: Soạn thảo");
        FileInspector.Inspected file = INSPECTOR.inspect("QT-01.docx", docx);

        assertThat(file.contentType()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(file.text()).contains("Quy trình kiểm soát tài liệu", "Bước 1: Soạn thảo");
        assertThat(file.sha256()).isEqualTo(FileInspector.sha256(docx)).hasSize(64);
    }

    @Test
    void the_type_comes_from_the_bytes_not_the_extension() {
        assertThat(refusal("hop-dong.pdf", Files.windowsExecutable())).isEqualTo("error.file.type");
        FileInspector.Inspected renamed = INSPECTOR.inspect("that-ra-la-word.pdf", Files.docx("nội dung"));
        assertThat(renamed.contentType()).endsWith("wordprocessingml.document");
    }

    @Test
    void empty_oversized_and_corrupt_files_are_refused() {
        assertThat(refusal("rong.pdf", new byte[0])).isEqualTo("error.file.empty");
        assertThat(refusal("lon.txt", new byte[6 * 1024 * 1024])).isEqualTo("error.file.tooLarge");
        assertThat(refusal("hong.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(
                StandardCharsets.US_ASCII))).isEqualTo("error.file.unreadable");
        byte[] brokenDocx = Files.docx("x");
        brokenDocx[brokenDocx.length / 2] ^= 0x55;
        brokenDocx[brokenDocx.length / 2 + 1] ^= 0x55;
        assertThat(refusal("hong.docx", Arrays.copyOf(brokenDocx, brokenDocx.length / 2)))
                .isIn("error.file.unreadable", "error.file.type");
    }

    @Test
    void a_docx_zip_bomb_is_refused_by_its_shape_without_harm() {
        byte[] bomb = Files.docxBomb();
        assertThat(bomb.length).isLessThan(1024 * 1024);
        DomainException refused = catchThrowableOfType(DomainException.class, () -> INSPECTOR.inspect("bom.docx", bomb));
        // Refused by the ratio its central directory declares, before anything is inflated: no time limit involved.
        assertThat(refused.messageKey()).isEqualTo("error.file.compressionBomb");
        assertThat(refused.args()).containsExactly("bom.docx", 100);
        // The inspector still works afterwards.
        assertThat(INSPECTOR.inspect("ok.docx", Files.docx("vẫn hoạt động")).text()).contains("vẫn hoạt động");
    }

    @Test
    void a_bomb_whose_headers_lie_about_its_size_is_caught_while_inflating() {
        byte[] liar = Files.lyingDocxBomb();
        assertThat(liar.length).isLessThan(1024 * 1024);
        assertThat(refusal("noi-doi.docx", liar)).isEqualTo("error.file.compressionBomb");
    }

    @Test
    void the_same_checks_hold_for_spreadsheets_and_opendocument_packages() {
        byte[] odsBomb = Files.zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(
                StandardCharsets.US_ASCII), "content.xml", new byte[30 * 1024 * 1024]);
        assertThat(refusal("bang.ods", odsBomb)).isEqualTo("error.file.compressionBomb");
        byte[] xlsxBomb = Files.zip("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.US_ASCII),
                "xl/worksheets/sheet1.xml", new byte[30 * 1024 * 1024]);
        assertThat(refusal("bang.xlsx", xlsxBomb)).isEqualTo("error.file.compressionBomb");
    }

    @Test
    void an_archive_past_the_configured_entry_count_or_total_is_refused() {
        Object[] many = new Object[2 * 60];
        for (int i = 0; i < 60; i++) {
            many[2 * i] = "part" + i + ".xml";
            many[2 * i + 1] = "<x/>".getBytes(StandardCharsets.US_ASCII);
        }
        assertThat(refusal("nhieu-phan.docx", Files.zip(many))).isEqualTo("error.file.compressionBombEntries");

        FileInspector strict = new FileInspector(new FileLimits(DataSize.ofMegabytes(5), DataSize.ofMegabytes(20), 50, 50,
                100000, DataSize.ofMegabytes(8), Duration.ofSeconds(30)));
        try {
            DomainException refused = catchThrowableOfType(DomainException.class,
                    () -> strict.inspect("lon.ods", Files.zip("content.xml", new byte[10 * 1024 * 1024])));
            assertThat(refused.messageKey()).isEqualTo("error.file.compressionBombTotal");
            assertThat(refused.args()).containsExactly("lon.ods", 8L);
        } finally {
            strict.shutdown();
        }
    }

    @Test
    void a_zip_without_a_readable_central_directory_is_not_handed_to_the_parsers() {
        byte[] docx = Files.docx("x");
        // Cut before the central directory: only a streaming reader could still walk it.
        assertThat(refusal("cut.docx", Arrays.copyOf(docx, docx.length - 200))).isEqualTo("error.file.unreadable");
    }

    @Test
    void names_lose_their_path_control_and_direction_characters_and_what_windows_refuses() {
        byte[] docx = Files.docx("x");
        assertThat(INSPECTOR.inspect("../../etc/passwd.docx", docx).fileName()).isEqualTo("passwd.docx");
        assertThat(INSPECTOR.inspect("C:\\Users\\an\\Quy trình.docx", docx).fileName()).isEqualTo("Quy trình.docx");
        assertThat(INSPECTOR.inspect("ten\u0000an\u007F\u0085.docx", docx).fileName()).isEqualTo("tenan.docx");
        assertThat(INSPECTOR.inspect("\u200Eso\u200B \u2066lieu\u2069\u202A\u202C.docx", docx).fileName())
                .isEqualTo("so lieu.docx");
        assertThat(INSPECTOR.inspect("bao cao: \"quy 3\" <ban nhap>?.docx", docx).fileName())
                .isEqualTo("bao cao_ _quy 3_ _ban nhap__.docx");
        assertThat(INSPECTOR.inspect("CON.docx", docx).fileName()).isEqualTo("_CON.docx");
        assertThat(refusal("x".repeat(500) + ".docx", docx)).isEqualTo("error.file.nameTooLong");
        assertThat(refusal("   ", docx)).isEqualTo("error.file.nameMissing");
        assertThat(refusal("\u202E\u200F..", docx)).isEqualTo("error.file.nameMissing");
    }

    @Test
    void a_right_to_left_override_cannot_hide_a_script_behind_a_document_name() {
        byte[] script = "WScript.Echo \"xin chao\"".getBytes(StandardCharsets.UTF_8);
        // Shown by a browser as "hoa-donsbv.txt"; its real extension is .vbs.
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> INSPECTOR.inspect("hoa-don\u202Etxt.vbs", script));
        assertThat(refused.messageKey()).isEqualTo("error.file.executable");
        assertThat(refused.args()).containsExactly("hoa-dontxt.vbs", ".vbs");
    }

    @Test
    void executable_script_and_markup_extensions_are_refused_whatever_the_bytes() {
        byte[] text = "echo hello".getBytes(StandardCharsets.UTF_8);
        for (String name : new String[] {"chay.exe", "a.com", "b.bat", "c.CMD", "d.ps1", "e.vbs", "f.vbe", "g.js",
                "h.jse", "i.wsf", "j.wsh", "k.hta", "l.msi", "m.scr", "n.pif", "o.cpl", "p.jar", "q.sh", "r.lnk",
                "s.reg", "t.html", "u.htm", "v.svg", "w.xhtml", "x.docm", "y.xlsm", "z.exe.", "sau.js  "}) {
            assertThat(refusal(name, text)).as(name).isEqualTo("error.file.executable");
        }
        assertThat(refusal("hop-dong.exe", Files.pdf("Hop dong"))).isEqualTo("error.file.executable");
    }

    @Test
    void the_stored_name_gets_the_extension_of_the_detected_type() {
        byte[] text = "Biên bản họp".getBytes(StandardCharsets.UTF_8);
        // An extension that names another type is replaced ...
        assertThat(INSPECTOR.inspect("that-ra-la-word.pdf", Files.docx("x")).fileName())
                .isEqualTo("that-ra-la-word.docx");
        assertThat(INSPECTOR.inspect("bien-ban.doc", text).fileName()).isEqualTo("bien-ban.txt");
        // ... a missing one or one that is part of the name is completed ...
        assertThat(INSPECTOR.inspect("Quyết định số 19.2014", Files.pdf("x")).fileName())
                .isEqualTo("Quyết định số 19.2014.pdf");
        assertThat(INSPECTOR.inspect("README", text).fileName()).isEqualTo("README.txt");
        // ... and one the type may have stays as it is.
        assertThat(INSPECTOR.inspect("so-lieu.csv", "a;b\n1;2".getBytes(StandardCharsets.UTF_8)).fileName())
                .isEqualTo("so-lieu.csv");
        assertThat(INSPECTOR.inspect("Bảng tổng hợp.xls", Files.xls("Tổng", false)).fileName())
                .isEqualTo("Bảng tổng hợp.xls");
    }

    @Test
    void office_files_with_macros_are_refused_legacy_and_package_alike() {
        DomainException xls = catchThrowableOfType(DomainException.class,
                () -> INSPECTOR.inspect("bang-tinh.xls", Files.xls("Tổng", true)));
        assertThat(xls.messageKey()).isEqualTo("error.file.macros");
        assertThat(xls.args()).containsExactly("bang-tinh.xls");
        assertThat(refusal("van-ban.docx", Files.docxWithMacros(true))).isEqualTo("error.file.macros");
        // A .docm renamed: the package still holds its VBA project.
        assertThat(refusal("van-ban.docx", Files.docxWithMacros(false))).isEqualTo("error.file.macros");
        // The same workbook without macros passes, with its text.
        assertThat(INSPECTOR.inspect("bang-tinh.xls", Files.xls("Tổng cộng", false)).text()).contains("Tổng cộng");
    }

    @Test
    void a_decomposed_vietnamese_name_is_stored_composed() {
        String nfd = Normalizer.normalize("Quy trình.docx", Normalizer.Form.NFD);
        assertThat(INSPECTOR.inspect(nfd, Files.docx("x")).fileName()).isEqualTo("Quy trình.docx");
    }
}
