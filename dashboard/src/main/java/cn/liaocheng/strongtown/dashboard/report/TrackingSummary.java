package cn.liaocheng.strongtown.dashboard.report;

import java.util.List;

/**
 * A designated town's construction-plan tracking for one year.
 *
 * @param grade the assessment grade as the tracking feature words it (e.g. 优秀)
 * @param completionScore the plan completion, 0–100
 * @param targets the plan's targets with their actual values
 */
public record TrackingSummary(String grade, double completionScore, List<Target> targets) {

    public TrackingSummary {
        if (completionScore < 0 || completionScore > 100) {
            throw new IllegalArgumentException("completionScore must be 0–100: " + completionScore);
        }
        targets = List.copyOf(targets);
    }

    /**
     * One target of the plan.
     *
     * @param ratio actual to target, 1 = met; null where the target is missing
     */
    public record Target(String name, String unit, Double target, Double actual, Double ratio) {
    }
}
