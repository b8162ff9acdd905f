package cn.liaocheng.strongtown.dashboard.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The demo construction plan of a designated town in the demo data set: synthetic, drawn with a fixed seed per
 * town — four catalog indicators with baselines from the designation year and yearly growth targets, and one
 * free-text target with declared actuals. Shown (and marked as demo) until someone saves a real plan.
 */
final class DemoPlans {

    static final long SEED = 20231001L;
    private static final String[][] CATALOG_ROWS = {
        {"private_entities", "镇市场监管所", "0.04", "0.09"},
        {"above_scale_firms", "镇经济发展办公室", "0.05", "0.14"},
        {"srdi_firms", "镇经济发展办公室", "0.08", "0.20"},
        {"rd_spend", "镇科技站", "0.06", "0.16"},
    };

    private DemoPlans() {
    }

    /** @param baseline (indicator, year) → value in the snapshot, NaN if absent */
    static ConstructionPlan plan(String townCode, int designationYear, int periodYears, int lastDataYear,
                                 BiFunction<String, Integer, Double> baseline) {
        Random random = new Random(SEED ^ townCode.hashCode());
        List<PlanTarget> rows = new ArrayList<>();
        for (String[] row : CATALOG_ROWS) {
            double base = baseline.apply(row[0], designationYear);
            double growth = Double.parseDouble(row[2])
                    + random.nextDouble() * (Double.parseDouble(row[3]) - Double.parseDouble(row[2]));
            if (Double.isNaN(base) || base <= 0) {
                continue;
            }
            Map<Integer, Double> targets = new LinkedHashMap<>();
            for (int k = 1; k <= periodYears; k++) {
                targets.put(designationYear + k, round(base * Math.pow(1 + growth, k)));
            }
            rows.add(new PlanTarget(row[0], null, null, false, designationYear, round(base), targets, Map.of(), row[1]));
        }
        double area = 8 + random.nextInt(20);
        double step = 2 + random.nextInt(5);
        Map<Integer, Double> targets = new LinkedHashMap<>();
        Map<Integer, Double> actuals = new LinkedHashMap<>();
        for (int k = 1; k <= periodYears; k++) {
            int year = designationYear + k;
            targets.put(year, area + step * k);
            if (year <= lastDataYear) {
                actuals.put(year, round(area + step * k * (0.7 + 0.5 * random.nextDouble())));
            }
        }
        rows.add(new PlanTarget(null, "新增标准厂房面积", "万平方米", false, designationYear, area, targets, actuals,
                "镇招商服务中心"));
        return new ConstructionPlan(townCode, 0, "demo", Instant.EPOCH, true, rows);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
