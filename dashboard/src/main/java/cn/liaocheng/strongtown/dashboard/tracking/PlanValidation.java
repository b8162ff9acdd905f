package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.Catalog;

/**
 * Checks plan rows before anything is saved, for the editor and the workbook import alike. Every problem is
 * reported (row, column, reason as translation keys); any problem means nothing is saved.
 */
final class PlanValidation {

    /** How many years before designation a baseline may lie. */
    static final int BASELINE_YEARS_BACK = 5;

    private PlanValidation() {
    }

    static void check(List<PlanTarget> rows, int designatedIn, int periodYears, Catalog catalog) {
        List<PlanProblem> problems = problems(rows, designatedIn, periodYears, catalog);
        if (!problems.isEmpty()) {
            throw new PlanValidationException(problems);
        }
    }

    static List<PlanProblem> problems(List<PlanTarget> rows, int designatedIn, int periodYears, Catalog catalog) {
        List<PlanProblem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add(PlanProblem.of(0, null, null, "tracking.problem.empty"));
            return problems;
        }
        Map<String, Integer> seen = new HashMap<>();
        String first = String.valueOf(designatedIn + 1);
        String last = String.valueOf(designatedIn + periodYears);
        for (int i = 0; i < rows.size(); i++) {
            PlanTarget t = rows.get(i);
            int row = i + 1;
            if (t.fromCatalog() && catalog.indicator(t.indicatorId()).isEmpty()) {
                problems.add(PlanProblem.of(row, "indicator", null, "tracking.problem.unknownIndicator", t.indicatorId()));
            }
            if (!t.fromCatalog() && (t.label() == null || t.label().isBlank())) {
                problems.add(PlanProblem.of(row, "indicator", null, "tracking.problem.noName"));
            }
            if (!t.fromCatalog() && (t.unit() == null || t.unit().isBlank())) {
                problems.add(PlanProblem.of(row, "unit", null, "tracking.problem.noUnit"));
            }
            String identity = t.fromCatalog() ? "id:" + t.indicatorId()
                    : t.label() == null || t.label().isBlank() ? null : "label:" + t.label().strip();
            if (identity != null) {
                Integer earlier = seen.putIfAbsent(identity, row);
                if (earlier != null) {
                    problems.add(PlanProblem.of(row, t.fromCatalog() ? "indicator" : "label", null,
                            "tracking.problem.duplicate", String.valueOf(earlier)));
                }
            }
            if (t.baselineYear() < designatedIn - BASELINE_YEARS_BACK || t.baselineYear() > designatedIn) {
                problems.add(PlanProblem.of(row, "baselineYear", null, "tracking.problem.baselineYear",
                        String.valueOf(designatedIn - BASELINE_YEARS_BACK), String.valueOf(designatedIn)));
            }
            if (!Double.isFinite(t.baselineValue())) {
                problems.add(PlanProblem.of(row, "baseline", null, "tracking.problem.notNumber"));
            }
            if (t.targets().isEmpty()) {
                problems.add(PlanProblem.of(row, "target", designatedIn + 1, "tracking.problem.noTarget"));
            }
            for (var e : t.targets().entrySet()) {
                if (e.getKey() <= designatedIn || e.getKey() > designatedIn + periodYears) {
                    problems.add(PlanProblem.of(row, "target", e.getKey(), "tracking.problem.outsidePeriod", first, last));
                } else if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                    problems.add(PlanProblem.of(row, "target", e.getKey(), "tracking.problem.notNumber"));
                }
            }
            for (var e : t.declaredActuals().entrySet()) {
                if (t.fromCatalog()) {
                    problems.add(PlanProblem.of(row, "actual", e.getKey(), "tracking.problem.actualForCatalog"));
                } else if (e.getKey() <= designatedIn || e.getKey() > designatedIn + periodYears) {
                    problems.add(PlanProblem.of(row, "actual", e.getKey(), "tracking.problem.outsidePeriod", first, last));
                } else if (e.getValue() == null || !Double.isFinite(e.getValue()) || e.getValue() < 0) {
                    problems.add(PlanProblem.of(row, "actual", e.getKey(), "tracking.problem.negativeActual"));
                }
            }
            if (t.responsibleUnit() == null || t.responsibleUnit().isBlank()) {
                problems.add(PlanProblem.of(row, "responsible", null, "tracking.problem.noResponsible"));
            }
        }
        return problems;
    }
}
