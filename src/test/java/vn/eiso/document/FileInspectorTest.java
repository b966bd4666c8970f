package vn.eiso.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.eiso.base.DomainException;
import vn.eiso.support.Files;

class FileInspectorTest {

    private static final FileInspector INSPECTOR = new FileInspector(DataSize.ofMegabytes(5), 30);

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
    void a_docx_zip_bomb_is_refused_without_harm() {
        byte[] bomb = Files.docxBomb();
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(refusal("bom.docx", bomb)).isEqualTo("error.file.unreadable");
        // The inspector still works afterwards.
        assertThat(INSPECTOR.inspect("ok.docx", Files.docx("vẫn hoạt động")).text()).contains("vẫn hoạt động");
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
