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
     * units sharing the rank (number scored + 1), so that they displace nobody.
     */
    public static int[] of(double[] scores, int decimals) {
        int[] ranks = new int[scores.length];
        new Ranker(scores.length).rank(scores, decimals, ranks);
        return ranks;
    }

    /**
     * Ranks score vectors of one length in turn, reusing its buffers: the Monte Carlo ranks every town once per
     * draw, and this is its hot loop. A unit's competition rank is 1 + the number of units with a greater key, so
     * when the keys span a small range (scores at the catalog's 1 decimal: a few thousand values) the ranks come
     * from counting the keys, with no sort; otherwise from sorting primitive keys (the key, negated, above the
     * unit's index) rather than boxed indices. Both give the same ranks ({@code CompetitionRanksTest}).
     * Not thread-safe: one per thread.
     */
    public static final class Ranker {

        private final long[] keys;
        private int[] counts = new int[0];

        public Ranker(int units) {
            keys = new long[units];
        }

        /** Fills {@code ranks} (as long as {@code scores}) with the ranks of {@code scores}, as {@link #of}. */
        public void rank(double[] scores, int decimals, int[] ranks) {
            int n = scores.length;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            int scored = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(scores[i])) {
                    keys[i] = NO_SCORE;
                } else {
                    long k = key(scores[i], decimals);
                    keys[i] = k;
                    min = Math.min(min, k);
                    max = Math.max(max, k);
                    scored++;
                }
            }
            if (scored > 0 && max - min < countingLimit(n)) {
                byCounting(n, min, (int) (max - min + 1), scored, ranks);
            } else {
                bySorting(n, ranks);
            }
        }

        /** Counting pays while the key range is not much larger than the units to rank. */
        private static long countingLimit(int units) {
            return Math.max(1 << 12, 4L * units);
        }

        private void byCounting(int n, long min, int range, int scored, int[] ranks) {
            if (counts.length < range) {
                counts = new int[range];
            } else {
                Arrays.fill(counts, 0, range, 0);
            }
            for (int i = 0; i < n; i++) {
                if (keys[i] != NO_SCORE) {
                    counts[(int) (keys[i] - min)]++;
                }
            }
            // counts[v] becomes the rank of key min + v: 1 + the number of units with a greater key
            int above = 0;
            for (int v = range - 1; v >= 0; v--) {
                int here = counts[v];
                counts[v] = above + 1;
                above += here;
            }
            for (int i = 0; i < n; i++) {
                ranks[i] = keys[i] == NO_SCORE ? scored + 1 : counts[(int) (keys[i] - min)];
            }
        }

        private void bySorting(int n, int[] ranks) {
            for (int i = 0; i < n; i++) {
                keys[i] = (-keys[i] << INDEX_BITS) | i;
            }
            Arrays.sort(keys, 0, n);
            for (int i = 0; i < n; i++) {
                int unit = (int) (keys[i] & INDEX_MASK);
                boolean tie = i > 0 && keys[i] >> INDEX_BITS == keys[i - 1] >> INDEX_BITS;
                ranks[unit] = tie ? ranks[(int) (keys[i - 1] & INDEX_MASK)] : i + 1;
            }
        }
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    private static final int INDEX_BITS = 20;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** Below any real score, yet far from overflowing when negated and shifted. */
    private static final long NO_SCORE = -(1L << 42);
}
