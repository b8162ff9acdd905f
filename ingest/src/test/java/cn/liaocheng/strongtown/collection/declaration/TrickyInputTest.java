package cn.liaocheng.strongtown.collection.declaration;

import static cn.liaocheng.strongtown.collection.CollectionFixture.CATALOGS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.FIRST_ROW;
import static cn.liaocheng.strongtown.collection.CollectionFixture.TOWNS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.YEAR;
import static cn.liaocheng.strongtown.collection.CollectionFixture.cell;
import static cn.liaocheng.strongtown.collection.CollectionFixture.column;
import static cn.liaocheng.strongtown.collection.CollectionFixture.data;
import static cn.liaocheng.strongtown.collection.CollectionFixture.digest;
import static cn.liaocheng.strongtown.collection.CollectionFixture.edit;
import static cn.liaocheng.strongtown.collection.CollectionFixture.filledCityTemplate;
import static cn.liaocheng.strongtown.collection.CollectionFixture.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.ValidationReport;
import cn.liaocheng.strongtown.collection.reading.CsvTableReader;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.town.Town;

/** Inputs that look odd but mean something clear: accepted, with the value read right and a warning where due. */
class TrickyInputTest {

    private static final Town FIRST = TOWNS.towns().get(0);
    private static final String HEAD = "乡镇代码,乡镇名称,常住人口（万人）,";

    @TempDir
    Path root;

    private DeclarationIntake intake() {
        return new DeclarationIntake(TOWNS, CATALOGS, new Lake(root));
    }

    /** Submits; asserts acceptance; returns the accepted value of the first town's item. */
    private double accepted(UploadedFile file, String itemId) {
        IntakeResult result = intake().submit(file, YEAR, "office");
        assertThat(result.outcome()).as(result.report().toText()).isEqualTo(IntakeResult.Outcome.ACCEPTED);
        return intake().currentValues(YEAR).get(FIRST.code() + "/" + itemId);
    }

    private static UploadedFile csv(String text, Charset charset) {
        return UploadedFile.of("申报.csv", text.getBytes(charset));
    }

    @Test
    void readsThousandsSeparatorsAndFullWidthDigits() {
        assertThat(accepted(csv(HEAD + "地区生产总值（万元）\n" + FIRST.code() + "," + FIRST.name() + ",30,\"1,234,567.5\"\n",
                StandardCharsets.UTF_8), "gdp")).isEqualTo(1_234_567.5);
        assertThat(accepted(csv(HEAD + "地区生产总值（万元）\n" + FIRST.code() + "," + FIRST.name() + ",30,１２３，４５６．５\n",
                StandardCharsets.UTF_8), "gdp")).isEqualTo(123_456.5);
    }

    @Test
    void detectsGbkAndUtf8WithBom() {
        String text = HEAD + "地区生产总值（万元）\n" + FIRST.code() + "," + FIRST.name() + ",30,45678\n";
        assertThat(accepted(csv(text, Charset.forName("GBK")), "gdp")).isEqualTo(45678);
        assertThat(accepted(csv("\uFEFF" + text.replace("45678", "45679"), StandardCharsets.UTF_8), "gdp")).isEqualTo(45679);
        assertThat(CsvTableReader.detect(text.getBytes(Charset.forName("GBK")))).isEqualTo(CsvTableReader.GBK);
    }

    @Test
    void convertsYuanHeaderToTenThousandYuanWithAWarning() {
        UploadedFile file = csv(HEAD + "地区生产总值（元）\n" + FIRST.code() + "," + FIRST.name() + ",30,123450000\n", StandardCharsets.UTF_8);
        assertThat(intake().check(file, YEAR).warnings()).anySatisfy(f -> assertThat(f.reason()).contains("×0.0001 换算为“万元”"));
        assertThat(accepted(file, "gdp")).isEqualTo(12345);
    }

