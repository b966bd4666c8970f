package vn.eiso.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook of plain sheets: a bold header row, then rows of text, numbers and dates, each a cell of its own kind
 * so that a spreadsheet sorts, filters and sums them. Streamed (SXSSF), so a province's register does not have to
 * fit in memory as cells.
 */
public final class XlsxReport {

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle dateTime;

    public XlsxReport() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
    }

    /**
     * A sheet with its header and rows: a {@link Number} becomes a numeric cell, a {@link LocalDate} or
     * {@link LocalDateTime} a date cell, null or "" an empty cell, anything else its text.
     */
    public XlsxReport sheet(String name, List<String> headers, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(name);
        Row head = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            head.createCell(i).setCellValue(headers.get(i));
            head.getCell(i).setCellStyle(header);
        }
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                Cell cell = row.createCell(i);
                switch (value) {
                    case null -> cell.setBlank();
                    case Number number -> cell.setCellValue(number.doubleValue());
                    case LocalDate day -> {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    }
                    case LocalDateTime moment -> {
                        cell.setCellValue(moment);
                        cell.setCellStyle(dateTime);
                    }
                    default -> {
                        if (!value.toString().isEmpty()) {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
            }
        }
        return this;
    }

    public byte[] toBytes() {
        try (SXSSFWorkbook book = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workbook", e);
        }
    }
}
