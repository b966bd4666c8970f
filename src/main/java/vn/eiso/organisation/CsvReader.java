package vn.eiso.organisation;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 reading of a small CSV text: quoted fields may hold the delimiter, doubled quotes and line breaks.
 * The delimiter is a comma, or a semicolon when the first line has more of them (as Excel writes for vi-VN).
 */
final class CsvReader {

    /** One logical row with the physical line it starts on, counted from 1. */
    record Row(int line, List<String> fields) {
    }

    private CsvReader() {
    }

    static List<Row> read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char delimiter = delimiterOf(body);
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                addUnlessBlank(rows, rowStart, fields);
                fields = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        addUnlessBlank(rows, rowStart, fields);
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
        if (fields.stream().anyMatch(f -> !f.isBlank())) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }
}
