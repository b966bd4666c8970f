package vn.eiso.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A decision in the Vietnamese administrative layout (Decree 30/2020/NĐ-CP): the issuing body and number on the
 * left, the national motto and the place and date on the right, the kind and subject centred, the body, then the
 * recipients on the left and the signature block on the right. A4, margins 30/20/20/15 mm, set in a Times New
 * Roman-metric serif (Liberation Serif, which the decree's Times New Roman is replaced by where that font cannot be
 * embedded): 13 pt text, 12–13 pt headers, the place and date in italics, as appendix I of the decree asks.
 */
public final class DecisionPdf {

    /** The decision's parts; {@code body} lines are paragraphs, a line ending in ":" alone is a centred heading. */
    public record Content(String parentBody, String issuer, String number, String placeAndDate, String kind,
            String subject, String actingAuthority, List<String> body, List<String> recipients, String signerTitle,
            String signerName) {
    }

    private static final float MM = 72f / 25.4f;
    private static final float LEFT = 30 * MM;
    private static final float RIGHT = PDRectangle.A4.getWidth() - 15 * MM;
    private static final float TOP = PDRectangle.A4.getHeight() - 20 * MM;
    private static final float BOTTOM = 20 * MM;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float LEFT_COLUMN = WIDTH * 0.40f;
    private static final float SIZE = 13f;
    private static final float SMALL = 12f;
    private static final float LEADING = 1.45f;

    private DecisionPdf() {
    }

    public static byte[] render(Content c) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(PdfText.clean(c.kind() + " " + c.number()));
            info.setCreator("eISO");
            pdf.setDocumentInformation(info);
            Page page = new Page(pdf, PdfText.font(pdf, "/fonts/LiberationSerif-Regular.ttf"),
                    PdfText.font(pdf, "/fonts/LiberationSerif-Bold.ttf"),
                    PdfText.font(pdf, "/fonts/LiberationSerif-Italic.ttf"));
            try {
                page.write(c);
            } finally {
                page.content.close();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write decision " + c.number(), e);
        }
    }

    private static final class Page extends PdfPages {

        private final PDFont italic;

        Page(PDDocument pdf, PDFont regular, PDFont bold, PDFont italic) throws IOException {
            super(pdf, regular, bold, TOP, BOTTOM);
            this.italic = italic;
            newPage();
        }

        void write(Content c) throws IOException {
            float top = y;
            float leftEnd = header(c, top);
            float rightStart = LEFT + WIDTH * 0.42f;
            float rightWidth = WIDTH * 0.58f;
            y = top;
            centred(bold, SMALL, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rightStart, rightWidth);
            float mottoWidth = centred(bold, SIZE, "Độc lập - Tự do - Hạnh phúc", rightStart, rightWidth);
            rule(rightStart + (rightWidth - mottoWidth) / 2, mottoWidth, y - 3);
            y -= 10;
            centred(italic, SIZE, c.placeAndDate(), rightStart, rightWidth);
            y = Math.min(y, leftEnd) - 22;
            centred(bold, 14, c.kind(), LEFT, WIDTH);
            centred(bold, SIZE, c.subject(), LEFT, WIDTH);
            rule(LEFT + WIDTH / 2 - 40, 80, y - 9);
            y -= 20;
            centred(bold, SIZE, c.actingAuthority().toUpperCase(), LEFT, WIDTH);
            y -= 6;
            for (String paragraph : c.body()) {
                String text = PdfText.clean(paragraph).strip();
                if (text.endsWith(":") && text.equals(text.toUpperCase())) {
                    y -= 4;
                    centred(bold, SIZE, text, LEFT, WIDTH);
                    y -= 4;
                } else {
                    paragraph(text);
                }
            }
            signature(c);
        }

        /** The issuing body, a short rule and the number in the left column; returns where the column ended. */
        private float header(Content c, float top) throws IOException {
            y = top;
            if (c.parentBody() != null) {
                centred(regular, SMALL, c.parentBody().toUpperCase(), LEFT, LEFT_COLUMN);
            }
            float width = centred(bold, SMALL, c.issuer().toUpperCase(), LEFT, LEFT_COLUMN);
            rule(LEFT + (LEFT_COLUMN - Math.min(width, LEFT_COLUMN / 2)) / 2, Math.min(width, LEFT_COLUMN / 2), y - 3);
            y -= 10;
            centred(regular, SIZE, "Số: " + c.number(), LEFT, LEFT_COLUMN);
            return y;
        }

        private void signature(Content c) throws IOException {
            keepTogether((c.recipients().size() + 2) * SMALL * LEADING + 20);
            y -= 22;
            float top = y;
            show(bold, SMALL, LEFT, "Nơi nhận:");
            for (String recipient : c.recipients()) {
                line(SMALL * LEADING);
                show(regular, SMALL - 1, LEFT, "- " + PdfText.drawable(regular, PdfText.clean(recipient)));
            }
            float rightStart = LEFT + WIDTH * 0.5f;
            float rightWidth = WIDTH * 0.5f;
            y = top + SMALL * LEADING;
            centred(bold, SIZE, c.signerTitle().toUpperCase(), rightStart, rightWidth);
            y -= 64;
            centred(bold, SIZE, c.signerName(), rightStart, rightWidth);
        }

        private void paragraph(String text) throws IOException {
            String drawable = PdfText.drawable(regular, text);
            float indent = 12 * MM;
            for (String line : PdfText.wrap(regular, drawable, SIZE, WIDTH - indent, WIDTH)) {
                line(SIZE * LEADING);
                show(regular, SIZE, LEFT + indent, line);
                indent = 0;
            }
            y -= 3;
        }

        /** Wrapped, centred lines in a column; returns the widest line's width. */
        private float centred(PDFont font, float size, String text, float x, float width) throws IOException {
            float widest = 0;
            for (String line : PdfText.wrap(font, PdfText.drawable(font, PdfText.clean(text)), size, width, width)) {
                line(size * LEADING);
                float w = PdfText.width(font, line, size);
                widest = Math.max(widest, w);
                show(font, size, x + (width - w) / 2, line);
            }
            return widest;
        }

        private void rule(float x, float width, float at) throws IOException {
            content.setLineWidth(0.6f);
            content.moveTo(x, at);
            content.lineTo(x + width, at);
            content.stroke();
        }
    }
}
