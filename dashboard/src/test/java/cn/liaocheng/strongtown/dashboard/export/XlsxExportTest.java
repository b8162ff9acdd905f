package cn.liaocheng.strongtown.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

    private static XSSFWorkbook read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    @Test
    void writesHeadersTextsAndNumbersAsTheirTypes() throws IOException {
        byte[] xlsx = XlsxExport.write(new ExportTable("乡镇排行榜", List.of("名次", "乡镇", "得分"),
                List.of(Arrays.asList(1, "古楼街道", 83.25), Arrays.asList(2, "柳园街道", null)), List.of("演示数据")));
        try (XSSFWorkbook book = read(xlsx)) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("乡镇排行榜");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("乡镇");
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(83.25);
            assertThat(sheet.getRow(2).getCell(2)).isNull();
            assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("演示数据");
        }
    }

    @Test
    void dangerousTextsAreTextCellsMarkedQuotePrefixedNeverFormulas() throws IOException {
        List<Object> row = List.of("=1+2", "+CMD|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=x", "\r=x", "正常");
        byte[] xlsx = XlsxExport.write(new ExportTable("t", List.of("a", "b", "c", "d", "e", "f", "g"), List.of(row),
                List.of()));
        try (XSSFWorkbook book = read(xlsx)) {
            Row r = book.getSheetAt(0).getRow(1);
            for (int c = 0; c < row.size(); c++) {
                Cell cell = r.getCell(c);
                assertThat(cell.getCellType()).as("column %d", c).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(row.get(c));
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("column %d", c).isEqualTo(c < 6);
            }
        }
    }

    @Test
    void refusesMoreRowsThanASheetHoldsInsteadOfCuttingThem() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(List.of(i));
        }
        ExportTable table = new ExportTable("t", List.of("n"), rows, List.of());
        assertThatThrownBy(() -> XlsxExport.write(table, 10)).isInstanceOf(ExportTooLargeException.class)
                .hasMessageContaining("10 行");
        assertThat(XlsxExport.write(table, 11)).isNotEmpty();
        assertThat(XlsxExport.MAX_ROWS).isEqualTo(1_048_576);
    }

    @Test
    void refusesATextLongerThanACellHoldsInsteadOfCuttingIt() throws IOException {
        String fits = "字".repeat(XlsxExport.MAX_TEXT);
        try (XSSFWorkbook book = read(XlsxExport.write(new ExportTable("t", List.of("x"), List.of(List.of(fits)),
                List.of())))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).hasSize(XlsxExport.MAX_TEXT);
        }
        ExportTable tooLong = new ExportTable("t", List.of("x"), List.of(List.of(fits + "多")), List.of());
        assertThatThrownBy(() -> XlsxExport.write(tooLong)).isInstanceOf(ExportTooLargeException.class)
                .hasMessageContaining("32767");
    }
}
