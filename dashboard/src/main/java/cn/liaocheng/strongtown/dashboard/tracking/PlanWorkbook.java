package cn.liaocheng.strongtown.dashboard.tracking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.vaadin.flow.i18n.I18NProvider;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.reading.TemplateSheets;
import cn.liaocheng.strongtown.export.FormulaGuard;

/**
 * The construction-plan workbook of one designated town: written as a template (pre-filled with the current plan)
 * and read back. Sheet 建设方案: one row per target — catalog indicator or free-text target with unit, direction,
 * baseline year and value, a target per plan year, responsible unit; row 2 holds hidden column keys. Sheet 实际完成:
 * declared actuals of the free-text targets per plan year. A very hidden sheet {@code _stamp} names the town, its
 * designation year and period and the catalog version. The workbook itself is Chinese (an official form); reading
 * it ({@link PlanWorkbookReader}) reports every problem (sheet, row, column, value, reason) in the viewer's language.
 */
final class PlanWorkbook {

    static final String INSTRUCTIONS_SHEET = "填报说明";
    static final String TARGET_SHEET = "建设方案";
    static final String ACTUAL_SHEET = "实际完成";
    static final String STAMP_SHEET = "_stamp";
    static final String KIND = "construction_plan";
    static final int FORMAT_VERSION = 1;
    static final int HEADER_ROW = 0;
    static final int KEY_ROW = 1;
    static final int FIRST_DATA_ROW = 2;
    /** Empty rows offered below the current plan's rows. */
    static final int SPARE_ROWS = 15;

    static final String YES = "是";
    static final String NO = "否";

    /** The stamp: what the template was made for. */
    record Stamp(int formatVersion, String kind, String townCode, int designatedIn, int periodYears,
                 String catalogVersion) {
    }

    /** Everything read: the plan rows (only meaningful without errors) and the findings. */
    record Read(List<PlanTarget> rows, List<Finding> findings) {

        boolean hasErrors() {
            return findings.stream().anyMatch(Finding::isError);
        }
    }

    private PlanWorkbook() {
    }

    // ---------------------------------------------------------------------------------------------- writing

