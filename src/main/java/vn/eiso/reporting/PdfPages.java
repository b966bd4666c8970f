package vn.eiso.reporting;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** A4 pages written from the top down: the open page, the current baseline, and a new page when one is full. */
abstract class PdfPages {

    protected final PDDocument pdf;
    protected final PDFont regular;
    protected final PDFont bold;
    private final float top;
    private final float bottom;
    protected PDPageContentStream content;
    protected float y;

    PdfPages(PDDocument pdf, PDFont regular, PDFont bold, float top, float bottom) {
        this.pdf = pdf;
        this.regular = regular;
        this.bold = bold;
        this.top = top;
        this.bottom = bottom;
    }

    /** Moves down one line of this leading, onto a new page when it would fall below the bottom margin. */
    protected void line(float leading) throws IOException {
        if (y - leading < bottom) {
            content.close();
            newPage();
        }
        y -= leading;
    }

    /** Starts a new page unless the rest of the current one holds {@code height}. */
    protected void keepTogether(float height) throws IOException {
        if (y - height < bottom) {
            content.close();
            newPage();
        }
    }

    protected void show(PDFont font, float size, float x, String text) throws IOException {
        PdfText.show(content, font, size, x, y, text);
    }

    protected void newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        content = new PDPageContentStream(pdf, page);
        y = top;
    }
}