    @Test
    void readsPercentTextAndExcelPercentFormat() {
        assertThat(accepted(csv(HEAD + "地区生产总值（万元）,空气质量优良天数比例（%）\n" + FIRST.code() + "," + FIRST.name()
                + ",30,5000,65.5%\n", StandardCharsets.UTF_8), "good_air_days_ratio")).isEqualTo(65.5);
        byte[] formatted = edit(filledCityTemplate(YEAR, 1, 0), wb -> {
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            set(data(wb), column("good_air_days_ratio") + FIRST_ROW, 0.725);
            cell(data(wb), column("good_air_days_ratio") + FIRST_ROW).setCellStyle(percent);
        });
        assertThat(accepted(UploadedFile.of("a.xlsx", formatted), "good_air_days_ratio")).isCloseTo(72.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void warnsAboutAFractionInAPercentColumn() {
        UploadedFile file = csv(HEAD + "地区生产总值（万元）,空气质量优良天数比例（%）\n" + FIRST.code() + "," + FIRST.name()
                + ",30,5000,0.8\n", StandardCharsets.UTF_8);
        assertThat(intake().check(file, YEAR).warnings()).anySatisfy(f -> assertThat(f.reason()).contains("请填写 80"));
    }

    @Test
    void usesTheCachedValueOfAFormulaAndWarns() {
        byte[] withFormula = edit(filledCityTemplate(YEAR, 1, 0), wb -> {
            var c = cell(data(wb), column("gdp") + FIRST_ROW);
            c.setCellFormula("1000*3");
            c.setCellValue(3000);
        });
        UploadedFile file = UploadedFile.of("a.xlsx", withFormula);
        assertThat(intake().check(file, YEAR).warnings()).anySatisfy(f -> assertThat(f.value()).isEqualTo("=1000*3"));
        assertThat(accepted(file, "gdp")).isEqualTo(3000);
    }

    @Test
    void findsTownsByAliasAndByNameWithinTheirCounty() {
        Town guo = TOWNS.byCode("371521113000");
        String text = "乡镇名称,县（市、区）,常住人口（万人）,地区生产总值（万元）\n郭屯镇,阳谷县,3,5000\n" + FIRST.name() + ","
                + FIRST.countyName() + ",4,6000\n";
        IntakeResult result = intake().submit(csv(text, StandardCharsets.UTF_8), YEAR, "office");
        assertThat(result.accepted()).as(result.report().toText()).isTrue();
        assertThat(intake().currentValues(YEAR)).containsEntry(guo.code() + "/gdp", 5000.0)
                .containsEntry(FIRST.code() + "/gdp", 6000.0);
    }

    @Test
    void ignoresExtraSheetsAndUnknownColumnsWithWarnings() {
        byte[] workbook = edit(filledCityTemplate(YEAR, 1, 0), wb -> {
            wb.createSheet("草稿");
            set(data(wb), "ZZ1", "备注");
            set(data(wb), "ZZ" + FIRST_ROW, "已核对");
        });
        ValidationReport report = intake().check(UploadedFile.of("a.xlsx", workbook), YEAR);
        assertThat(report.hasErrors()).as(report.toText()).isFalse();
        assertThat(report.warnings()).anySatisfy(f -> assertThat(f.toLine()).contains("草稿").contains("多余的工作表"))
                .anySatisfy(f -> assertThat(f.toLine()).contains("备注").contains("已忽略"));
    }

    @Test
    void readsAWorkbookWhoseHiddenKeyRowWasDeleted() {
        byte[] workbook = edit(filledCityTemplate(YEAR, 1, 0), wb -> data(wb).shiftRows(2, data(wb).getLastRowNum(), -1));
        assertThat(accepted(UploadedFile.of("a.xlsx", workbook), "resident_population")).isPositive();
    }

    @Test
    void warnsWhenAValueJumpsAgainstLastYear() {
        intake().submit(csv(HEAD + "地区生产总值（万元）\n" + FIRST.code() + "," + FIRST.name() + ",30,5000\n", StandardCharsets.UTF_8),
                YEAR - 1, "office");
        ValidationReport report = intake().check(csv(HEAD + "地区生产总值（万元）\n" + FIRST.code() + "," + FIRST.name()
                + ",30,50000000\n", StandardCharsets.UTF_8), YEAR);
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warnings()).anySatisfy(f -> assertThat(f.reason()).contains("与上年（2024 年 5000）相比变化 10000.0 倍"));
    }

    @Test
    void checkingNeverWrites() {
        Map<String, String> before = digest(root);
        assertThat(intake().check(UploadedFile.of("a.xlsx", filledCityTemplate(YEAR, 3, 0)), YEAR).hasErrors()).isFalse();
        assertThat(digest(root)).isEqualTo(before);
    }

    @Test
    void reportListsRowColumnValueAndReasonAsCsvWithBom() {
        ValidationReport report = intake().check(csv(HEAD + "地区生产总值（万元）\n" + FIRST.code() + "," + FIRST.name() + ",30,abc\n",
                StandardCharsets.UTF_8), YEAR);
        assertThat(report.toCsv()).startsWith("\uFEFF级别,位置,行,列,值,原因").contains("错误,CSV,2,D 地区生产总值（万元）,abc,不是数值");
    }

    @Test
    void reportCsvKeepsFormulasFromTheUploadAsText() {
        String formula = "=HYPERLINK(\"http://example.invalid/\",\"点此\")";
        ValidationReport report = intake().check(csv(HEAD + "地区生产总值（万元）\n" + FIRST.code() + "," + FIRST.name()
                + ",30,\"" + formula.replace("\"", "\"\"") + "\"\n", StandardCharsets.UTF_8), YEAR);
        assertThat(report.errors()).singleElement().satisfies(f -> assertThat(f.reason()).contains("不是数值"));
        String csv = report.toCsv();
        assertThat(csv).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(").doesNotContain(",\"=HYPERLINK(");
    }
}
