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
    void hostile_file_names_are_refused() {
        byte[] docx = Files.docx("x");
        assertThat(refusal("../../etc/passwd.docx", docx)).isEqualTo("error.file.namePath");
        assertThat(refusal("thu_muc\\tep.docx", docx)).isEqualTo("error.file.namePath");
        assertThat(refusal("ten\u0000an.docx", docx)).isEqualTo("error.file.nameControl");
        assertThat(refusal("x".repeat(500) + ".docx", docx)).isEqualTo("error.file.nameTooLong");
        assertThat(refusal("   ", docx)).isEqualTo("error.file.nameMissing");
    }

    @Test
    void a_decomposed_vietnamese_name_is_stored_composed() {
        String nfd = Normalizer.normalize("Quy trình.docx", Normalizer.Form.NFD);
        assertThat(INSPECTOR.inspect(nfd, Files.docx("x")).fileName()).isEqualTo("Quy trình.docx");
    }
}
