package vn.eiso.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

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
        this.documentTitle = clean(documentTitle);
        blocks.add(new Block(Style.TITLE, null, this.documentTitle));
    }

    public PdfReport heading(String text) {
        blocks.add(new Block(Style.HEADING, null, clean(text)));
        return this;
    }

    /** A label in bold followed by its value on the same line, wrapped below when long. */
    public PdfReport field(String label, String value) {
        blocks.add(new Block(Style.LABEL, clean(label) + ":", clean(value)));
        return this;
    }

    /** A paragraph; line breaks in the text start new paragraphs. */
    public PdfReport paragraph(String text) {
        for (String line : clean(text).split("\n", -1)) {
            blocks.add(new Block(Style.TEXT, null, line.strip()));
        }
        return this;
    }

    public byte[] toBytes() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = font(pdf, "/fonts/DejaVuSans.ttf");
            PDFont bold = font(pdf, "/fonts/DejaVuSans-Bold.ttf");
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

    private static PDFont font(PDDocument pdf, String resource) throws IOException {
        try (InputStream in = PdfReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing font " + resource);
            }
            return PDType0Font.load(pdf, in);
        }
    }

    private static String clean(String text) {
        String value = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
        return value.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ')
                .replaceAll("[\\p{Cntrl}&&[^\n]]", "");
    }

    /** Lays blocks out line by line, opening a new page when the current one is full. */
    private static final class Writer {

        private final PDDocument pdf;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument pdf, PDFont regular, PDFont bold) {
            this.pdf = pdf;
            this.regular = regular;
            this.bold = bold;
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
                List<String> labels = wrap(bold, drawable(bold, block.label()), style.size, WIDTH, WIDTH);
                for (String label : labels.subList(0, labels.size() - 1)) {
                    line(leading);
                    show(bold, style.size, MARGIN, label);
                }
                String lastLabel = labels.getLast() + " ";
                float labelWidth = width(bold, lastLabel, style.size);
                List<String> lines = wrap(regular, drawable(regular, block.text()), style.size, WIDTH - labelWidth,
                        WIDTH);
                line(leading);
                show(bold, style.size, MARGIN, lastLabel);
                show(regular, style.size, MARGIN + labelWidth, lines.getFirst());
                for (String rest : lines.subList(1, lines.size())) {
                    line(leading);
                    show(regular, style.size, MARGIN, rest);
                }
            } else {
                for (String text : wrap(font, drawable(font, block.text()), style.size, WIDTH, WIDTH)) {
                    line(leading);
                    show(font, style.size, MARGIN, text);
                }
            }
            y -= style.spaceAfter;
        }

        private void line(float leading) throws IOException {
            if (y - leading < MARGIN) {
                content.close();
                newPage();
            }
            y -= leading;
        }

        private void show(PDFont font, float size, float x, String text) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            content = new PDPageContentStream(pdf, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** Greedy word wrap; the first line may be narrower (after a label); a word wider than a line is cut. */
        private static List<String> wrap(PDFont font, String text, float size, float firstWidth, float width)
                throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" +")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                float limit = lines.isEmpty() ? firstWidth : width;
                if (width(font, candidate, size) <= limit) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (!current.isEmpty() || lines.isEmpty() && firstWidth < width) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                String rest = word;
                while (width(font, rest, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, rest.substring(0, cut), size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                current.append(rest);
            }
            lines.add(current.toString());
            return lines;
        }

        /**
         * The text with every character the font cannot draw (a Word bullet from the private use area, an emoji)
         * replaced by "?": one such character must not make a signed report impossible to print.
         */
        private static String drawable(PDFont font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                String ch = Character.toString(c);
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static float width(PDFont font, String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }
    }
}
