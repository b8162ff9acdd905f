package cn.liaocheng.strongtown.dashboard.tracking;

/**
 * How one target row is scored from baseline, target and actual (0–100, "lower is better" rows mirrored):
 * <ul>
 * <li>{@code CAPPED_RATIO} — 100 × actual/target (target/actual when lower is better), capped at 100 × cap;</li>
 * <li>{@code LINEAR_PROGRESS} — 100 × the share of the way from baseline to target covered, within [0, cap];</li>
 * <li>{@code EFFICACY} — 功效系数法: 60 + 40 × (actual − baseline)/(target − baseline), the baseline taken as the
 * 不允许值 and the target as the 满意值, within [0, 60 + 40 × cap].</li>
 * </ul>
 */
public enum CompletionRule {
    CAPPED_RATIO, LINEAR_PROGRESS, EFFICACY;

    /** The row's score, or NaN when it cannot be scored (no actual, a zero target or denominator). */
    public double score(double baseline, double target, double actual, boolean lowerIsBetter, double cap) {
        if (Double.isNaN(actual) || Double.isNaN(target)) {
            return Double.NaN;
        }
        return switch (this) {
            case CAPPED_RATIO -> {
                double ratio = lowerIsBetter ? (actual <= 0 ? Double.NaN : target / actual)
                        : (target <= 0 ? Double.NaN : actual / target);
                yield Double.isNaN(ratio) ? Double.NaN : 100 * Math.max(0, Math.min(ratio, cap));
            }
            case LINEAR_PROGRESS -> {
                if (target == baseline) {
                    yield reached(actual, target, lowerIsBetter) ? 100 : 0;
                }
                double progress = (actual - baseline) / (target - baseline);
                yield 100 * Math.max(0, Math.min(progress, cap));
            }
            case EFFICACY -> {
                if (target == baseline) {
                    yield reached(actual, target, lowerIsBetter) ? 100 : 60;
                }
                double progress = (actual - baseline) / (target - baseline);
                yield Math.max(0, Math.min(60 + 40 * progress, 60 + 40 * cap));
            }
        };
    }

    private static boolean reached(double actual, double target, boolean lowerIsBetter) {
        return lowerIsBetter ? actual <= target : actual >= target;
    }
}
