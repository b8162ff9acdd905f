package cn.liaocheng.strongtown.scoring;

import java.util.Arrays;

/**
 * Competition ranks ("1224": ties share the rank, the next rank skips) of scores compared at the catalog's
 * rank precision — the ranking of stage 08 ({@code RANK() OVER (ORDER BY <published score> DESC)}) in
 * Java, held equal to it by {@code AggregationEqualityTest}; the Monte Carlo and what-if use it.
 *
 * <p>The published score is rounded half away from zero as {@code SIGN(x) * FLOOR(ABS(x) * 10^d + 0.5) / 10^d}
 * in the stage SQL and with the very same double operations here, not with {@code ROUND}: each step is one
 * IEEE operation that every engine computes alike, while {@code ROUND} of a DOUBLE differs between engines at
 * exact half edges (DuckDB scales the binary value, so 1.005 → 1.00; Spark rounds its shortest decimal text,
 * so 1.005 → 1.01). {@code PublishedRoundingParityTest} holds DuckDB, Spark and this class equal there.
 */
public final class CompetitionRanks {

    private CompetitionRanks() {
    }

    /**
     * A score as the integer it is compared by: rounded half away from zero at {@code decimals}, as stage 08
     * computes it ({@code SIGN(x) * FLOOR(ABS(x) * scale + 0.5)}), so that two scores shown alike share the rank.
     */
    public static long key(double score, int decimals) {
        return (long) (Math.signum(score) * Math.floor(Math.abs(score) * POWERS[decimals] + 0.5));
    }

    /**
     * The published score at {@code decimals}: the one bands and every threshold are decided on, as stage 08
     * computes it ({@code key / scale}).
     */
    public static double published(double score, int decimals) {
        return Double.isNaN(score) ? score : key(score, decimals) / POWERS[decimals];
    }

    /** 10 to the power {@code decimals}: the {@code rank_scale} the stage SQL reads per version. */
    public static double scale(int decimals) {
        return POWERS[decimals];
    }

    /**
     * Ranks of {@code scores}, best first. A NaN score (no score) is ranked after every scored unit, all such
     * units sharing the rank (number scored + 1), so that they displace nobody. Sorts primitive keys (the
     * rounded score, negated, above the unit's index) rather than boxed indices: this runs once per Monte
     * Carlo draw and is the hot loop at national scale.
     */
    public static int[] of(double[] scores, int decimals) {
        int n = scores.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long k = Double.isNaN(scores[i]) ? NO_SCORE : key(scores[i], decimals);
            keys[i] = (-k << INDEX_BITS) | i;
        }
        Arrays.sort(keys);
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            int unit = (int) (keys[i] & INDEX_MASK);
            boolean tie = i > 0 && keys[i] >> INDEX_BITS == keys[i - 1] >> INDEX_BITS;
            ranks[unit] = tie ? ranks[(int) (keys[i - 1] & INDEX_MASK)] : i + 1;
        }
        return ranks;
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    private static final int INDEX_BITS = 20;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** Below any real score, yet far from overflowing when negated and shifted. */
    private static final long NO_SCORE = -(1L << 42);
}
