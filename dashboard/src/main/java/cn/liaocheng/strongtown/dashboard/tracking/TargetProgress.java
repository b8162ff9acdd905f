package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.Map;

/**
 * One plan row with its actuals (catalog indicators from the snapshot, others as declared) and its score per
 * plan year (0–100 by the configured rule; absent where there is no actual or no target yet).
 */
public record TargetProgress(PlanTarget target, String label, String unit, Map<Integer, Double> actuals,
                             Map<Integer, Double> scores) {
}
