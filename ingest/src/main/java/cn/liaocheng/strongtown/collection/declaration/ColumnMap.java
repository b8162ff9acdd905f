package cn.liaocheng.strongtown.collection.declaration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.reading.InputTable;
import cn.liaocheng.strongtown.collection.reading.NumberText;
import cn.liaocheng.strongtown.collection.reading.TemplateLayout;
import cn.liaocheng.strongtown.collection.reading.UnitScale;

/**
 * Which column holds what: the town columns, and for each declared item its column and the factor
 * from the header's unit to the catalog's. Built from the template's key row when present, else from
 * the headers (Chinese name, with or without the unit, or the indicator id).
 */
final class ColumnMap {

    private static final Pattern HEADER = Pattern.compile("^(.*?)[（(]([^（()）]*)[)）]\\s*$");

    record ItemColumn(int column, DeclaredItem item, double factor, String headerUnit) {
    }

    final Map<String, Integer> townColumns = new HashMap<>();
    final Map<String, ItemColumn> items = new LinkedHashMap<>();
    final List<Finding> findings = new ArrayList<>();

    static ColumnMap of(InputTable table, List<DeclaredItem> declared) {
        ColumnMap map = new ColumnMap();
        Map<String, DeclaredItem> byId = new HashMap<>();
        Map<String, DeclaredItem> byName = new HashMap<>();
        declared.forEach(i -> {
            byId.put(i.id(), i);
            byName.put(UnitScale.normalise(i.name()), i);
        });
        int columns = Math.max(table.headers().size(), table.keys() == null ? 0 : table.keys().size());
        for (int c = 0; c < columns; c++) {
            String header = c < table.headers().size() ? cleanHeader(table.headers().get(c)) : "";
            String key = table.key(c);
            String townKey = TemplateLayout.townKeyOf(key != null && !key.isBlank() ? key : header);
            if (townKey != null) {
                if (map.townColumns.putIfAbsent(townKey, c) != null) {
                    map.findings.add(Finding.error(table.where(), 1, table.columnLabel(c), header, "列重复"));
                }
                continue;
            }
            Matcher m = HEADER.matcher(header);
            String name = m.matches() ? m.group(1).strip() : header;
            String unit = m.matches() ? m.group(2).strip() : null;
            DeclaredItem item = key != null && byId.containsKey(key) ? byId.get(key)
                    : byId.containsKey(name) ? byId.get(name) : byName.get(UnitScale.normalise(name));
            if (item == null) {
                if (!header.isBlank() || (key != null && !key.isBlank())) {
                    map.findings.add(Finding.warning(table.where(), 1, table.columnLabel(c), header,
                            "不是本年度指标体系中的申报指标，该列已忽略"));
                }
                continue;
            }
            map.addItem(table, c, item, unit, header);
        }
        if (!map.townColumns.containsKey(TemplateLayout.KEY_TOWN_CODE)
                && !map.townColumns.containsKey(TemplateLayout.KEY_TOWN_NAME)) {
            map.findings.add(Finding.error(table.where(), 1, null, null,
                    "缺少“乡镇代码”或“乡镇名称”列，无法识别乡镇"));
        }
        List<String> missing = new ArrayList<>();
        for (DeclaredItem item : declared) {
            if (!map.items.containsKey(item.id())) {
                if (item.required()) {
                    map.findings.add(Finding.error(table.where(), 1, null, item.header(), "缺少必填指标列"));
                } else {
                    missing.add(item.name());
                }
            }
        }
        if (!missing.isEmpty()) {
            map.findings.add(Finding.warning(table.where(), 1, null, null, "缺少 " + missing.size() + " 个指标列（"
                    + String.join("、", missing) + "），这些指标本次不更新"));
        }
        return map;
    }

    private void addItem(InputTable table, int c, DeclaredItem item, String unit, String header) {
        if (items.containsKey(item.id())) {
            findings.add(Finding.error(table.where(), 1, table.columnLabel(c), header,
                    "指标列重复（与 " + table.columnLabel(items.get(item.id()).column()) + " 列相同），无法确定以哪一列为准"));
            return;
        }
        double factor = 1;
        if (unit != null && !unit.isBlank()) {
            var scale = UnitScale.factor(unit, item.unit());
            if (scale.isEmpty()) {
                findings.add(Finding.error(table.where(), 1, table.columnLabel(c), header,
                        "表头单位“" + unit + "”与指标单位“" + item.unit() + "”不符，无法换算"));
                return;
            }
            factor = scale.get();
            if (factor != 1) {
                findings.add(Finding.warning(table.where(), 1, table.columnLabel(c), header,
                        "表头单位为“" + unit + "”，已按 ×" + NumberText.plain(factor) + " 换算为“" + item.unit() + "”"));
            }
        }
        items.put(item.id(), new ItemColumn(c, item, factor, unit));
    }

    /** The template marks required columns with " *必填"; that mark is not part of the name. */
    private static String cleanHeader(String header) {
        return header == null ? "" : header.replace("*必填", "").strip();
    }

    Integer townColumn(String key) {
        return townColumns.get(key);
    }
}
