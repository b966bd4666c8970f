package vn.eiso.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook of plain sheets: a bold header row, then rows of text and numbers. Streamed (SXSSF), so a province's
 * register does not have to fit in memory as cells.
 */
public final class XlsxReport {

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle header;

    public XlsxReport() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
    }

    /** A sheet with its header and rows; a {@link Number} becomes a numeric cell, anything else its text. */
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
                if (value instanceof Number number) {
                    row.createCell(i).setCellValue(number.doubleValue());
                } else {
                    row.createCell(i).setCellValue(value == null ? "" : value.toString());
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
