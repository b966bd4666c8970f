package vn.eiso.base;

import com.github.difflib.text.DiffRowGenerator;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/** One line of a side-by-side comparison of two texts (two revisions, a procedure and its model). */
public record DiffRow(Kind kind, String left, String right) {

    public enum Kind {
        SAME,
        CHANGED,
        ADDED,
        REMOVED
    }

    /** The two texts compared line by line, after bringing both to composed Unicode (NFC). */
    public static List<DiffRow> between(String older, String newer) {
        DiffRowGenerator generator = DiffRowGenerator.create().showInlineDiffs(false).ignoreWhiteSpaces(false)
                .build();
        return generator.generateDiffRows(lines(older), lines(newer)).stream()
                .map(r -> new DiffRow(switch (r.getTag()) {
                    case EQUAL -> Kind.SAME;
                    case CHANGE -> Kind.CHANGED;
                    case INSERT -> Kind.ADDED;
                    case DELETE -> Kind.REMOVED;
                }, unescape(r.getOldLine()), unescape(r.getNewLine())))
                .toList();
    }

    private static List<String> lines(String text) {
        return Arrays.asList(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).split("\\R", -1));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
