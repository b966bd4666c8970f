package vn.eiso.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Text handling shared by the PDF layouts: the embedded font, cleaning, measuring and wrapping. */
final class PdfText {

    private PdfText() {
    }

    static PDFont font(PDDocument pdf, String resource) throws IOException {
        try (InputStream in = PdfText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing font " + resource);
            }
            return PDType0Font.load(pdf, in);
        }
    }

    static String clean(String text) {
        String value = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
        return value.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ')
                .replaceAll("[\\p{Cntrl}&&[^\n]]", "");
    }

    /** Greedy word wrap; the first line may be narrower (after a label); a word wider than a line is cut. */
    static List<String> wrap(PDFont font, String text, float size, float firstWidth, float width)
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
    static String drawable(PDFont font, String text) {
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

    static float width(PDFont font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    static void show(PDPageContentStream content, PDFont font, float size, float x, float y, String text)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }
}
