package vn.eiso.base.ui;

import java.util.Locale;
import java.util.Map;

/**
 * Horizontal bars rendered on the server as SVG: free of licences and JavaScript. Labels are escaped; only the
 * counts decide the lengths.
 */
public final class BarChart {

    private static final int WIDTH = 420;
    private static final int ROW = 22;
    private static final int LABEL = 170;

    private BarChart() {
    }

    public static String svg(Map<String, Long> values) {
        return svg(null, values);
    }

    /**
     * The chart named for assistive technology: its title and every bar's label and count, which a screen reader
     * reads in place of the picture.
     */
    public static String svg(String title, Map<String, Long> values) {
        StringBuilder name = new StringBuilder(title == null ? "" : title);
        values.forEach((label, count) -> name.append(name.isEmpty() ? "" : "; ").append(label).append(": ")
                .append(count));
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder svg = new StringBuilder();
        int height = Math.max(ROW, values.size() * ROW);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" class=\"chart\" aria-label=\"")
                .append(attribute(name.toString())).append("\">");
        int y = 0;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            double length = (WIDTH - LABEL - 40) * entry.getValue() / (double) max;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"0\" y=\"%d\" class=\"chart-label\">%s</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" class=\"chart-bar\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" class=\"chart-label\">%d</text>",
                    y + 15, escape(entry.getKey()), LABEL, y + 4, length, LABEL + length + 4, y + 15,
                    entry.getValue()));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String escape(String text) {
        String clipped = text.length() > 28 ? text.substring(0, 27) + "…" : text;
        return clipped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
