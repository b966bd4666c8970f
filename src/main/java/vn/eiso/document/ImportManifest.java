package vn.eiso.document;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.eiso.base.DomainException;
import vn.eiso.base.Spreadsheet;
import vn.eiso.base.Spreadsheet.Column;
import vn.eiso.document.ImportVerdict.Outcome;

/**
 * The manifest of an import ({@code manifest.csv} or {@code manifest.xlsx}), every line checked before any file is
 * imported: each refusal names its line and column, a second line for the same file is reported as a duplicate,
 * and a line whose file is not in the archive is reported once the archive has been walked.
 */
final class ImportManifest {

    static final int MAX_ROWS = 200_000;
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<Column> COLUMNS = List.of(
            Column.required("file", "tệp", "tên tệp", "file name", "filename", "tệp tin"),
            Column.required("code", "mã", "mã tài liệu", "mã hiệu", "ký hiệu"),
            Column.required("title", "tên", "tên tài liệu", "tiêu đề"),
            Column.optional("type", "loại", "loại tài liệu"),
            Column.optional("revision", "lần ban hành", "lần sửa đổi", "phiên bản", "lần"),
            Column.optional("effective_date", "ngày hiệu lực", "hiệu lực từ", "effective", "ngày áp dụng"));

    /** One checked line: the file it describes and what that file becomes. */
    record Line(int line, String file, ImportEntry entry) {
    }

    private final String name;
    private final Map<String, Line> byFile = new LinkedHashMap<>();
    private final Map<String, Integer> refusedLines = new HashMap<>();
    private final List<ImportVerdict> verdicts = new ArrayList<>();

    private ImportManifest(String name) {
        this.name = name;
    }

    static boolean isManifest(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.equals("manifest.csv") || lower.equals("manifest.xlsx");
    }

    /** Reads and checks every line; a file that cannot be read as a table is refused whole. */
    static ImportManifest read(String name, byte[] content) {
        ImportManifest manifest = new ImportManifest(name);
        Spreadsheet.Sheet sheet = Spreadsheet.read(name, content, COLUMNS, MAX_ROWS);
        manifest.verdicts.add(ImportVerdict.of(name, null, Outcome.NOTICE, "import.notice.manifest",
                sheet.rows().size()));
        if (!sheet.ignoredColumns().isEmpty()) {
            manifest.verdicts.add(ImportVerdict.of(name, null, Outcome.NOTICE, "import.notice.ignoredColumns",
                    String.join(", ", sheet.ignoredColumns())));
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (Spreadsheet.Row row : sheet.rows()) {
            String file = row.get("file");
            try {
                Line line = manifest.check(row);
                Integer earlier = firstLine.putIfAbsent(key(file), row.line());
                if (earlier != null) {
                    throw new DomainException("import.error.manifestDuplicate", row.line(), file, earlier);
                }
                manifest.byFile.put(key(file), line);
            } catch (DomainException e) {
                if (!file.isEmpty() && !e.messageKey().equals("import.error.manifestDuplicate")) {
                    manifest.refusedLines.putIfAbsent(key(file), row.line());
                }
                manifest.verdicts.add(ImportVerdict.of(name + " · " + row.line(), row.get("code"), Outcome.REFUSED,
                        e.messageKey(), e.args()));
            }
        }
        return manifest;
    }

    private Line check(Spreadsheet.Row row) {
        int line = row.line();
        String file = required(row, "file");
        String code = required(row, "code");
        String title = required(row, "title");
        String rawType = row.get("type");
        DocumentType type = rawType.isEmpty() ? ImportEntry.typeOfCode(code) : ImportEntry.typeNamed(rawType);
        if (type == null) {
            throw new DomainException("import.error.manifestType", line, "type", rawType.isEmpty() ? code : rawType);
        }
        int revision = 1;
        String rawRevision = row.get("revision");
        if (!rawRevision.isEmpty()) {
            try {
                revision = Integer.parseInt(rawRevision);
            } catch (NumberFormatException e) {
                revision = 0;
            }
            if (revision < 1 || revision > 999) {
                throw new DomainException("import.error.manifestRevision", line, "revision", rawRevision);
            }
        }
        String rawDate = row.get("effective_date");
        LocalDate effective = rawDate.isEmpty() ? null : date(rawDate, line);
        return new Line(line, file, new ImportEntry(code, title, type, revision, effective));
    }

    private static String required(Spreadsheet.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new DomainException("import.error.manifestMissing", row.line(), column);
        }
        return value;
    }

    private static LocalDate date(String raw, int line) {
        try {
            return raw.contains("/") ? LocalDate.parse(raw, VN_DATE) : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new DomainException("import.error.manifestDate", line, "effective_date", raw);
        }
    }

    /** The checked line for a file of the archive, taken once: a second entry of that name gets nothing. */
    Line take(String fileName) {
        return byFile.remove(key(fileName));
    }

    /** The line about this file that was refused, if any: the file is then refused too, not guessed from its name. */
    Integer refusedLine(String fileName) {
        return byFile.containsKey(key(fileName)) ? null : refusedLines.get(key(fileName));
    }

    /** Verdicts on the manifest itself: what it held, its refused and duplicate lines. */
    List<ImportVerdict> verdicts() {
        return verdicts;
    }

    /** Lines whose file was not in the archive, once every entry has taken its line. */
    List<ImportVerdict> unmatched() {
        return byFile.values().stream().map(l -> ImportVerdict.of(name + " · " + l.line(), l.entry().code(),
                Outcome.REFUSED, "import.error.manifestNoFile", l.line(), l.file())).toList();
    }

    /** Files are matched by their name alone, whatever folder of the archive they sit in. */
    static String key(String fileName) {
        String last = fileName.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        return Normalizer.normalize(last, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
