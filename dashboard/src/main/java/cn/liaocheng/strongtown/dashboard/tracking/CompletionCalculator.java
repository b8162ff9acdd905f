package cn.liaocheng.strongtown.dashboard.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Scores a plan year by year: row scores by the configured rule, their mean, grade, report deadline. */
final class CompletionCalculator {

    private CompletionCalculator() {
    }

    /**
     * @param actual  (indicator, year) → the snapshot's value for catalog rows, NaN if absent
     * @param reports year → submission time of the town's report
     * @param lastDataYear the newest year with data (demo plans count as reported up to it)
     */
    static PlanCompletion of(ConstructionPlan plan, int designationYear, TrackingSettings settings,
                             BiFunction<String, Integer, Double> actual, Map<Integer, Instant> reports,
                             LocalDate today, int lastDataYear, Map<String, String[]> labels) {
        List<Integer> planYears = new ArrayList<>();
        for (int k = 1; k <= settings.periodYears(); k++) {
            planYears.add(designationYear + k);
        }
        List<TargetProgress> rows = new ArrayList<>();
        Map<Integer, List<Double>> byYear = new LinkedHashMap<>();
        for (PlanTarget t : plan.targets()) {
            Map<Integer, Double> actuals = new LinkedHashMap<>();
            Map<Integer, Double> scores = new LinkedHashMap<>();
            for (int year : planYears) {
                double value = t.fromCatalog() ? actual.apply(t.indicatorId(), year)
                        : t.declaredActuals().getOrDefault(year, Double.NaN);
                if (Double.isNaN(value)) {
                    continue;
                }
                actuals.put(year, value);
                Double target = t.targets().get(year);
                if (target == null) {
                    continue;
                }
                double score = settings.completionRule().score(t.baselineValue(), target, value, t.lowerIsBetter(),
                        settings.progressCap());
                if (!Double.isNaN(score)) {
                    scores.put(year, score);
                    byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(score);
                }
            }
            String[] label = t.fromCatalog() ? labels.getOrDefault(t.indicatorId(), new String[] {t.indicatorId(), ""})
                    : new String[] {t.label(), t.unit() == null ? "" : t.unit()};
            rows.add(new TargetProgress(t, label[0], label[1], actuals, scores));
        }
        List<YearCompletion> years = new ArrayList<>();
        Double latestScore = null;
        Grade latestGrade = null;
        Integer latestYear = null;
        for (int year : planYears) {
            List<Double> scores = byYear.get(year);
            Double score = scores == null ? null : scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            Grade grade = score == null ? null : settings.grade(score);
            LocalDate deadline = settings.reportDeadline(year);
            Instant submitted = reports.get(year);
            if (submitted == null && plan.demo() && year <= lastDataYear) {
                submitted = deadline.minusDays(10).atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant();
            }
            boolean overdue = submitted == null && today.isAfter(deadline);
            years.add(new YearCompletion(year, score, grade, deadline, submitted, overdue));
            if (score != null) {
                latestScore = score;
                latestGrade = grade;
                latestYear = year;
            }
        }
        boolean behind = latestScore != null && latestScore < settings.passMark();
        return new PlanCompletion(plan, rows, years, latestScore, latestGrade, latestYear, behind);
    }
}
