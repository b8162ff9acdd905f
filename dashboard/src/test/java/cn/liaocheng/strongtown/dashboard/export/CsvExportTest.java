package cn.liaocheng.strongtown.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    private static ExportTable table(List<List<Object>> rows) {
        return new ExportTable("表", List.of("名次", "乡镇", "得分"), rows, List.of());
    }

    @Test
    void startsWithTheUtf8ByteOrderMarkAndUsesCrLf() {
        byte[] csv = CsvExport.write(table(List.of(List.of(1, "古楼街道", 83.25))));
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("名次,乡镇,得分\r\n1,古楼街道,83.25\r\n");
    }

    @Test
    void textsThatCouldRunAsFormulasGetALeadingQuote() {
        List<Object> row = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "safe");
        String text = new String(CsvExport.write(new ExportTable("t", List.of("a", "b", "c", "d", "e", "f", "g"),
                List.of(row), List.of())), StandardCharsets.UTF_8).substring(1);
        String line = text.split("\r\n", -1)[1];
        assertThat(line).startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1,'-2+3,'@SUM(A1),'\tx,\"'\rx\",safe");
    }

    @Test
    void numbersStayNumbersEvenWhenNegative() {
        String text = new String(CsvExport.write(table(List.of(Arrays.asList(-3, "镇", -1.5)))), StandardCharsets.UTF_8);
        assertThat(text).endsWith("-3,镇,-1.5\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndKeepsEmptyCells() {
        String text = new String(CsvExport.write(table(List.of(Arrays.asList(null, "a,b", "say \"hi\"\nthere")))),
                StandardCharsets.UTF_8);
        assertThat(text).endsWith(",\"a,b\",\"say \"\"hi\"\"\nthere\"\r\n");
    }

    @Test
    void writesEveryRowAndEveryCharacterOfLongTexts() {
        String longText = "长".repeat(40_000);
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(List.of(i, i == 0 ? longText : "镇" + i, i / 10.0));
        }
        String text = new String(CsvExport.write(table(rows)), StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(5001);
        assertThat(text).contains(longText);
    }
}
