package cn.liaocheng.strongtown.catalog;

import java.util.List;

/**
 * How an indicator is put on a common scale (0–100 unless {@code output} says otherwise).
 *
 * <ul>
 * <li>{@code minmax}: 100 × (x − min) / (max − min), min and max pooled over the catalog's window;</li>
 * <li>{@code zscore}: the T-score 50 + 10 × (x − mean) / sd over the window;</li>
 * <li>{@code goalposts}: like minmax between fixed {@code min} and {@code max} (transformed like x),
 *     capped to 0–100 unless {@code cap} is false;</li>
 * <li>{@code benchmark}: 100 × x / ref, capped at 100, ref = {@code best} or {@code pNN} (a percentile
 *     of the window; for "lower is better" 100 × ref / x with the mirrored percentile);</li>
 * <li>{@code percentile}: 100 × percent rank within the window;</li>
 * <li>{@code efficacy} (功效系数法): 60 + 40 × (x − allowed) / (satisfactory − allowed), with
 *     {@code allowed} (不允许值) and {@code satisfactory} (满意值); capped to 0–100 unless {@code cap} is false;</li>
 * <li>{@code target_ratio}: 100 × x / {@code target}, at most {@code ceiling} × 100 (e.g. 1.5), and 0
 *     below {@code floor} (e.g. 0.8).</li>
 * </ul>
 * Any method may be rescaled linearly from 0–100 to {@code output} [lo, hi].
 */
public record Normalisation(String method, Double min, Double max, Boolean cap, String ref, Double allowed,
                            Double satisfactory, Double target, Double ceiling, Double floor,
                            List<Double> output) {

    /** Whether the score is clipped to the method's natural range (goalposts, efficacy). */
    public boolean capped() {
        return cap == null || cap;
    }

    /** The benchmark reference as a quantile in 0–1 (best = 1). */
    public double benchmarkQuantile() {
        if (ref == null || "best".equals(ref)) {
            return 1.0;
        }
        return Double.parseDouble(ref.substring(1)) / 100.0;
    }
}
