package cn.liaocheng.strongtown.collection.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.liaocheng.strongtown.collection.Finding;

/**
 * Reads a filled declaration workbook into an {@link InputTable} plus its stamp, reporting problems
 * of the container itself: missing or extra sheets, merged cells in the data area.
 * It only reads: the workbooks the product writes go through {@link cn.liaocheng.strongtown.export.FormulaGuard}.
 */
public final class WorkbookReader {

    /** What was read; {@code table} is null when the data sheet is missing or unreadable. */
    public record Read(InputTable table, TemplateStamp stamp, List<Finding> findings) {
    }

    private WorkbookReader() {
    }

    public static Read read(byte[] content) {
        List<Finding> findings = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            TemplateStamp stamp = readStamp(wb, findings);
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                String name = wb.getSheetName(i);
                if (!name.equals(TemplateLayout.DATA_SHEET) && !name.equals(TemplateLayout.INSTRUCTIONS_SHEET)
                        && !name.equals(TemplateStamp.SHEET)) {
                    findings.add(Finding.warning(name, null, null, null, "多余的工作表，已忽略（只读取“"
                            + TemplateLayout.DATA_SHEET + "”工作表）"));
                }
            }
            Sheet sheet = wb.getSheet(TemplateLayout.DATA_SHEET);
            if (sheet == null) {
                findings.add(Finding.fileError("缺少“" + TemplateLayout.DATA_SHEET + "”工作表，请使用系统下载的模板填报"));
                return new Read(null, stamp, findings);
            }
            return new Read(table(sheet, findings), stamp, findings);
        } catch (EncryptedDocumentException e) {
            findings.add(Finding.fileError("工作簿有密码保护，请取消密码后上传"));
        } catch (OLE2NotOfficeXmlFileException e) {
            findings.add(Finding.fileError("文件内容是旧版 Excel（.xls），请另存为 .xlsx 后上传"));
        } catch (IOException | RuntimeException e) {
            // POI signals damaged files, zip bombs and broken XML with assorted runtime exceptions.
            findings.add(Finding.fileError(bombOrBroken(e)));
        }
        return new Read(null, null, findings);
    }

    private static String bombOrBroken(Exception e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            message += " " + t.getMessage();
        }
        if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("exceeded the maximum")) {
            return "工作簿超出安全限制（疑为压缩炸弹），已拒绝";
        }
        // The reason in Chinese only: POI's exception names and English messages mean nothing to the user
        // (and tell an attacker which parser runs); the upload is rejected either way.
        if (message.contains("DOCTYPE") || message.contains("DTD") || message.contains("entity")) {
            return "工作簿含有不允许的 XML 文档类型声明（DOCTYPE，可能引用外部实体），已拒绝；请用 Excel 另存为 .xlsx 后重新上传";
        }
        return "无法读取工作簿：文件已损坏或不是 Excel 工作簿（.xlsx），请用 Excel 打开并另存为 .xlsx 后重新上传";
    }

    private static TemplateStamp readStamp(XSSFWorkbook wb, List<Finding> findings) {
        Sheet sheet = wb.getSheet(TemplateStamp.SHEET);
        if (sheet == null) {
            findings.add(Finding.fileError("找不到模板标记：该文件不是由本系统下载的申报模板（或标记已被删除），请重新下载模板填报"));
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (Row row : sheet) {
            values.put(text(row.getCell(0)), text(row.getCell(1)));
        }
        try {
            return new TemplateStamp(Integer.parseInt(values.get("format_version")), values.get("catalog_id"),
                    values.get("catalog_version"), Integer.parseInt(values.get("year")), values.get("county"));
        } catch (NumberFormatException e) {
            findings.add(Finding.fileError("模板标记已损坏，请重新下载模板填报"));
            return null;
        }
    }

    private static InputTable table(Sheet sheet, List<Finding> findings) {
        int firstData = TemplateLayout.FIRST_DATA_ROW;
        List<String> headers = rowTexts(sheet.getRow(TemplateLayout.HEADER_ROW));
        List<String> keys = rowTexts(sheet.getRow(TemplateLayout.KEY_ROW));
        if (keys.isEmpty() || !TemplateLayout.KEY_TOWN_CODE.equals(keys.get(0))) {
            // The hidden key row was deleted: columns are matched by their headers, data start in row 2.
            keys = null;
            firstData = TemplateLayout.KEY_ROW;
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.getLastRow() >= firstData) {
                findings.add(Finding.error(sheet.getSheetName(), merged.getFirstRow() + 1,
                        merged.formatAsString(), null, "数据区不能有合并单元格（无法确定数值属于哪个乡镇或指标），请取消合并后重新上传"));
            } else {
                findings.add(Finding.warning(sheet.getSheetName(), merged.getFirstRow() + 1,
                        merged.formatAsString(), null, "表头含合并单元格，已按左上角单元格读取"));
            }
        }
        List<InputTable.Row> rows = new ArrayList<>();
        for (int r = firstData; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            List<TableCell> cells = new ArrayList<>();
            for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                cells.add(cell(row.getCell(c)));
            }
            rows.add(new InputTable.Row(r + 1, cells));
        }
        return new InputTable(sheet.getSheetName(), headers, keys, rows);
    }

    private static List<String> rowTexts(Row row) {
        List<String> texts = new ArrayList<>();
        if (row != null) {
            for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                texts.add(text(row.getCell(c)));
            }
        }
        return texts;
    }

    /** A header or town cell as text; numbers (a town code typed as a number) without ".0". */
    private static String text(Cell cell) {
        TableCell c = cell(cell);
        return c.kind() == TableCell.Kind.NUMBER ? plainInteger(c.number()) : c.text() == null ? "" : c.text().strip();
    }

    public static String plainInteger(double v) {
        return new BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
    }

    static TableCell cell(Cell cell) {
        if (cell == null) {
            return TableCell.BLANK;
        }
        boolean percent = cell.getCellStyle() != null && cell.getCellStyle().getDataFormatString() != null
                && cell.getCellStyle().getDataFormatString().contains("%");
        CellType type = cell.getCellType();
        String formula = null;
        if (type == CellType.FORMULA) {
            formula = cell.getCellFormula();
            if (cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                return new TableCell(TableCell.Kind.FORMULA_WITHOUT_VALUE, null, null, percent, formula);
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> new TableCell(TableCell.Kind.NUMBER, null, cell.getNumericCellValue(), percent, formula);
            case STRING -> cell.getStringCellValue().isBlank() && formula == null ? TableCell.BLANK
                    : new TableCell(TableCell.Kind.TEXT, cell.getStringCellValue(), null, percent, formula);
            case BOOLEAN -> new TableCell(TableCell.Kind.BOOLEAN, String.valueOf(cell.getBooleanCellValue()), null,
                    percent, formula);
            case ERROR -> new TableCell(TableCell.Kind.ERROR, FormulaError.forInt(cell.getErrorCellValue()).getString(),
                    null, percent, formula);
            default -> TableCell.BLANK;
        };
    }
}
