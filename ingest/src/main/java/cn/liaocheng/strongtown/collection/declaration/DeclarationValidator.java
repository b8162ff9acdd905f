package cn.liaocheng.strongtown.collection.declaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.reading.InputTable;
import cn.liaocheng.strongtown.collection.reading.NumberText;
import cn.liaocheng.strongtown.collection.reading.TableCell;
import cn.liaocheng.strongtown.collection.reading.TemplateLayout;
import cn.liaocheng.strongtown.collection.reading.WorkbookReader;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;
import cn.liaocheng.strongtown.town.UnknownTownException;

/**
 * Checks every row and cell of a declaration table and collects the values in catalog units. It
 * never stops at the first problem: the report lists them all, so a town fixes its file in one go.
 */
final class DeclarationValidator {

    /** A year-on-year change beyond this factor is worth a warning (typically 元 entered for 万元). */
    static final double IMPLAUSIBLE_FACTOR = 5;

    record Outcome(List<DeclaredValue> values, List<Finding> findings) {
    }

    private final TownRegistry towns;
    private final List<DeclaredItem> items;
    private final int year;
    private final String countyScope;
    private final Map<String, Double> previousYear;

    /**
     * @param countyScope the county a county template covers, null for the whole city
     * @param previousYear current values of the previous year by {@link DeclaredValue#key()}, for plausibility warnings
     */
    DeclarationValidator(TownRegistry towns, List<DeclaredItem> items, int year, String countyScope,
                         Map<String, Double> previousYear) {
        this.towns = towns;
        this.items = items;
        this.year = year;
        this.countyScope = countyScope;
        this.previousYear = previousYear;
    }

    Outcome validate(InputTable table) {
        ColumnMap columns = ColumnMap.of(table, items);
        List<Finding> findings = new ArrayList<>(columns.findings);
        List<DeclaredValue> values = new ArrayList<>();
        if (columns.townColumn(TemplateLayout.KEY_TOWN_CODE) == null && columns.townColumn(TemplateLayout.KEY_TOWN_NAME) == null) {
            return new Outcome(values, findings);
        }
        Map<String, Integer> seenTowns = new HashMap<>();
        int emptyTowns = 0;
        for (InputTable.Row row : table.rows()) {
            if (row.blank()) {
                continue;
            }
            Town town = identify(table, columns, row, findings);
            checkYear(table, columns, row, findings);
            boolean anyValue = columns.items.values().stream().anyMatch(ic -> !row.cell(ic.column()).blank());
            if (town == null) {
                continue;
            }
            if (countyScope != null && !countyScope.equals(town.countyCode())) {
                findings.add(Finding.error(table.where(), row.number(), null, town.countyName() + town.name(),
                        "该乡镇不属于本模板所属的" + towns.county(countyScope).name() + "，请使用相应县（市、区）或全市模板"));
                continue;
            }
            Integer first = seenTowns.putIfAbsent(town.code(), row.number());
            if (first != null) {
                findings.add(Finding.error(table.where(), row.number(), null, town.name(),
                        "乡镇重复：与第 " + first + " 行是同一乡镇（" + town.code() + "），无法确定以哪一行为准"));
                continue;
            }
            if (!anyValue) {
                emptyTowns++;
                continue;
            }
            for (ColumnMap.ItemColumn ic : columns.items.values()) {
                Double value = value(table, row, ic, town, findings);
                if (value != null) {
                    values.add(new DeclaredValue(town.code(), ic.item().id(), value));
                }
            }
        }
        if (emptyTowns > 0) {
            findings.add(Finding.warning(table.where(), null, null, null,
                    emptyTowns + " 个乡镇未填写任何指标，已跳过（其现有数据不变）"));
        }
        return new Outcome(values, findings);
    }

    /** The town of a row by code, or by name (NBS or alias) within the county given in the row. */
    private Town identify(InputTable table, ColumnMap columns, InputTable.Row row, List<Finding> findings) {
        String code = text(row, columns.townColumn(TemplateLayout.KEY_TOWN_CODE));
        String county = text(row, columns.townColumn(TemplateLayout.KEY_COUNTY));
        String name = text(row, columns.townColumn(TemplateLayout.KEY_TOWN_NAME));
        if (!code.isEmpty()) {
            Integer codeColumn = columns.townColumn(TemplateLayout.KEY_TOWN_CODE);
            if (!code.matches("\\d{12}")) {
                findings.add(Finding.error(table.where(), row.number(), table.columnLabel(codeColumn), code,
                        "乡镇代码应为 12 位数字（国家统计局统计用区划代码）"));
                return null;
            }
            Town town = towns.find(code).orElse(null);
            if (town == null) {
                findings.add(Finding.error(table.where(), row.number(), table.columnLabel(codeColumn), code,
                        "未知的乡镇代码：不在聊城市乡镇名录中"));
                return null;
            }
            if (!name.isEmpty() && !name.equals(town.name()) && !town.aliases().contains(name)) {
                findings.add(Finding.error(table.where(), row.number(),
                        table.columnLabel(columns.townColumn(TemplateLayout.KEY_TOWN_NAME)), name,
                        "乡镇名称与代码 " + code + "（" + town.countyName() + town.name() + "）不一致，请核对"));
                return null;
            }
            return town;
        }
        if (name.isEmpty()) {
            findings.add(Finding.error(table.where(), row.number(), null, null, "该行填有数据，但没有乡镇代码或名称"));
            return null;
        }
        try {
            return towns.resolve(name, county);
        } catch (UnknownTownException e) {
            findings.add(Finding.error(table.where(), row.number(),
                    table.columnLabel(columns.townColumn(TemplateLayout.KEY_TOWN_NAME)), name, e.getMessage()));
            return null;
        }
    }

