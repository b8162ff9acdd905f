package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.List;

/**
 * The synthetic-control estimate of the designation effect on one item (the composite, a dimension or an
 * indicator) for one town. The effect period starts the year after designation ({@code effectFrom}): a
 * year's data are what the town was selected on. {@code years}, {@code treated} and {@code synthetic} are the
 * paths (NaN where missing); {@code averageEffect} is the mean gap over the effect period, {@code pValue} the
 * in-space placebo p-value over {@code placebos} donors, {@code inTimeEffect} the mean gap of the in-time placebo
 * (fake designation two years earlier) before the real one. With any warning the numbers are not to be shown as
 * a confident estimate.
 */
public record EffectEstimate(String item, int effectFrom, List<Integer> years, double[] treated, double[] synthetic,
                             List<DonorWeight> donors, double averageEffect, double preRmspe, double rmspeRatio,
                             Double pValue, int placebos, Double inTimeEffect, List<EffectWarning> warnings) {

    /** A donor town with its weight in the synthetic town (weights ≥ 0, summing to 1). */
    public record DonorWeight(String townCode, String townName, double weight) {
    }

    public static EffectEstimate unavailable(String item, int effectFrom, EffectWarning why) {
        return new EffectEstimate(item, effectFrom, List.of(), new double[0], new double[0], List.of(), Double.NaN,
                Double.NaN, Double.NaN, null, 0, null, List.of(why));
    }

    public boolean confident() {
        return warnings.isEmpty();
    }

    public boolean estimated() {
        return !warnings.contains(EffectWarning.NOT_ESTIMABLE) && !warnings.contains(EffectWarning.NO_POST_YEARS);
    }
}
