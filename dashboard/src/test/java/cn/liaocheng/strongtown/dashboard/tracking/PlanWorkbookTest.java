package cn.liaocheng.strongtown.dashboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.dashboard.SignedInAnalystTest;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;

/**
 * The construction-plan workbook: a template written with the current plan reads back as the same plan, and every
 * rejection reason names the sheet, the Excel row, the column and the reason (Chinese by default, English with no
 * Chinese), with no rows returned when anything is wrong.
 */
class PlanWorkbookTest extends SignedInAnalystTest {

    static final String TOWN = "371502001000";
    static final int DESIGNATED = 2024;
    static final int PERIOD = 3;

    @Autowired
    CatalogRepository catalogs;
    @Autowired
    Translations translations;

    private Catalog catalog() {
        return catalogs.newest();
    }

    static List<PlanTarget> plan() {
        return List.of(
                new PlanTarget("srdi_firms", null, null, false, 2024, 5, Map.of(2025, 6.0, 2026, 7.0, 2027, 8.0), Map.of(),
                        "经发办"),
                new PlanTarget(null, "新建标准厂房", "万平方米", false, 2023, 1.5, Map.of(2025, 2.0, 2027, 3.5),
                        Map.of(2025, 1.8, 2026, 2.6), "建设办"),
                new PlanTarget(null, "单位产值能耗", "吨标煤/万元", true, 2024, 0.8, Map.of(2026, 0.7), Map.of(), "环保所"));
    }

    private byte[] template() {
        return PlanWorkbook.write(TOWN, "古楼街道", "东昌府区", DESIGNATED, PERIOD, catalog(), plan());
    }

