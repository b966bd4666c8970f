package vn.eiso.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a large diagonal mark across every page of a PDF, so that a superseded or obsolete revision cannot be
 * mistaken for the one in force once it is printed or forwarded. The stored file is never changed: the mark is
 * added to the copy being downloaded.
 */
final class PdfMark {

    private static final Logger LOG = LoggerFactory.getLogger(PdfMark.class);
    private static final String FONT = "/fonts/NotoSans-Bold.ttf";

    private PdfMark() {
    }

    /** The marked copy, or the original bytes when the PDF cannot be read (its name is marked anyway). */
    static byte[] mark(byte[] pdf, String text) {
        try (PDDocument document = Loader.loadPDF(pdf); InputStream font = PdfMark.class.getResourceAsStream(FONT)) {
            PDType0Font type = PDType0Font.load(document, font);
            PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
            translucent.setNonStrokingAlphaConstant(0.35f);
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                float size = Math.min(box.getWidth(), box.getHeight()) / 12;
                try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true,
                        true)) {
                    content.setGraphicsStateParameters(translucent);
                    content.setNonStrokingColor(new Color(200, 16, 46));
                    content.beginText();
                    content.setFont(type, size);
                    content.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(35), box.getWidth() * 0.12f,
                            box.getHeight() * 0.2f));
                    content.showText(text);
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            LOG.info("cannot mark PDF: {}", e.toString());
            return pdf;
        }
    }
}