    private void checkYear(InputTable table, ColumnMap columns, InputTable.Row row, List<Finding> findings) {
        Integer column = columns.townColumn(TemplateLayout.KEY_YEAR);
        String given = text(row, column);
        if (column != null && !given.isEmpty() && !given.equals(String.valueOf(year))) {
            findings.add(Finding.error(table.where(), row.number(), table.columnLabel(column), given,
                    "年度与本次上传的年度 " + year + " 不一致"));
        }
    }

    /** The cell's value in catalog units, or null (blank, or an error that was recorded). */
    private Double value(InputTable table, InputTable.Row row, ColumnMap.ItemColumn ic, Town town,
                         List<Finding> findings) {
        TableCell cell = row.cell(ic.column());
        DeclaredItem item = ic.item();
        String column = table.columnLabel(ic.column());
        String where = table.where();
        if (cell.formula() != null) {
            if (cell.kind() == TableCell.Kind.FORMULA_WITHOUT_VALUE) {
                findings.add(Finding.error(where, row.number(), column, cell.display(),
                        "公式没有计算结果（文件未经 Excel 保存），请在 Excel 中打开并保存后重新上传，或直接填写数值"));
                return null;
            }
            if (cell.kind() != TableCell.Kind.ERROR) {
                findings.add(Finding.warning(where, row.number(), column, "=" + cell.formula(),
                        "单元格含公式，已使用其计算结果 " + cell.display() + "；建议直接填写数值"));
            }
        }
        Double raw;
        boolean percentGiven;
        switch (cell.kind()) {
            case BLANK -> {
                if (item.required()) {
                    findings.add(Finding.error(where, row.number(), column, null,
                            "必填指标未填写（" + item.name() + "是计算其他指标的分母）"));
                }
                return null;
            }
            case NUMBER -> {
                raw = cell.number();
                percentGiven = cell.percentFormat();
                if (percentGiven) {
                    raw = raw * 100; // Excel stores 65 % as 0.65
                }
            }
            case TEXT -> {
                NumberText.Result parsed = NumberText.parse(cell.text());
                if (parsed.blank()) {
                    if (item.required()) {
                        findings.add(Finding.error(where, row.number(), column, cell.text(), "必填指标未填写"));
                    }
                    return null;
                }
                if (!parsed.ok()) {
                    findings.add(Finding.error(where, row.number(), column, cell.text(), parsed.problem()));
                    return null;
                }
                raw = parsed.value();
                percentGiven = parsed.percent();
            }
            case ERROR -> {
                findings.add(Finding.error(where, row.number(), column, cell.text(),
                        "单元格是错误值" + (cell.formula() != null ? "（公式 =" + cell.formula() + " 计算出错）" : "")));
                return null;
            }
            default -> {
                findings.add(Finding.error(where, row.number(), column, cell.display(), "不是数值"));
                return null;
            }
        }
        if (percentGiven && !item.percent()) {
            findings.add(Finding.error(where, row.number(), column, cell.display(),
                    "该指标单位为“" + item.unit() + "”，不能填写百分数"));
            return null;
        }
        double value = raw * ic.factor();
        if (item.percent() && !percentGiven && value > 0 && value < 1 && item.max() > 1) {
            findings.add(Finding.warning(where, row.number(), column, cell.display(),
                    "百分比指标填写了 0 到 1 之间的小数，系统按百分数 " + NumberText.plain(value)
                            + "% 读取；如指 " + NumberText.plain(value * 100) + "%，请填写 " + NumberText.plain(value * 100)));
        }
        if (value < item.min() || value > item.max()) {
            findings.add(Finding.error(where, row.number(), column, cell.display(),
                    "超出合理范围 " + NumberText.plain(item.min()) + " ～ " + NumberText.plain(item.max())
                            + (ic.factor() != 1 ? "（换算为" + item.unit() + "后为 " + NumberText.plain(value) + "）" : "")
                            + "，请核对数值和单位"));
            return null;
        }
        plausibility(where, row, column, cell, item, town, value, findings);
        return value;
    }

    /** Warns when a value moved implausibly against last year, naming whether that is the good direction. */
    private void plausibility(String where, InputTable.Row row, String column, TableCell cell, DeclaredItem item,
                              Town town, double value, List<Finding> findings) {
        Double last = previousYear.get(town.code() + "/" + item.id());
        if (last == null || last <= 0 || value <= 0) {
            return;
        }
        double ratio = value / last;
        if (ratio > IMPLAUSIBLE_FACTOR || ratio < 1 / IMPLAUSIBLE_FACTOR) {
            boolean rise = ratio > 1;
            String direction = item.lowerIsBetter() ? (rise ? "（该指标越低越好，大幅上升需说明原因）" : "（该指标越低越好）")
                    : (rise ? "" : "（该指标越高越好，大幅下降需说明原因）");
            findings.add(Finding.warning(where, row.number(), column, cell.display(),
                    "与上年（" + (year - 1) + " 年 " + NumberText.plain(last) + "）相比变化 "
                            + String.format("%.1f", ratio) + " 倍" + direction + "，请核对单位是否为“" + item.unit() + "”"));
        }
    }

    private static String text(InputTable.Row row, Integer column) {
        if (column == null) {
            return "";
        }
        TableCell cell = row.cell(column);
        String s = cell.kind() == TableCell.Kind.NUMBER ? WorkbookReader.plainInteger(cell.number())
                : cell.text() == null ? "" : cell.text();
        return NumberText.halfWidth(s).strip();
    }
}
