package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.List;

import cn.liaocheng.strongtown.catalog.Catalog;

/** Checks plan rows before anything is saved; the first problem is reported (row, column, reason, in Chinese). */
final class PlanValidation {

    private PlanValidation() {
    }

    static void check(List<PlanTarget> rows, int designatedIn, int periodYears, Catalog catalog) {
        if (rows.isEmpty()) {
            throw new PlanValidationException("建设方案至少需要一项目标");
        }
        for (int i = 0; i < rows.size(); i++) {
            PlanTarget t = rows.get(i);
            String at = "第 " + (i + 1) + " 行";
            if (t.fromCatalog() && catalog.indicator(t.indicatorId()).isEmpty()) {
                throw new PlanValidationException(at + "，列“指标”：指标体系中没有“" + t.indicatorId() + "”");
            }
            if (!t.fromCatalog() && (t.label() == null || t.label().isBlank())) {
                throw new PlanValidationException(at + "，列“指标”：请选择指标体系中的指标，或填写自定目标的名称");
            }
            if (!t.fromCatalog() && (t.unit() == null || t.unit().isBlank())) {
                throw new PlanValidationException(at + "，列“单位”：自定目标须填写单位");
            }
            if (t.baselineYear() < designatedIn - 5 || t.baselineYear() > designatedIn) {
                throw new PlanValidationException(at + "，列“基期年份”：应在 " + (designatedIn - 5) + "–" + designatedIn
                        + " 年之间");
            }
            if (!Double.isFinite(t.baselineValue())) {
                throw new PlanValidationException(at + "，列“基期值”：不是有效数字");
            }
            if (t.targets().isEmpty()) {
                throw new PlanValidationException(at + "，列“目标值”：至少填写一个年度目标");
            }
            for (var e : t.targets().entrySet()) {
                if (e.getKey() <= designatedIn || e.getKey() > designatedIn + periodYears) {
                    throw new PlanValidationException(at + "，列“" + e.getKey() + " 年目标”：不在建设期 " + (designatedIn + 1)
                            + "–" + (designatedIn + periodYears) + " 年内");
                }
                if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    throw new PlanValidationException(at + "，列“" + e.getKey() + " 年目标”：不是有效数字");
                }
            }
            for (var e : t.declaredActuals().entrySet()) {
                if (e.getValue() == null || !Double.isFinite(e.getValue()) || e.getValue() < 0) {
                    throw new PlanValidationException(at + "，列“" + e.getKey() + " 年实际值”：应为不小于 0 的数字");
                }
            }
            if (t.responsibleUnit() == null || t.responsibleUnit().isBlank()) {
                throw new PlanValidationException(at + "，列“责任单位”：不能为空");
            }
        }
    }
}
