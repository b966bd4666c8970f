package vn.eiso.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** A decision follows the state's format (Decree 30/2020/NĐ-CP, appendix I) as far as its layout goes. */
class DecisionPdfTest {

    private static final float MM = 72f / 25.4f;

    private static final DecisionPdf.Content DECISION = new DecisionPdf.Content("UBND TỈNH HÒA AN", "Sở Tư pháp",
            "15/QĐ-STP", "Hòa An, ngày 14 tháng 10 năm 2026", "QUYẾT ĐỊNH",
            "Về việc công bố Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015",
            "Giám đốc Sở Tư pháp", List.of("Căn cứ Quyết định số 19/2014/QĐ-TTg;", "QUYẾT ĐỊNH:",
                    "Điều 1. Công bố Hệ thống quản lý chất lượng của Sở Tư pháp phù hợp TCVN ISO 9001:2015."),
            List.of("Sở Khoa học và Công nghệ;", "Lưu: VT."), "Giám đốc", "Trần Văn Hùng");

    /** Every glyph drawn, with its font and size. */
    private static List<TextPosition> glyphs(PDDocument pdf) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
            }
        };
        stripper.getText(pdf);
        return glyphs;
    }

    @Test
    void it_is_set_in_a_times_new_roman_metric_serif_at_the_decree_s_sizes_on_a4_within_its_margins() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(DecisionPdf.render(DECISION))) {
            PDPage page = pdf.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());

            List<TextPosition> glyphs = glyphs(pdf);
            Set<String> fonts = new TreeSet<>();
            glyphs.forEach(g -> fonts.add(g.getFont().getName().replaceFirst("^[A-Z]{6}\\+", "")));
            assertThat(fonts).containsExactlyInAnyOrder("LiberationSerif", "LiberationSerif-Bold",
                    "LiberationSerif-Italic");
            assertThat(glyphs).allSatisfy(g -> assertThat(g.getFontSizeInPt()).isBetween(11f, 14f));
            assertThat(glyphs).filteredOn(g -> !g.getUnicode().isBlank()).allSatisfy(g -> {
                assertThat(g.getXDirAdj()).isGreaterThanOrEqualTo(30 * MM - 0.5f);
                assertThat(g.getXDirAdj() + g.getWidthDirAdj()).isLessThanOrEqualTo(
                        PDRectangle.A4.getWidth() - 15 * MM + 0.5f);
                assertThat(g.getYDirAdj()).isGreaterThanOrEqualTo(20 * MM - 0.5f);
            });
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Số: 15/QĐ-STP", "Hòa An, ngày 14 tháng 10 năm 2026", "Nơi nhận:", "Trần Văn Hùng");
            assertThat(glyphs).filteredOn(g -> g.getUnicode().equals("H"))
                    .anySatisfy(g -> assertThat(g.getFont().getName()).endsWith("LiberationSerif-Italic"));
        }
    }
}