    private PlanWorkbook.Read read(Consumer<XSSFWorkbook> change, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            change.accept(wb);
            // a real upload is a saved file: write and reopen so that what POI keeps in memory does not count
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            try (XSSFWorkbook saved = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                return PlanWorkbook.read(saved, TOWN, DESIGNATED, PERIOD, catalog(), translations, locale);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private PlanWorkbook.Read read(Consumer<XSSFWorkbook> change) {
        return read(change, Translations.CHINESE);
    }

    private static Sheet targets(XSSFWorkbook wb) {
        return wb.getSheet(PlanWorkbook.TARGET_SHEET);
    }

    private static Sheet actuals(XSSFWorkbook wb) {
        return wb.getSheet(PlanWorkbook.ACTUAL_SHEET);
    }

    /** Sets a cell of the data area: Excel row (1-based) and column letter. */
    private static void set(Sheet sheet, int excelRow, String column, Object value) {
        Row row = sheet.getRow(excelRow - 1) == null ? sheet.createRow(excelRow - 1) : sheet.getRow(excelRow - 1);
        int c = column.charAt(0) - 'A';
        var cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static void clearActualsRow(XSSFWorkbook wb, int excelRow) {
        for (char c = 'A'; c <= 'E'; c++) {
            set(actuals(wb), excelRow, String.valueOf(c), null);
        }
    }

    /** The only error, asserted to be where expected, and its reason. */
    private static String onlyError(PlanWorkbook.Read read, String where, Integer row, String columnStart) {
        assertThat(read.hasErrors()).isTrue();
        assertThat(read.rows()).as("nothing is taken from a rejected workbook").isEmpty();
        List<Finding> errors = read.findings().stream().filter(Finding::isError).toList();
        assertThat(errors).as(errors.toString()).hasSize(1);
        Finding f = errors.get(0);
        assertThat(f.where()).isEqualTo(where);
        assertThat(f.row()).isEqualTo(row);
        if (columnStart == null) {
            assertThat(f.column()).isNull();
        } else {
            assertThat(f.column()).startsWith(columnStart);
        }
        return f.reason();
    }

    @Test
    void theTemplateReadsBackAsTheSamePlan() {
        PlanWorkbook.Read read = read(wb -> { });
        assertThat(read.findings()).isEmpty();
        assertThat(read.rows()).isEqualTo(plan());
    }

    @Test
    void theTemplateHasTheTownsYearsCatalogListAndAVeryHiddenStamp() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            assertThat(wb.getSheetVisibility(wb.getSheetIndex(PlanWorkbook.STAMP_SHEET)))
                    .isEqualTo(SheetVisibility.VERY_HIDDEN);
            Row header = targets(wb).getRow(0);
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("2025 年目标值");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("2027 年目标值");
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("责任单位");
            assertThat(targets(wb).getRow(1).getZeroHeight()).as("the key row is hidden").isTrue();
            assertThat(targets(wb).getRow(2).getCell(0).getStringCellValue()).isEqualTo("专精特新中小企业数");
            assertThat(actuals(wb).getRow(2).getCell(0).getStringCellValue()).isEqualTo("新建标准厂房");
            assertThat(targets(wb).getDataValidations()).as("indicator list, yes/no, baseline year").hasSize(3);
            String instructions = wb.getSheet(PlanWorkbook.INSTRUCTIONS_SHEET).getRow(0).getCell(0).getStringCellValue();
            assertThat(instructions).contains("古楼街道").contains("2024 年认定");
        }
    }

    @Test
    void rowsAreAddedByFillingASpareRowWithNumbersAsPeopleTypeThem() {
        PlanWorkbook.Read read = read(wb -> {
            Sheet s = targets(wb);
            set(s, 6, "A", "民营市场主体数");
            set(s, 6, "E", "2024");
            set(s, 6, "F", "１２,３４５");      // full-width digits with a thousands separator, as text
            set(s, 6, "G", "13,000");
            set(s, 6, "J", "市场监管所");
        });
        assertThat(read.findings()).isEmpty();
        assertThat(read.rows()).hasSize(4);
        PlanTarget added = read.rows().get(3);
        assertThat(added.indicatorId()).isEqualTo("private_entities");
        assertThat(added.baselineValue()).isEqualTo(12345.0);
        assertThat(added.targets()).containsExactly(Map.entry(2025, 13000.0));
    }

    @Test
    void aFileWithoutTheStampIsRefused() {
        String reason = onlyError(read(wb -> wb.removeSheetAt(wb.getSheetIndex(PlanWorkbook.STAMP_SHEET))), "文件", null,
                null);
        assertThat(reason).contains("找不到模板标记");
    }

    @Test
    void theYearlyDeclarationWorkbookIsRefused() {
        String reason = onlyError(read(wb -> set(wb.getSheet(PlanWorkbook.STAMP_SHEET), 2, "B", "declaration")), "文件",
                null, null);
        assertThat(reason).contains("不是建设方案模板");
    }

    @Test
    void anotherTownsTemplateIsRefused() {
        String reason = onlyError(read(wb -> set(wb.getSheet(PlanWorkbook.STAMP_SHEET), 3, "B", "371522101000")), "文件",
                null, null);
        assertThat(reason).contains("另一个乡镇").contains("371522101000");
    }

    @Test
    void aTemplateOfAnotherDesignationPeriodIsRefused() {
        String reason = onlyError(read(wb -> set(wb.getSheet(PlanWorkbook.STAMP_SHEET), 4, "B", "2023")), "文件", null,
                null);
        assertThat(reason).contains("2023").contains("2024");
    }

    @Test
    void aMissingPlanSheetIsRefused() {
        String reason = onlyError(read(wb -> wb.removeSheetAt(wb.getSheetIndex(PlanWorkbook.TARGET_SHEET))), "文件", null,
                null);
        assertThat(reason).contains("缺少“建设方案”工作表");
    }

    @Test
    void aMissingRequiredColumnIsRefused() {
        String reason = onlyError(read(wb -> {
            set(targets(wb), 1, "F", null);
            set(targets(wb), 2, "F", null);
        }), "建设方案", 1, null);
        assertThat(reason).contains("缺少列“基期值”");
    }

    @Test
    void aDoubledColumnIsRefused() {
        String reason = onlyError(read(wb -> set(targets(wb), 2, "G", "target:2026")), "建设方案", 1, "H");
        assertThat(reason).isEqualTo("重复的列");
    }

    @Test
    void anIndicatorOutsideTheCatalogIsRefused() {
        String reason = onlyError(read(wb -> set(targets(wb), 3, "A", "不存在的指标")), "建设方案", 3, "A 指标（指标体系）");
        assertThat(reason).isEqualTo("指标体系中没有“不存在的指标”");
    }

    @Test
    void aRowWithNeitherIndicatorNorNameIsRefused() {
        String reason = onlyError(read(wb -> {
            set(targets(wb), 4, "B", null);
            clearActualsRow(wb, 3);
        }), "建设方案", 4, "A");
        assertThat(reason).contains("填写自定目标的名称");
    }

    @Test
    void aFreeTextTargetWithoutUnitIsRefused() {
        String reason = onlyError(read(wb -> {
            set(targets(wb), 5, "C", null);
            clearActualsRow(wb, 4);
        }), "建设方案", 5, "C 单位");
        assertThat(reason).isEqualTo("自定目标须填写单位");
    }

    @Test
    void aRepeatedTargetIsRefused() {
        String reason = onlyError(read(wb -> {
            set(targets(wb), 5, "B", "新建标准厂房");
            set(targets(wb), 5, "C", "万平方米");
            clearActualsRow(wb, 4);
        }), "建设方案", 5, "B 自定目标名称");
        assertThat(reason).isEqualTo("与第 2 行的目标重复");
    }

    @Test
    void aBaselineYearOutsideTheWindowIsRefused() {
        String reason = onlyError(read(wb -> set(targets(wb), 3, "E", 2017)), "建设方案", 3, "E 基期年份");
        assertThat(reason).isEqualTo("基期年份应在 2019–2024 年之间");
    }

    @Test
    void aBaselineYearWithDecimalsIsRefused() {
        String reason = onlyError(read(wb -> set(targets(wb), 3, "E", 2023.5)), "建设方案", 3, "E 基期年份");
        assertThat(reason).isEqualTo("应为整数年份");
    }

    @Test
    void aBlankBaselineIsRefused() {
        String reason = onlyError(read(wb -> set(targets(wb), 3, "F", null)), "建设方案", 3, "F 基期值");
        assertThat(reason).isEqualTo("必填，不能为空");
    }

    @Test
    void textInANumberCellIsRefusedWithTheUploadsReason() {
        PlanWorkbook.Read read = read(wb -> set(targets(wb), 3, "G", "约 6 家"));
        String reason = onlyError(read, "建设方案", 3, "G 2025 年目标值");
        assertThat(reason).startsWith("不是数值");
        assertThat(read.findings().get(0).value()).isEqualTo("约 6 家");
    }

    @Test
    void misplacedThousandsSeparatorsAreRefused() {
        String reason = onlyError(read(wb -> set(targets(wb), 3, "H", "1,23,456")), "建设方案", 3, "H 2026 年目标值");
        assertThat(reason).contains("千位分隔符");
    }

    @Test
    void booleansAndErrorValuesAreRefused() {
        assertThat(onlyError(read(wb -> set(targets(wb), 3, "H", true)), "建设方案", 3, "H")).contains("逻辑值");
        assertThat(onlyError(read(wb -> targets(wb).getRow(2).getCell(7).setCellErrorValue(
                org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode())), "建设方案", 3, "H")).contains("错误值");
    }

    @Test
    void aFormulaWithoutValueIsRefusedAndWithACachedValueWarned() {
        // a blank cell given a formula, as a program other than Excel writes it: no cached result
        assertThat(onlyError(read(wb -> targets(wb).getRow(4).getCell(6).setCellFormula("H5*0.9")), "建设方案", 5, "G"))
                .contains("公式没有计算结果");
        PlanWorkbook.Read read = read(wb -> {
            var cell = targets(wb).getRow(2).getCell(7);
            cell.setCellFormula("G3+1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
        });
        assertThat(read.hasErrors()).isFalse();
        assertThat(read.findings()).singleElement().satisfies(f -> {
            assertThat(f.isError()).isFalse();
            assertThat(f.reason()).contains("公式");
        });
        assertThat(read.rows().get(0).targets().get(2026)).isEqualTo(7.0);
    }

    @Test
    void aRowWithoutAnyTargetIsRefused() {
        String reason = onlyError(read(wb -> {
            set(targets(wb), 5, "H", null);
        }), "建设方案", 5, "G 2025 年目标值");
        assertThat(reason).isEqualTo("至少填写一个年度目标值");
    }

    @Test
    void aRowWithoutResponsibleUnitIsRefused() {
        String reason = onlyError(read(wb -> set(targets(wb), 3, "J", null)), "建设方案", 3, "J 责任单位");
        assertThat(reason).isEqualTo("责任单位不能为空");
    }

    @Test
    void aDirectionOtherThanYesOrNoIsRefused() {
        String reason = onlyError(read(wb -> set(targets(wb), 3, "D", "高")), "建设方案", 3, "D");
        assertThat(reason).isEqualTo("应填“是”或“否”");
    }

    @Test
    void mergedCellsInTheDataAreaAreRefused() {
        String reason = onlyError(read(wb -> targets(wb).addMergedRegion(new CellRangeAddress(6, 7, 0, 1))),
                "建设方案", 7, "A7:B8");
        assertThat(reason).contains("合并单元格");
    }

    @Test
    void aWorkbookWithNoTargetIsRefused() {
        String reason = onlyError(read(wb -> {
            for (int r = 3; r <= 5; r++) {
                for (char c = 'A'; c <= 'J'; c++) {
                    set(targets(wb), r, String.valueOf(c), null);
                }
            }
            wb.removeSheetAt(wb.getSheetIndex(PlanWorkbook.ACTUAL_SHEET));
        }), "建设方案", null, null);
        assertThat(reason).isEqualTo("建设方案至少需要一项目标");
    }

    @Test
    void actualsOfAnUnknownTargetAreRefused() {
        String reason = onlyError(read(wb -> set(actuals(wb), 3, "A", "新建厂房")), "实际完成", 3, "A 自定目标名称");
        assertThat(reason).isEqualTo("“建设方案”中没有名为“新建厂房”的自定目标");
    }

    @Test
    void actualsOfACatalogIndicatorAreRefused() {
        String reason = onlyError(read(wb -> {
            set(actuals(wb), 4, "A", "专精特新中小企业数");
            set(actuals(wb), 4, "C", 7);
        }), "实际完成", 4, "A");
        assertThat(reason).contains("实际值取自监测数据");
    }

    @Test
    void actualsTwiceForOneTargetAreRefused() {
        String reason = onlyError(read(wb -> {
            set(actuals(wb), 4, "A", "新建标准厂房");
            set(actuals(wb), 4, "C", 2);
        }), "实际完成", 4, "A");
        assertThat(reason).isEqualTo("与第 3 行重复：同一目标只能有一行实际值");
    }

    @Test
    void actualsInAnotherUnitAreRefused() {
        String reason = onlyError(read(wb -> set(actuals(wb), 3, "B", "平方米")), "实际完成", 3, "B 单位");
        assertThat(reason).contains("万平方米");
    }

    @Test
    void negativeActualsAreRefused() {
        String reason = onlyError(read(wb -> set(actuals(wb), 3, "D", -1)), "实际完成", 3, "D 2026 年实际值");
        assertThat(reason).isEqualTo("实际值应为不小于 0 的数字");
    }

    @Test
    void actualsWithoutANameAreRefused() {
        String reason = onlyError(read(wb -> set(actuals(wb), 3, "A", null)), "实际完成", 3, "A");
        assertThat(reason).contains("没有填写自定目标名称");
    }

    @Test
    void unknownColumnsAndExtraSheetsAreWarningsOnly() {
        PlanWorkbook.Read read = read(wb -> {
            set(targets(wb), 1, "K", "备注");
            set(targets(wb), 2, "K", "note");
            wb.createSheet("草稿");
        });
        assertThat(read.hasErrors()).isFalse();
        assertThat(read.findings()).hasSize(2).noneMatch(Finding::isError);
        assertThat(read.rows()).isEqualTo(plan());
    }

    @Test
    void findingsAreInEnglishForAnEnglishViewer() {
        PlanWorkbook.Read read = read(wb -> set(targets(wb), 3, "J", null), Translations.ENGLISH);
        String reason = onlyError(read, "Plan sheet", 3, "J");
        assertThat(reason).isEqualTo("the responsible unit must not be empty");
        assertThat(read(wb -> set(targets(wb), 3, "G", "abc"), Translations.ENGLISH).findings().get(0).reason())
                .doesNotContainPattern("\\p{IsHan}");
    }
}
