package vn.eiso.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A plain A4 report: a title, headings, labelled fields and wrapped paragraphs, in an embedded Unicode font so that
 * Vietnamese prints and extracts as written. Text is NFC-normalised first: the font has the precomposed letters,
 * and decomposed input would print loose diacritics.
 */
public final class PdfReport {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private enum Style {
        TITLE(15, true, 10),
        HEADING(12, true, 6),
        LABEL(10.5f, true, 2),
        TEXT(10.5f, false, 6);

        final float size;
        final boolean bold;
        final float spaceAfter;

        Style(float size, boolean bold, float spaceAfter) {
            this.size = size;
            this.bold = bold;
            this.spaceAfter = spaceAfter;
        }
    }

    private record Block(Style style, String label, String text) {
    }

    private final String documentTitle;
    private final List<Block> blocks = new ArrayList<>();

    public PdfReport(String documentTitle) {
        this.documentTitle = PdfText.clean(documentTitle);
        blocks.add(new Block(Style.TITLE, null, this.documentTitle));
    }

    public PdfReport heading(String text) {
        blocks.add(new Block(Style.HEADING, null, PdfText.clean(text)));
        return this;
    }

    /** A label in bold followed by its value on the same line, wrapped below when long. */
    public PdfReport field(String label, String value) {
        blocks.add(new Block(Style.LABEL, PdfText.clean(label) + ":", PdfText.clean(value)));
        return this;
    }

    /** A paragraph; line breaks in the text start new paragraphs. */
    public PdfReport paragraph(String text) {
        for (String line : PdfText.clean(text).split("\n", -1)) {
            blocks.add(new Block(Style.TEXT, null, line.strip()));
        }
        return this;
    }

    public byte[] toBytes() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = PdfText.font(pdf, "/fonts/DejaVuSans.ttf");
            PDFont bold = PdfText.font(pdf, "/fonts/DejaVuSans-Bold.ttf");
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(documentTitle);
            info.setCreator("eISO");
            pdf.setDocumentInformation(info);
            new Writer(pdf, regular, bold).write(blocks);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + documentTitle, e);
        }
    }

    /** Lays blocks out line by line, opening a new page when the current one is full. */
    private static final class Writer extends PdfPages {

        Writer(PDDocument pdf, PDFont regular, PDFont bold) {
            super(pdf, regular, bold, PDRectangle.A4.getHeight() - MARGIN, MARGIN);
        }

        void write(List<Block> blocks) throws IOException {
            newPage();
            try {
                for (Block block : blocks) {
                    write(block);
                }
            } finally {
                content.close();
            }
        }

        private void write(Block block) throws IOException {
            Style style = block.style();
            float leading = style.size * 1.4f;
            PDFont font = style.bold ? bold : regular;
            if (block.label() != null) {
                // A long label (a checklist question) wraps like text; the value goes on after its last line.
                List<String> labels = PdfText.wrap(bold, PdfText.drawable(bold, block.label()), style.size, WIDTH,
                        WIDTH);
                for (String label : labels.subList(0, labels.size() - 1)) {
                    line(leading);
                    show(bold, style.size, MARGIN, label);
                }
                String lastLabel = labels.getLast() + " ";
                float labelWidth = PdfText.width(bold, lastLabel, style.size);
                List<String> lines = PdfText.wrap(regular, PdfText.drawable(regular, block.text()), style.size,
                        WIDTH - labelWidth, WIDTH);
                line(leading);
                show(bold, style.size, MARGIN, lastLabel);
                show(regular, style.size, MARGIN + labelWidth, lines.getFirst());
                for (String rest : lines.subList(1, lines.size())) {
                    line(leading);
                    show(regular, style.size, MARGIN, rest);
                }
            } else {
                String drawable = PdfText.drawable(font, block.text());
                for (String text : PdfText.wrap(font, drawable, style.size, WIDTH, WIDTH)) {
                    line(leading);
                    show(font, style.size, MARGIN, text);
                }
            }
            y -= style.spaceAfter;
        }
    }
}
