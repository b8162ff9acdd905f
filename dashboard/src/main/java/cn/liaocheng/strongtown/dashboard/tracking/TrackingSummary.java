package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.List;

/**
 * The stable summary other features (the typical-experience reports) use for one designated town and year:
 * the year's completion score and grade (null without a plan or actuals), the plan rows with actuals and
 * scores, and the composite's designation effect — the mean gap to the synthetic town since designation, the
 * placebo p-value (null when not estimated) and the warnings that forbid reading it as a confident number.
 */
public record TrackingSummary(String townCode, String townName, int designatedIn, int year, Double completionScore,
                              Grade grade, boolean behindPlan, List<TargetProgress> rows, Double effect, Double pValue,
                              List<EffectWarning> warnings) {
}
