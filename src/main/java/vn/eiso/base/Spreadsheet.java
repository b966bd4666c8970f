package vn.eiso.base;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The one reader of tabular imports (CSV and XLSX), so that every import treats quotes, delimiters, headers,
 * encodings and line numbers the same way and names the same line the user sees in their editor.
 */
public final class Spreadsheet {

    private Spreadsheet() {
    }

    /** A column the reader knows: a canonical name, whether a row must fill it, and the header spellings meaning it. */
    public record Column(String name, boolean required, List<String> aliases) {

        public Column {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a column needs a name");
            }
            aliases = List.copyOf(aliases);
        }

        public static Column required(String name, String... aliases) {
            return new Column(name, true, List.of(aliases));
        }

        public static Column optional(String name, String... aliases) {
            return new Column(name, false, List.of(aliases));
        }

        boolean matches(String headerCell) {
            String wanted = headerKey(headerCell);
            return !wanted.isEmpty() && (headerKey(name).equals(wanted)
                    || aliases.stream().anyMatch(alias -> headerKey(alias).equals(wanted)));
        }
    }

    /**
     * One data row: the line (CSV: physical line where the record starts, 1-based; XLSX: the sheet's row number,
     * 1-based) and its cells by canonical column name (stripped; "" when absent).
     */
    public record Row(int line, Map<String, String> cells) {

        public Row {
            cells = Map.copyOf(cells);
        }

        public String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    /**
     * The rows, the header cells that matched no column (ignored, to be reported as a notice), and whether a header
     * line was found.
     */
    public record Sheet(List<Row> rows, List<String> ignoredColumns, boolean hadHeader) {

        public Sheet {
            rows = List.copyOf(rows);
            ignoredColumns = List.copyOf(ignoredColumns);
        }
    }

    /** Reads CSV or, when fileName ends with .xlsx (case-insensitive), the first sheet of an XLSX workbook. */
    public static Sheet read(String fileName, byte[] content, List<Column> columns, int maxRows) {
        Collector collector = new Collector(columns, maxRows);
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            readXlsx(content, collector);
        } else {
            readCsv(content, collector);
        }
        return collector.sheet();
    }

    /** Raw rows in, mapped rows out: the first non-blank row decides whether the file has a header. */
    private static final class Collector {

        private final List<Column> columns;
        private final int maxRows;
        private final List<Row> rows = new ArrayList<>();
        private final List<String> ignored = new ArrayList<>();
        private boolean started;
        private boolean hadHeader;
        /** Which column each cell position fills; null where the cell is ignored. */
        private Column[] byPosition = new Column[0];

        Collector(List<Column> columns, int maxRows) {
            this.columns = List.copyOf(columns);
            this.maxRows = maxRows;
        }

        void add(int line, List<String> raw) {
            if (raw.stream().allMatch(String::isBlank)) {
                return;
            }
            if (!started) {
                started = true;
                if (raw.stream().anyMatch(cell -> columns.stream().anyMatch(c -> c.matches(cell)))) {
                    readHeader(raw);
                    return;
                }
                byPosition = columns.toArray(Column[]::new);
            }
            if (rows.size() == maxRows) {
                throw new DomainException("error.sheet.tooManyRows", maxRows);
            }
            Map<String, String> cells = new HashMap<>();
            columns.forEach(c -> cells.put(c.name(), ""));
            for (int i = 0; i < Math.min(raw.size(), byPosition.length); i++) {
                if (byPosition[i] != null) {
                    cells.put(byPosition[i].name(), raw.get(i).strip());
                }
            }
            rows.add(new Row(line, cells));
        }

        private void readHeader(List<String> header) {
            hadHeader = true;
            byPosition = new Column[header.size()];
            Map<String, Column> found = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String cell = header.get(i);
                Column column = columns.stream().filter(c -> c.matches(cell)).findFirst().orElse(null);
                // A second header cell for a column already found is ignored rather than silently overwriting it.
                if (column == null || found.putIfAbsent(column.name(), column) != null) {
                    if (!cell.isBlank()) {
                        ignored.add(cell.strip());
                    }
                } else {
                    byPosition[i] = column;
                }
            }
            for (Column column : columns) {
                if (column.required() && !found.containsKey(column.name())) {
                    throw new DomainException("error.sheet.missingColumn", column.name());
                }
            }
        }

        Sheet sheet() {
            if (rows.isEmpty()) {
                throw new DomainException("error.sheet.empty");
            }
            return new Sheet(rows, ignored, hadHeader);
        }
    }

    /** "Ngày hiệu lực", "ngay_hieu_luc" and "Ngay-hieu luc" are one header. */
    private static String headerKey(String cell) {
        return TextFolding.fold(cell).replaceAll("[\\s_-]", "");
    }

    private static void readCsv(byte[] content, Collector collector) {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiterOf(lines))
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // Read before the record is parsed: afterwards the count includes its own embedded line breaks.
                int start = firstNonEmpty(lines, (int) parser.getCurrentLineNumber() + 1);
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw new DomainException("error.sheet.malformed", start);
                }
                collector.add(start, record.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty lines are skipped by the parser without a record, so a record starts on the next line with text. */
    private static int firstNonEmpty(String[] lines, int line) {
        int current = line;
        while (current <= lines.length && lines[current - 1].isEmpty()) {
            current++;
        }
        return current;
    }

    /**
     * Excel writes semicolons where the locale's decimal mark is a comma; only the first line with text decides,
     * so a later title holding a semicolon cannot switch a comma file.
     */
    private static char delimiterOf(String[] lines) {
        String first = Arrays.stream(lines).filter(l -> !l.isEmpty()).findFirst().orElse("");
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : first.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Strict, because a file saved as Windows-1258 or Latin-1 would otherwise import garbled Vietnamese names. */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DomainException("error.sheet.notUtf8");
        }
    }

    private static void readXlsx(byte[] content, Collector collector) {
        try (XSSFWorkbook workbook = open(content)) {
            if (workbook.getNumberOfSheets() == 0) {
                return;
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            formatter.setUseCachedValuesForFormulaCells(true);
            for (var row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : text(cell, formatter));
                }
                collector.add(row.getRowNum() + 1, cells);
            }
        } catch (IOException e) {
            throw new DomainException("error.sheet.unreadable");
        }
    }

    private static XSSFWorkbook open(byte[] content) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            // POI refuses a non-OOXML or damaged file with assorted unchecked exceptions; to the user they are one.
            throw new DomainException("error.sheet.unreadable");
        }
    }

    /**
     * What the user sees in the cell, except that dates are ISO (the display format depends on the author's locale)
     * and whole numbers lose the ".0" a number format may give them, since they are usually codes or counts.
     */
    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
        }
        return formatter.formatCellValue(cell);
    }
}
