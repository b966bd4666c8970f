package vn.eiso.planning.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import vn.eiso.base.ui.Formats;
import vn.eiso.planning.Measurement;
import vn.eiso.planning.Objective;

/**
 * A small line chart of an objective's measurements against its target, rendered on the server as SVG: no chart
 * library, nothing to license, readable without JavaScript. Only numbers and dates go into it.
 */
final class ObjectiveChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int PAD = 40;
    // Room for the last date label, centred on the last point.
    private static final int RIGHT = 30;

    private ObjectiveChart() {
    }

    static String svg(Objective objective, List<Measurement> measurements) {
        double min = objective.target().doubleValue();
        double max = min;
        for (Measurement m : measurements) {
            min = Math.min(min, m.value().doubleValue());
            max = Math.max(max, m.value().doubleValue());
        }
        double span = max - min == 0 ? Math.max(1, Math.abs(max) * 0.1) : max - min;
        double low = min - span * 0.1;
        double high = max + span * 0.1;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" class=\"chart\" aria-label=\"")
                .append(attribute(name(objective, measurements))).append("\">");
        double targetY = y(objective.target().doubleValue(), low, high);
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"chart-target\"/>", PAD, targetY,
                WIDTH - 10, targetY));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"chart-label\">%s</text>", 2,
                targetY + 4, number(objective.target())));
        StringBuilder points = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        int n = measurements.size();
        for (int i = 0; i < n; i++) {
            Measurement m = measurements.get(i);
            double x = n == 1 ? (PAD + WIDTH - RIGHT) / 2.0 : PAD + i * (WIDTH - RIGHT - PAD) / (double) (n - 1);
            double y = y(m.value().doubleValue(), low, high);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            String cls = objective.isMet(m.value()) ? "chart-point met" : "chart-point missed";
            marks.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"%s\"><title>%s: %s</title></circle>", x, y, cls,
                    Formats.date(m.measuredOn()), number(m.value())));
            if (n <= 12 || i % Math.ceil(n / 12.0) == 0) {
                marks.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" class=\"chart-label\" text-anchor=\"middle\">%s</text>", x,
                        HEIGHT - 4, Formats.date(m.measuredOn()).substring(3)));
            }
        }
        svg.append("<polyline points=\"").append(points.toString().strip()).append("\" class=\"chart-line\"/>");
        svg.append(marks);
        svg.append("</svg>");
        return svg.toString();
    }

    /** What a screen reader says in place of the picture: the objective, its target and each measurement. */
    private static String name(Objective objective, List<Measurement> measurements) {
        StringBuilder name = new StringBuilder(objective.title()).append(" (").append(number(objective.target()))
                .append(')');
        for (Measurement m : measurements) {
            name.append("; ").append(Formats.date(m.measuredOn())).append(": ").append(number(m.value()));
        }
        return name.toString();
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static double y(double value, double low, double high) {
        return HEIGHT - 20 - (value - low) / (high - low) * (HEIGHT - 30);
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
