package cn.liaocheng.strongtown.collection.reading;

import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import cn.liaocheng.strongtown.export.FormulaGuard;

/**
 * What every upload template we generate shares (the yearly declaration template, the construction-plan template):
 * the title and header cell styles, and the instructions sheet — numbered rules under a title, then a table of the
 * items to fill in.
 */
public final class TemplateSheets {

    private TemplateSheets() {
    }

    /** The sheet title's style: bold, 14 pt. Cell styles are workbook-wide objects; create each once. */
    public static CellStyle titleStyle(Workbook wb) {
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        CellStyle title = wb.createCellStyle();
        title.setFont(big);
        return title;
    }

    /** A table header's style: bold, wrapped, grey, underlined. */
    public static CellStyle headerStyle(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        return header;
    }

    /**
     * Writes the instructions: the lines (the first in {@code title}; each through the formula guard), an empty row,
     * the table's head in {@code header} and its rows — a {@link Number} as a number, null as an empty cell, anything else as the text
     * the caller made of it (neutralised by the caller where it comes from data). Answers the first table row's index.
     */
    public static int writeInstructions(Sheet sheet, CellStyle title, CellStyle header, List<String> lines,
                                        List<String> head, List<List<Object>> rows) {
        int r = 0;
        for (String line : lines) {
            sheet.createRow(r).createCell(0).setCellValue(FormulaGuard.neutralised(line));
            if (r == 0) {
                sheet.getRow(0).getCell(0).setCellStyle(title);
            }
            r++;
        }
        r++;
        Row headRow = sheet.createRow(r++);
        for (int c = 0; c < head.size(); c++) {
            headRow.createCell(c).setCellValue(head.get(c));
            headRow.getCell(c).setCellStyle(header);
        }
        int first = r;
        for (List<Object> cells : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c) == null) {
                    row.createCell(c);
                } else if (cells.get(c) instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else {
                    row.createCell(c).setCellValue(String.valueOf(cells.get(c)));
                }
            }
        }
        return first;
    }
}
