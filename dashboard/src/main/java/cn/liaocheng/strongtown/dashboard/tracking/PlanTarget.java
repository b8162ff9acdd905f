package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.Map;
import java.util.TreeMap;

/**
 * One row of a construction plan (建设方案): a catalog indicator ({@code indicatorId}) or a free-text target
 * ({@code indicatorId} null, {@code label} and {@code unit} given); the baseline year and value; a target per
 * year of the designation period; actuals the town declares for rows that are not catalog indicators; the
 * responsible unit (责任单位).
 */
public record PlanTarget(String indicatorId, String label, String unit, boolean lowerIsBetter, int baselineYear,
                         double baselineValue, Map<Integer, Double> targets, Map<Integer, Double> declaredActuals,
                         String responsibleUnit) {

    public PlanTarget {
        targets = java.util.Collections.unmodifiableMap(new TreeMap<>(targets));
        declaredActuals = java.util.Collections.unmodifiableMap(new TreeMap<>(declaredActuals));
    }

    public boolean fromCatalog() {
        return indicatorId != null && !indicatorId.isBlank();
    }
}