    static byte[] write(String townCode, String townName, String countyName, int designatedIn, int periodYears,
                        Catalog catalog, List<PlanTarget> current) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Sheet help = wb.createSheet(INSTRUCTIONS_SHEET);
            int[] catalogRows = writeInstructions(help, styles, townName, countyName, designatedIn, periodYears, catalog);
            Sheet targets = wb.createSheet(TARGET_SHEET);
            writeTargets(targets, styles, designatedIn, periodYears, catalog, current, catalogRows);
            writeActuals(wb.createSheet(ACTUAL_SHEET), styles, designatedIn, periodYears, current);
            Sheet stamp = wb.createSheet(STAMP_SHEET);
            String[][] pairs = {
                {"format_version", String.valueOf(FORMAT_VERSION)},
                {"kind", KIND},
                {"town_code", townCode},
                {"designated_in", String.valueOf(designatedIn)},
                {"period_years", String.valueOf(periodYears)},
                {"catalog_version", catalog.version()},
            };
            for (int r = 0; r < pairs.length; r++) {
                Row row = stamp.createRow(r);
                row.createCell(0).setCellValue(pairs[r][0]);
                row.createCell(1).setCellValue(pairs[r][1]);
            }
            wb.setSheetVisibility(wb.getSheetIndex(stamp), SheetVisibility.VERY_HIDDEN);
            wb.setActiveSheet(1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the rules and the catalog's indicators; returns the first and last row of the indicator names. */
    private static int[] writeInstructions(Sheet sheet, Styles styles, String townName, String countyName,
                                           int designatedIn, int periodYears, Catalog catalog) {
        String[] lines = {
            "聊城市民营经济高质量发展强镇建设方案目标表：" + townName + "（" + countyName + "，" + designatedIn + " 年认定）",
            "建设期 " + (designatedIn + 1) + "–" + (designatedIn + periodYears) + " 年；指标体系：" + catalog.name().zh()
                    + "，版本 " + catalog.version(),
            "1. 在“" + TARGET_SHEET + "”工作表中每行填写一项目标：从下拉列表选择指标体系中的指标（其实际值取自监测数据），"
                    + "或不选指标、填写自定目标的名称和单位。",
            "2. 基期年份为认定当年或之前 " + PlanValidation.BASELINE_YEARS_BACK + " 年内；每项目标至少填写一个年度目标值；"
                    + "责任单位必填；“越低越好”填“是”或“否”（指标体系中的指标留空时按其方向）。",
            "3. 自定目标的实际完成值填在“" + ACTUAL_SHEET + "”工作表中，名称须与“" + TARGET_SHEET + "”中的自定目标名称一致；"
                    + "指标体系中的指标不在此填写实际值。",
            "4. 只填写数字（可带千位分隔符），不要修改表头、隐藏行和工作表名称，不要合并单元格。",
            "5. 上传后系统逐格校验，任何错误都会使整份文件不被接受，请按校验报告修改后重新上传；接受后形成建设方案的新版本。",
        };
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (Indicator i : catalog.indicators()) {
            rows.add(Arrays.asList(n++, FormulaGuard.neutralised(i.name().zh()),
                    i.unit() == null ? "" : FormulaGuard.neutralised(i.unit().zh()),
                    i.lowerIsBetter() ? "越低越好" : "越高越好", i.id()));
        }
        int first = TemplateSheets.writeInstructions(sheet, styles.title, styles.header, List.of(lines),
                List.of("序号", "指标名称", "单位", "方向", "指标代码"), rows);
        int r = first + rows.size();
        sheet.setColumnWidth(0, 8 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        sheet.setColumnWidth(2, 12 * 256);
        sheet.setColumnWidth(4, 30 * 256);
        return new int[] {first, r - 1};
    }

    /** Column keys of the target sheet, in order; {@code target:Y} per plan year. */
    static List<String> targetKeys(int designatedIn, int periodYears) {
        List<String> keys = new ArrayList<>(List.of("indicator", "label", "unit", "lower", "baselineYear", "baseline"));
        for (int k = 1; k <= periodYears; k++) {
            keys.add("target:" + (designatedIn + k));
        }
        keys.add("responsible");
        return keys;
    }

    static List<String> actualKeys(int designatedIn, int periodYears) {
        List<String> keys = new ArrayList<>(List.of("label", "unit"));
        for (int k = 1; k <= periodYears; k++) {
            keys.add("actual:" + (designatedIn + k));
        }
        return keys;
    }

    /** The Chinese header of a column key, as the template writes it. */
    static String header(String key) {
        if (key.startsWith("target:")) {
            return key.substring(7) + " 年目标值";
        }
        if (key.startsWith("actual:")) {
            return key.substring(7) + " 年实际值";
        }
        return switch (key) {
            case "indicator" -> "指标（指标体系）";
            case "label" -> "自定目标名称";
            case "unit" -> "单位";
            case "lower" -> "越低越好（是/否）";
            case "baselineYear" -> "基期年份";
            case "baseline" -> "基期值";
            case "responsible" -> "责任单位";
            default -> key;
        };
    }

    private static void writeTargets(Sheet sheet, Styles styles, int designatedIn, int periodYears, Catalog catalog,
                                     List<PlanTarget> current, int[] catalogRows) {
        List<String> keys = targetKeys(designatedIn, periodYears);
        writeHeader(sheet, styles, keys);
        int r = FIRST_DATA_ROW;
        for (PlanTarget t : current) {
            Row row = sheet.createRow(r++);
            Optional<Indicator> indicator = t.fromCatalog() ? catalog.indicator(t.indicatorId()) : Optional.empty();
            for (int c = 0; c < keys.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellStyle(styles.input);
                String key = keys.get(c);
                switch (key) {
                    case "indicator" -> cell.setCellValue(indicator.map(i -> FormulaGuard.neutralised(i.name().zh())).orElse(""));
                    case "label" -> cell.setCellValue(t.fromCatalog() ? "" : FormulaGuard.neutralised(nullToEmpty(t.label())));
                    case "unit" -> cell.setCellValue(indicator.map(i -> i.unit() == null ? "" : i.unit().zh())
                            .orElse(FormulaGuard.neutralised(nullToEmpty(t.unit()))));
                    case "lower" -> cell.setCellValue(t.lowerIsBetter() ? YES : NO);
                    case "baselineYear" -> cell.setCellValue(t.baselineYear());
                    case "baseline" -> cell.setCellValue(t.baselineValue());
                    case "responsible" -> cell.setCellValue(FormulaGuard.neutralised(nullToEmpty(t.responsibleUnit())));
                    default -> {
                        Double target = t.targets().get(Integer.parseInt(key.substring(7)));
                        if (target != null) {
                            cell.setCellValue(target);
                        }
                    }
                }
            }
        }
        int last = r + SPARE_ROWS - 1;
        for (; r <= last; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < keys.size(); c++) {
                row.createCell(c).setCellStyle(styles.input);
            }
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String names = "'" + INSTRUCTIONS_SHEET + "'!$B$" + (catalogRows[0] + 1) + ":$B$" + (catalogRows[1] + 1);
        addList(sheet, helper, helper.createFormulaListConstraint(names), 0, last, false);
        addList(sheet, helper, helper.createExplicitListConstraint(new String[] {YES, NO}), keys.indexOf("lower"), last,
                false);
        DataValidation year = helper.createValidation(helper.createIntegerConstraint(
                DataValidationConstraint.OperatorType.BETWEEN,
                String.valueOf(designatedIn - PlanValidation.BASELINE_YEARS_BACK), String.valueOf(designatedIn)),
                new CellRangeAddressList(FIRST_DATA_ROW, last, keys.indexOf("baselineYear"), keys.indexOf("baselineYear")));
        year.setShowErrorBox(true);
        year.createErrorBox("基期年份", "基期年份应在 " + (designatedIn - PlanValidation.BASELINE_YEARS_BACK) + "–"
                + designatedIn + " 年之间");
        sheet.addValidationData(year);
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 24 * 256);
        sheet.setColumnWidth(keys.size() - 1, 20 * 256);
        sheet.createFreezePane(2, FIRST_DATA_ROW);
    }

    private static void writeActuals(Sheet sheet, Styles styles, int designatedIn, int periodYears,
                                     List<PlanTarget> current) {
        List<String> keys = actualKeys(designatedIn, periodYears);
        writeHeader(sheet, styles, keys);
        int r = FIRST_DATA_ROW;
        for (PlanTarget t : current) {
            if (t.fromCatalog()) {
                continue;
            }
            Row row = sheet.createRow(r++);
            for (int c = 0; c < keys.size(); c++) {
                row.createCell(c).setCellStyle(styles.input);
            }
            row.getCell(0).setCellValue(FormulaGuard.neutralised(nullToEmpty(t.label())));
            row.getCell(1).setCellValue(FormulaGuard.neutralised(nullToEmpty(t.unit())));
            for (int c = 2; c < keys.size(); c++) {
                Double actual = t.declaredActuals().get(Integer.parseInt(keys.get(c).substring(7)));
                if (actual != null) {
                    row.getCell(c).setCellValue(actual);
                }
            }
        }
        for (int end = r + SPARE_ROWS; r < end; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < keys.size(); c++) {
                row.createCell(c).setCellStyle(styles.input);
            }
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.createFreezePane(1, FIRST_DATA_ROW);
    }

    private static void writeHeader(Sheet sheet, Styles styles, List<String> keys) {
        Row header = sheet.createRow(HEADER_ROW);
        Row hidden = sheet.createRow(KEY_ROW);
        for (int c = 0; c < keys.size(); c++) {
            header.createCell(c).setCellValue(header(keys.get(c)));
            header.getCell(c).setCellStyle(styles.header);
            hidden.createCell(c).setCellValue(keys.get(c));
            if (c >= 2) {
                sheet.setColumnWidth(c, 14 * 256);
            }
        }
        hidden.setZeroHeight(true);
        header.setHeightInPoints(36);
    }

    private static void addList(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
                                int column, int last, boolean strict) {
        DataValidation v = helper.createValidation(constraint, new CellRangeAddressList(FIRST_DATA_ROW, last, column, column));
        v.setShowErrorBox(strict);
        v.setEmptyCellAllowed(true);
        sheet.addValidationData(v);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle input;

        Styles(XSSFWorkbook wb) {
            title = TemplateSheets.titleStyle(wb);
            header = TemplateSheets.headerStyle(wb);
            input = wb.createCellStyle();
            input.setDataFormat(wb.createDataFormat().getFormat("General"));
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * Reads a filled template for the town designated in {@code designatedIn}. Problems are reported in the locale;
     * rows are returned only for a workbook without errors (and then already checked by {@link PlanValidation}).
     */
    static Read read(XSSFWorkbook wb, String townCode, int designatedIn, int periodYears, Catalog catalog,
                     I18NProvider i18n, Locale locale) {
        return PlanWorkbookReader.read(wb, townCode, designatedIn, periodYears, catalog, i18n, locale);
    }
}
