package cn.liaocheng.strongtown.dashboard.tracking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.vaadin.flow.i18n.I18NProvider;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.WorkbookInput;
import cn.liaocheng.strongtown.export.FormulaGuard;

/**
 * The construction-plan workbook of one designated town: written as a template (pre-filled with the current plan)
 * and read back. Sheet 建设方案: one row per target — catalog indicator or free-text target with unit, direction,
 * baseline year and value, a target per plan year, responsible unit; row 2 holds hidden column keys. Sheet 实际完成:
 * declared actuals of the free-text targets per plan year. A very hidden sheet {@code _stamp} names the town, its
 * designation year and period and the catalog version. The workbook itself is Chinese (an official form); reading
 * it reports every problem (sheet, row, column, value, reason) in the viewer's language.
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
        int r = 0;
        for (String line : lines) {
            sheet.createRow(r).createCell(0).setCellValue(FormulaGuard.neutralised(line));
            if (r == 0) {
                sheet.getRow(0).getCell(0).setCellStyle(styles.title);
            }
            r++;
        }
        r++;
        String[] head = {"序号", "指标名称", "单位", "方向", "指标代码"};
        Row header = sheet.createRow(r++);
        for (int c = 0; c < head.length; c++) {
            header.createCell(c).setCellValue(head[c]);
            header.getCell(c).setCellStyle(styles.header);
        }
        int first = r;
        int n = 1;
        for (Indicator i : catalog.indicators()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(n++);
            row.createCell(1).setCellValue(FormulaGuard.neutralised(i.name().zh()));
            row.createCell(2).setCellValue(i.unit() == null ? "" : FormulaGuard.neutralised(i.unit().zh()));
            row.createCell(3).setCellValue(i.lowerIsBetter() ? "越低越好" : "越高越好");
            row.createCell(4).setCellValue(i.id());
        }
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
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
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
        Reader reader = new Reader(wb, townCode, designatedIn, periodYears, catalog, i18n, locale);
        reader.read();
        return new Read(reader.findings.stream().anyMatch(Finding::isError) ? List.of() : reader.rows, reader.findings);
    }

    /** One reading: its findings and rows; a helper so the many checks share their context. */
    private static final class Reader {
        final XSSFWorkbook wb;
        final String townCode;
        final int designatedIn;
        final int periodYears;
        final Catalog catalog;
        final I18NProvider i18n;
        final Locale locale;
        final List<Finding> findings = new ArrayList<>();
        final List<PlanTarget> rows = new ArrayList<>();
        /** Excel row of each plan row, for mapping validation problems back. */
        final List<Integer> excelRows = new ArrayList<>();
        Map<String, Integer> targetColumns = Map.of();
        List<String> targetHeaders = List.of();
        /** Whether the plan sheet was read without error, so that actuals can be matched to its targets. */
        boolean targetsComplete;
        /** Plan row index → Excel row of its actuals, and the actuals sheet's columns, for mapping problems back. */
        final Map<Integer, Integer> actualExcelRows = new HashMap<>();
        Map<String, Integer> actualColumns = Map.of();
        List<String> actualHeaders = List.of();

        Reader(XSSFWorkbook wb, String townCode, int designatedIn, int periodYears, Catalog catalog,
               I18NProvider i18n, Locale locale) {
            this.wb = wb;
            this.townCode = townCode;
            this.designatedIn = designatedIn;
            this.periodYears = periodYears;
            this.catalog = catalog;
            this.i18n = i18n;
            this.locale = locale;
        }

        String t(String key, Object... args) {
            return i18n.getTranslation(key, locale, args);
        }

        String sheetName(String sheet) {
            return switch (sheet) {
                case TARGET_SHEET -> t("tracking.import.sheet.targets");
                case ACTUAL_SHEET -> t("tracking.import.sheet.actuals");
                default -> sheet;
            };
        }

        void error(String sheet, Integer row, String column, String value, String reason) {
            findings.add(Finding.error(sheetName(sheet), row, column, value, reason));
        }

        void warning(String sheet, Integer row, String column, String value, String reason) {
            findings.add(Finding.warning(sheetName(sheet), row, column, value, reason));
        }

        void fileError(String reason) {
            findings.add(Finding.error(t("tracking.import.file"), null, null, null, reason));
        }

        void read() {
            if (!stampMatches()) {
                return;
            }
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                String name = wb.getSheetName(i);
                if (!List.of(INSTRUCTIONS_SHEET, TARGET_SHEET, ACTUAL_SHEET, STAMP_SHEET).contains(name)) {
                    warning(name, null, null, null, t("tracking.import.extraSheet"));
                }
            }
            Sheet targets = wb.getSheet(TARGET_SHEET);
            if (targets == null) {
                fileError(t("tracking.import.missingSheet", TARGET_SHEET));
                return;
            }
            readTargets(targets);
            targetsComplete = errorCount() == 0;
            Sheet actuals = wb.getSheet(ACTUAL_SHEET);
            if (actuals == null) {
                warning(ACTUAL_SHEET, null, null, null, t("tracking.import.noActualSheet"));
            } else {
                readActuals(actuals);
            }
            if (findings.stream().noneMatch(Finding::isError)) {
                validate();
            }
        }

        /** The stamp must name this town, its designation year and period; else nothing else is read. */
        boolean stampMatches() {
            Sheet sheet = wb.getSheet(STAMP_SHEET);
            if (sheet == null) {
                fileError(t("tracking.import.noStamp"));
                return false;
            }
            Map<String, String> values = new HashMap<>();
            for (Row row : sheet) {
                values.put(WorkbookInput.text(row.getCell(0)), WorkbookInput.text(row.getCell(1)));
            }
            if (!KIND.equals(values.get("kind"))) {
                fileError(t("tracking.import.notPlanTemplate"));
                return false;
            }
            if (!townCode.equals(values.get("town_code"))) {
                fileError(t("tracking.import.otherTown", String.valueOf(values.get("town_code"))));
                return false;
            }
            if (!String.valueOf(designatedIn).equals(values.get("designated_in"))
                    || !String.valueOf(periodYears).equals(values.get("period_years"))) {
                fileError(t("tracking.import.otherPeriod", String.valueOf(values.get("designated_in")),
                        String.valueOf(designatedIn)));
                return false;
            }
            if (!catalog.version().equals(values.get("catalog_version"))) {
                warning(t("tracking.import.file"), null, null, values.get("catalog_version"),
                        t("tracking.import.otherCatalog", catalog.version()));
            }
            return true;
        }

        /**
         * Maps the sheet's columns to keys: by the hidden key row, or (if it was deleted) by the headers. Unknown
         * columns draw a warning; missing or doubled required columns an error. Returns key → column index.
         */
        Map<String, Integer> columns(Sheet sheet, List<String> expected, List<String> required, int[] firstData,
                                     List<String> headersOut) {
            Row keyRow = sheet.getRow(KEY_ROW);
            Row headerRow = sheet.getRow(HEADER_ROW);
            boolean keyed = keyRow != null && expected.get(0).equals(WorkbookInput.text(keyRow.getCell(0)));
            firstData[0] = keyed ? FIRST_DATA_ROW : KEY_ROW;
            Map<String, String> byHeader = new HashMap<>();
            expected.forEach(k -> byHeader.put(header(k), k));
            Map<String, Integer> map = new LinkedHashMap<>();
            int width = Math.max(headerRow == null ? 0 : headerRow.getLastCellNum(),
                    keyRow == null ? 0 : keyRow.getLastCellNum());
            for (int c = 0; c < width; c++) {
                String head = headerRow == null ? "" : WorkbookInput.text(headerRow.getCell(c));
                headersOut.add(head);
                String key = keyed ? WorkbookInput.text(keyRow.getCell(c)) : byHeader.get(head);
                if ((key == null || key.isEmpty()) && head.isEmpty()) {
                    continue;
                }
                String label = column(c, head);
                if (key == null || !expected.contains(key)) {
                    warning(sheet.getSheetName(), HEADER_ROW + 1, label, head, t("tracking.import.unknownColumn"));
                } else if (map.containsKey(key)) {
                    error(sheet.getSheetName(), HEADER_ROW + 1, label, head, t("tracking.import.duplicateColumn"));
                } else {
                    map.put(key, c);
                }
            }
            for (String key : required) {
                if (!map.containsKey(key)) {
                    error(sheet.getSheetName(), HEADER_ROW + 1, null, null,
                            t("tracking.import.missingColumn", header(key)));
                }
            }
            for (CellRangeAddress merged : sheet.getMergedRegions()) {
                if (merged.getLastRow() >= firstData[0]) {
                    error(sheet.getSheetName(), merged.getFirstRow() + 1, merged.formatAsString(), null,
                            t("tracking.import.merged"));
                }
            }
            return map;
        }

        String column(int c, String header) {
            return (CellReference.convertNumToColString(c) + " " + (header == null ? "" : header)).strip();
        }

        void readTargets(Sheet sheet) {
            List<String> expected = targetKeys(designatedIn, periodYears);
            List<String> required = List.of("indicator", "label", "unit", "baselineYear", "baseline", "responsible");
            int[] firstData = new int[1];
            List<String> headers = new ArrayList<>();
            Map<String, Integer> cols = columns(sheet, expected, required, firstData, headers);
            targetColumns = cols;
            targetHeaders = headers;
            if (!cols.keySet().containsAll(required)) {
                return;
            }
            if (cols.keySet().stream().noneMatch(k -> k.startsWith("target:"))) {
                error(sheet.getSheetName(), HEADER_ROW + 1, null, null,
                        t("tracking.import.missingColumn", header("target:" + (designatedIn + 1))));
                return;
            }
            int blankRows = 0;
            for (int r = firstData[0]; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, cols)) {
                    continue;
                }
                int excelRow = r + 1;
                int errorsBefore = errorCount();
                String sheetName = sheet.getSheetName();
                String indicatorText = text(row, cols, "indicator");
                String indicatorId = null;
                boolean catalogLower = false;
                if (!indicatorText.isEmpty()) {
                    Optional<Indicator> indicator = indicator(indicatorText);
                    if (indicator.isEmpty()) {
                        error(sheetName, excelRow, label(cols, headers, "indicator"), indicatorText,
                                t("tracking.problem.unknownIndicator", indicatorText));
                    } else {
                        indicatorId = indicator.get().id();
                        catalogLower = indicator.get().lowerIsBetter();
                        String unit = text(row, cols, "unit");
                        String catalogUnit = indicator.get().unit() == null ? "" : indicator.get().unit().zh();
                        if (!unit.isEmpty() && !unit.equals(catalogUnit)) {
                            warning(sheetName, excelRow, label(cols, headers, "unit"), unit,
                                    t("tracking.import.catalogUnit", catalogUnit));
                        }
                    }
                }
                String lowerText = text(row, cols, "lower");
                boolean lower = catalogLower;
                if (lowerText.equals(YES) || lowerText.equalsIgnoreCase("yes")) {
                    lower = true;
                } else if (lowerText.equals(NO) || lowerText.equalsIgnoreCase("no")) {
                    lower = false;
                } else if (!lowerText.isEmpty()) {
                    error(sheetName, excelRow, label(cols, headers, "lower"), lowerText, t("tracking.import.yesNo"));
                }
                Integer baselineYear = null;
                Double year = number(sheetName, row, excelRow, cols, headers, "baselineYear");
                if (year != null) {
                    if (year != Math.rint(year)) {
                        error(sheetName, excelRow, label(cols, headers, "baselineYear"), WorkbookInput.text(
                                row.getCell(cols.get("baselineYear"))), t("tracking.import.wholeYear"));
                    } else {
                        baselineYear = year.intValue();
                    }
                } else if (blankCell(row, cols, "baselineYear")) {
                    error(sheetName, excelRow, label(cols, headers, "baselineYear"), null, t("tracking.import.required"));
                }
                Double baseline = number(sheetName, row, excelRow, cols, headers, "baseline");
                if (baseline == null && blankCell(row, cols, "baseline")) {
                    error(sheetName, excelRow, label(cols, headers, "baseline"), null, t("tracking.import.required"));
                }
                Map<Integer, Double> targets = new LinkedHashMap<>();
                for (Map.Entry<String, Integer> col : cols.entrySet()) {
                    if (col.getKey().startsWith("target:")) {
                        Double v = number(sheetName, row, excelRow, cols, headers, col.getKey());
                        if (v != null) {
                            targets.put(Integer.parseInt(col.getKey().substring(7)), v);
                        }
                    }
                }
                if (errorCount() > errorsBefore) {
                    continue;
                }
                rows.add(new PlanTarget(indicatorId, indicatorId == null ? text(row, cols, "label") : null,
                        indicatorId == null ? text(row, cols, "unit") : null, lower, baselineYear, baseline, targets,
                        Map.of(), text(row, cols, "responsible")));
                excelRows.add(excelRow);
            }
            if (rows.isEmpty() && errorCount() == 0) {
                error(sheet.getSheetName(), null, null, null, t("tracking.problem.empty"));
            }
        }

        void readActuals(Sheet sheet) {
            List<String> expected = actualKeys(designatedIn, periodYears);
            int[] firstData = new int[1];
            List<String> headers = new ArrayList<>();
            Map<String, Integer> cols = columns(sheet, expected, List.of("label"), firstData, headers);
            actualColumns = cols;
            actualHeaders = headers;
            if (!cols.containsKey("label")) {
                return;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int r = firstData[0]; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, cols)) {
                    continue;
                }
                int excelRow = r + 1;
                String sheetName = sheet.getSheetName();
                String name = text(row, cols, "label");
                Map<Integer, Double> actuals = new LinkedHashMap<>();
                for (Map.Entry<String, Integer> col : cols.entrySet()) {
                    if (col.getKey().startsWith("actual:")) {
                        Double v = number(sheetName, row, excelRow, cols, headers, col.getKey());
                        if (v != null) {
                            actuals.put(Integer.parseInt(col.getKey().substring(7)), v);
                        }
                    }
                }
                if (name.isEmpty()) {
                    if (!actuals.isEmpty()) {
                        error(sheetName, excelRow, label(cols, headers, "label"), null, t("tracking.import.actualNoName"));
                    }
                    continue;
                }
                Integer earlier = seen.putIfAbsent(name, excelRow);
                if (earlier != null) {
                    error(sheetName, excelRow, label(cols, headers, "label"), name,
                            t("tracking.import.duplicateActual", String.valueOf(earlier)));
                    continue;
                }
                if (!targetsComplete) {
                    continue; // a plan sheet with errors has no reliable targets to match against
                }
                int index = -1;
                for (int i = 0; i < rows.size(); i++) {
                    if (!rows.get(i).fromCatalog() && name.equals(rows.get(i).label())) {
                        index = i;
                    }
                }
                if (index < 0) {
                    boolean catalogRow = indicator(name).isPresent();
                    error(sheetName, excelRow, label(cols, headers, "label"), name,
                            t(catalogRow ? "tracking.problem.actualForCatalog" : "tracking.import.actualUnknown", name));
                    continue;
                }
                PlanTarget t = rows.get(index);
                String unit = text(row, cols, "unit");
                if (!unit.isEmpty() && !unit.equals(t.unit())) {
                    error(sheetName, excelRow, label(cols, headers, "unit"), unit,
                            t("tracking.import.actualUnit", t.unit()));
                    continue;
                }
                rows.set(index, new PlanTarget(t.indicatorId(), t.label(), t.unit(), t.lowerIsBetter(), t.baselineYear(),
                        t.baselineValue(), t.targets(), actuals, t.responsibleUnit()));
                actualExcelRows.put(index, excelRow);
            }
        }

        /** The plan rules shared with the editor, mapped back to Excel rows and columns. */
        void validate() {
            for (PlanProblem p : PlanValidation.problems(rows, designatedIn, periodYears, catalog)) {
                if (p.row() == 0) {
                    error(TARGET_SHEET, null, null, null, p.reasonText(this::t));
                    continue;
                }
                boolean actual = "actual".equals(p.column());
                String key = switch (p.column()) {
                    case "target" -> "target:" + p.year();
                    case "actual" -> "actual:" + p.year();
                    default -> p.column();
                };
                Integer column = (actual ? actualColumns : targetColumns).get(key);
                List<String> headers = actual ? actualHeaders : targetHeaders;
                String label = column == null ? p.columnName(this::t)
                        : column(column, column < headers.size() ? headers.get(column) : "");
                Integer excelRow = actual ? actualExcelRows.get(p.row() - 1) : excelRows.get(p.row() - 1);
                error(actual ? ACTUAL_SHEET : TARGET_SHEET, excelRow, label, null, p.reasonText(this::t));
            }
        }

        int errorCount() {
            return (int) findings.stream().filter(Finding::isError).count();
        }

        Optional<Indicator> indicator(String text) {
            String s = text.strip();
            for (Indicator i : catalog.indicators()) {
                String unit = i.unit() == null ? "" : i.unit().zh();
                if (s.equals(i.id()) || s.equals(i.name().zh()) || s.equals(i.name().zh() + "（" + unit + "）")
                        || s.equals(i.name().zh() + "(" + unit + ")") || s.equalsIgnoreCase(i.name().en())) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        }

        String label(Map<String, Integer> cols, List<String> headers, String key) {
            int c = cols.get(key);
            return column(c, c < headers.size() ? headers.get(c) : header(key));
        }

        static String text(Row row, Map<String, Integer> cols, String key) {
            Integer c = cols.get(key);
            return c == null ? "" : WorkbookInput.text(row.getCell(c));
        }

        static boolean blankCell(Row row, Map<String, Integer> cols, String key) {
            Integer c = cols.get(key);
            return c == null || WorkbookInput.number(row.getCell(c)).blank();
        }

        static boolean blank(Row row, Map<String, Integer> cols) {
            return cols.values().stream().allMatch(c -> WorkbookInput.text(row.getCell(c)).isEmpty());
        }

        /** A number cell; problems become findings (the shown value and the reason); blank gives null. */
        Double number(String sheet, Row row, int excelRow, Map<String, Integer> cols, List<String> headers, String key) {
            WorkbookInput.CellNumber n = WorkbookInput.number(row.getCell(cols.get(key)));
            String label = label(cols, headers, key);
            switch (n.kind()) {
                case BLANK -> {
                    return null;
                }
                case NUMBER -> {
                    if (n.fromFormula()) {
                        warning(sheet, excelRow, label, n.shown(), t("tracking.import.formula"));
                    }
                    if (n.percentFormat()) {
                        warning(sheet, excelRow, label, n.shown(), t("tracking.import.percent", n.value()));
                    }
                    return n.value();
                }
                default -> {
                    error(sheet, excelRow, label, n.shown(), t("tracking.import.notNumber", n.reason()));
                    return null;
                }
            }
        }
    }
}
