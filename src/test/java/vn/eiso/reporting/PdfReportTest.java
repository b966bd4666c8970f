package vn.eiso.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** What a report prints is what a reader (or a search engine) extracts from it again, diacritics and all. */
class PdfReportTest {

    private static String extract(byte[] pdf, int[] pages) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages[0] = document.getNumberOfPages();
            return new PDFTextStripper().getText(document);
        }
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void the_extracted_text_equals_the_vietnamese_source_text_over_several_pages() throws Exception {
        String paragraph = "Đoàn đánh giá đã kiểm tra hồ sơ cấp Phiếu lý lịch tư pháp quý III: 03/20 hồ sơ trả quá "
                + "hạn 2–4 ngày, không có văn bản xin lỗi và hẹn lại ngày trả kết quả. Người được phỏng vấn: "
                + "ông Nguyễn Văn Đức, bà Trương Thị Hương. Ưu điểm: Bộ phận Một cửa ứng xử lịch sự, chu đáo.";
        PdfReport report = new PdfReport("BÁO CÁO ĐÁNH GIÁ NỘI BỘ").field("Đơn vị được đánh giá", "Sở Tư pháp")
                .heading("Danh mục kiểm tra");
        StringBuilder expected = new StringBuilder("BÁO CÁO ĐÁNH GIÁ NỘI BỘ Đơn vị được đánh giá: Sở Tư pháp "
                + "Danh mục kiểm tra");
        for (int i = 1; i <= 40; i++) {
            report.paragraph(i + ". " + paragraph);
            expected.append(' ').append(i).append(". ").append(paragraph);
        }
        int[] pages = new int[1];
        String text = extract(report.toBytes(), pages);

        assertThat(pages[0]).isGreaterThan(2);
        assertThat(words(text)).isEqualTo(words(expected.toString()));
    }

    @Test
    void decomposed_input_comes_out_composed_and_a_word_longer_than_a_line_is_cut_not_lost() throws Exception {
        String decomposed = Normalizer.normalize("Quyết định số 19/2014/QĐ-TTg", Normalizer.Form.NFD);
        String longWord = "https://dichvucong.gov.vn/" + "p/home/dvc-chi-tiet-thu-tuc-hanh-chinh".repeat(5);
        byte[] pdf = new PdfReport("Tiêu đề").paragraph(decomposed).field("Địa chỉ", longWord).toBytes();

        String text = extract(pdf, new int[1]);
        assertThat(text).contains("Quyết định số 19/2014/QĐ-TTg");
        assertThat(text.replaceAll("\\s+", "")).contains(longWord);
    }

    @Test
    void a_character_the_font_lacks_prints_as_a_question_mark_and_a_long_label_wraps_whole() throws Exception {
        String bullet = "\uF0B7 Hồ sơ lưu trữ đầy đủ 漢";
        String question = "Phiếu hẹn trả kết quả có ghi đủ tên, số điện thoại của công chức tiếp nhận và ngày hẹn, "
                + "và khi trễ hạn có văn bản xin lỗi gửi tổ chức, cá nhân kèm ngày hẹn mới theo đúng quy định";
        byte[] pdf = new PdfReport("Tiêu đề").paragraph(bullet).field(question, "Phù hợp").toBytes();

        String text = words(extract(pdf, new int[1]));
        assertThat(text).contains("? Hồ sơ lưu trữ đầy đủ ?");
        assertThat(text).contains(question + ": Phù hợp");
    }
}
