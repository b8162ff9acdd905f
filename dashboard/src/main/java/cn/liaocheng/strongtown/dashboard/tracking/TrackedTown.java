package cn.liaocheng.strongtown.dashboard.tracking;

/**
 * A designated town in the tracking list: its cohort, newest composite, plan completion (score, grade, behind
 * plan, overdue report) and the composite's designation effect (null when not estimated), its p-value and
 * whether the estimate carries no warning.
 */
public record TrackedTown(String townCode, String townName, String countyCode, String countyName, int designatedIn,
                          Double composite, Double completionScore, Grade grade, boolean behindPlan,
                          boolean reportOverdue, Double effect, Double pValue, boolean effectConfident) {
}
