package cn.liaocheng.strongtown.dashboard.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.liaocheng.strongtown.export.FormulaGuard;

/**
 * XLSX through Apache POI's streaming writer. Texts are always written as text cells (never as
 * formulas); those that start like a formula are also marked quote-prefixed, as Excel marks a cell
 * typed with a leading apostrophe. A table that does not fit the format is refused, never cut.
 */
public final class XlsxExport {

    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();

    private XlsxExport() {
    }

    public static byte[] write(ExportTable table) {
        return write(table, MAX_ROWS);
    }

    /** With a lower row limit, for tests. */
    static byte[] write(ExportTable table, int maxRows) {
        check(table, maxRows);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            CellStyle quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0##"));

            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheetName()));
            Row head = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                Cell cell = head.createCell(c);
                setText(cell, table.headers().get(c), text, quoted);
                cell.setCellStyle(FormulaGuard.dangerous(table.headers().get(c)) ? quoted : header);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                        if (!(value instanceof Integer || value instanceof Long)) {
                            cell.setCellStyle(decimal);
                        }
                    } else {
                        setText(cell, value.toString(), text, quoted);
                    }
                }
            }
            for (int c = 0; c < table.headers().size(); c++) {
                sheet.setColumnWidth(c, columnWidth(table, c));
            }
            if (!table.notes().isEmpty()) {
                Sheet notes = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.sheetName() + " · i"));
                int n = 0;
                for (String note : table.notes()) {
                    setText(notes.createRow(n++).createCell(0), note, text, quoted);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A column width from its widest text (a CJK character counts double), without POI's auto-size,
     * which needs desktop fonts that servers often lack.
     */
    private static int columnWidth(ExportTable table, int column) {
        int widest = displayWidth(table.headers().get(column));
        for (List<Object> row : table.rows()) {
            if (column < row.size() && row.get(column) != null) {
                Object v = row.get(column);
                widest = Math.max(widest, v instanceof Number n ? plainNumber(n).length() : displayWidth(v.toString()));
            }
        }
        return Math.min(60, widest + 2) * 256;
    }

    private static int displayWidth(String text) {
        return text.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
    }

    private static void setText(Cell cell, String value, CellStyle text, CellStyle quoted) {
        cell.setCellValue(value);
        cell.setCellStyle(FormulaGuard.dangerous(value) ? quoted : text);
    }

    private static void check(ExportTable table, int maxRows) {
        if (table.rows().size() + 1 > maxRows) {
            throw new ExportTooLargeException("表格共 " + table.rows().size() + " 行，超出 XLSX 工作表上限 "
                    + (maxRows - 1) + " 行；请缩小筛选范围或导出 CSV");
        }
        int widest = table.rows().stream().mapToInt(List::size).max().orElse(0);
        if (Math.max(widest, table.headers().size()) > MAX_COLUMNS) {
            throw new ExportTooLargeException("表格列数超出 XLSX 上限 " + MAX_COLUMNS);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) instanceof String s && s.length() > MAX_TEXT) {
                    throw new ExportTooLargeException("第 " + (r + 2) + " 行第 " + (c + 1) + " 列的文字长 " + s.length()
                            + " 字符，超出 XLSX 单元格上限 " + MAX_TEXT + "；请导出 CSV");
                }
            }
        }
        for (String note : table.notes()) {
            if (note.length() > MAX_TEXT) {
                throw new ExportTooLargeException("说明文字超出 XLSX 单元格上限 " + MAX_TEXT);
            }
        }
    }

    /** A number without exponent or trailing zeros, as CSV and tests want it. */
    static String plainNumber(Number number) {
        if (number instanceof Integer || number instanceof Long) {
            return number.toString();
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
