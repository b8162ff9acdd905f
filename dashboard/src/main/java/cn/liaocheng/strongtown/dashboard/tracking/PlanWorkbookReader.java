package cn.liaocheng.strongtown.dashboard.tracking;

import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.ACTUAL_SHEET;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.FIRST_DATA_ROW;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.HEADER_ROW;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.INSTRUCTIONS_SHEET;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.KEY_ROW;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.KIND;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.NO;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.STAMP_SHEET;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.TARGET_SHEET;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.YES;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.actualKeys;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.header;
import static cn.liaocheng.strongtown.dashboard.tracking.PlanWorkbook.targetKeys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.vaadin.flow.i18n.I18NProvider;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.reading.WorkbookInput;

/**
 * Reads a filled plan workbook ({@link PlanWorkbook}): the stamp first (this town, its designation year and period),
 * then the plan sheet and the actuals sheet cell by cell with the yearly upload's cell and number reading, then the
 * plan rules shared with the editor ({@link PlanValidation}); every problem becomes a finding naming the sheet, the
 * Excel row, the column and the reason in the viewer's language.
 */
final class PlanWorkbookReader {

    private PlanWorkbookReader() {
    }

    static PlanWorkbook.Read read(XSSFWorkbook wb, String townCode, int designatedIn, int periodYears, Catalog catalog,
                                  I18NProvider i18n, Locale locale) {
        Reader reader = new Reader(wb, townCode, designatedIn, periodYears, catalog, i18n, locale);
        reader.read();
        return new PlanWorkbook.Read(reader.findings.stream().anyMatch(Finding::isError) ? List.of() : reader.rows,
                reader.findings);
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
