package cn.liaocheng.strongtown.uncertainty;

import java.util.Arrays;
import java.util.stream.IntStream;

import cn.liaocheng.strongtown.scoring.Aggregator;
import cn.liaocheng.strongtown.scoring.CompetitionRanks;

/**
 * The draws of one year: composite of every town under perturbed choices, by the method's one aggregator
 * (coverage rule included), then its one ranking.
 *
 * <p>Every draw is a function of its own plan ({@link IntervalDraws}, generated before any draw is computed) and
 * the scores, so draws are computed on all cores in blocks of {@link #BLOCK} without changing a bit: each
 * composite is the same sum in the same order as one draw at a time would compute it. A block reads each town's
 * scores once for all its draws while they are in cache, and writes each town's ranks of the block as one run.
 */
final class MonteCarlo {

    /** Draws computed together: a town's ranks of one block are 16 ints, one cache line. */
    static final int BLOCK = 16;
    /** Towns per pass of a block: their scores (43 indicators × 8 bytes × 3 variants) stay in the core's cache. */
    private static final int TOWN_CHUNK = 256;

    private final YearScores scores;
    private final Aggregator aggregator;
    private final IntervalDraws plan;

    MonteCarlo(YearScores scores, Aggregator aggregator, IntervalDraws plan) {
        this.scores = scores;
        this.aggregator = aggregator;
        this.plan = plan;
    }

    /** ranks[town][draw]; a town without a composite in a draw is ranked after every town with one. */
    int[][] draw() {
        int draws = plan.draws();
        int towns = scores.towns.size();
        int[][] ranks = new int[towns][draws];
        boolean[][] complete = scores.complete();
        int blocks = (draws + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> new Block(complete, ranks).draw(b * BLOCK,
                Math.min(draws, (b + 1) * BLOCK)));
        return ranks;
    }

    /** The working buffers of one block of draws (one thread's). */
    private final class Block {

        private final boolean[][] complete;
        private final int[][] ranks;
        private final int towns = scores.towns.size();
        private final int indicators = aggregator.indicators();
        private final double[] node = new double[aggregator.nodes()];
        private final double[] coverage = new double[aggregator.nodes()];

        Block(boolean[][] complete, int[][] ranks) {
            this.complete = complete;
            this.ranks = ranks;
        }

        void draw(int from, int to) {
            int n = to - from;
            double[][] composite = new double[n][towns];
            // With arithmetic means all the way up, a town with every score present (coverage 1 everywhere) has
            // a composite that is a fixed weighted sum of its indicator scores: one dot product, not the tree.
            boolean linear = aggregator.allArithmetic();
            double[][] shares = new double[n][];
            for (int j = 0; j < n; j++) {
                shares[j] = linear ? Arrays.copyOf(aggregator.shares(plan.weights[from + j]), indicators) : null;
            }
            for (int t0 = 0; t0 < towns; t0 += TOWN_CHUNK) {
                int t1 = Math.min(towns, t0 + TOWN_CHUNK);
                for (int j = 0; j < n; j++) {
                    composites(from + j, shares[j], composite[j], t0, t1);
                }
            }
            CompetitionRanks.Ranker ranker = new CompetitionRanks.Ranker(towns);
            int[][] drawRanks = new int[n][towns];
            for (int j = 0; j < n; j++) {
                ranker.rank(composite[j], aggregator.rankDecimals(), drawRanks[j]);
            }
            for (int t = 0; t < towns; t++) {
                int[] r = ranks[t];
                for (int j = 0; j < n; j++) {
                    r[from + j] = drawRanks[j][t];
                }
            }
        }

        /** The composites of towns {@code t0} … {@code t1 − 1} in draw {@code d}. */
        private void composites(int d, double[] shares, double[] composite, int t0, int t1) {
            int variant = plan.variant[d];
            double[] s = scores.flat[variant];
            boolean[] whole = complete[variant];
            int t = t0;
            if (shares != null) {
                // four towns at once: four independent sums (each in the same order as alone) keep the core busy
                for (; t + 3 < t1; t += 4) {
                    if (!(whole[t] && whole[t + 1] && whole[t + 2] && whole[t + 3])) {
                        for (int u = t; u < t + 4; u++) {
                            composite[u] = one(d, variant, shares, u);
                        }
                        continue;
                    }
                    int a = t * indicators;
                    int b = a + indicators;
                    int c = b + indicators;
                    int e = c + indicators;
                    double sa = 0;
                    double sb = 0;
                    double sc = 0;
                    double se = 0;
                    for (int i = 0; i < indicators; i++) {
                        double w = shares[i];
                        sa += w * s[a + i];
                        sb += w * s[b + i];
                        sc += w * s[c + i];
                        se += w * s[e + i];
                    }
                    composite[t] = sa;
                    composite[t + 1] = sb;
                    composite[t + 2] = sc;
                    composite[t + 3] = se;
                }
            }
            for (; t < t1; t++) {
                composite[t] = one(d, variant, shares, t);
            }
        }

        /** One town's composite in draw {@code d}: the dot product if it has every score, else the tree. */
        private double one(int d, int variant, double[] shares, int t) {
            double[] s = scores.flat[variant];
            int base = t * indicators;
            if (shares != null && complete[variant][t]) {
                double sum = 0;
                for (int i = 0; i < indicators; i++) {
                    sum += shares[i] * s[base + i];
                }
                return sum;
            }
            System.arraycopy(s, base, node, 0, indicators);
            for (int i = 0; i < indicators; i++) {
                coverage[i] = Double.isNaN(s[base + i]) ? Double.NaN : 1.0;
            }
            aggregator.aggregate(node, coverage, plan.weights[d]);
            return node[aggregator.composite()];
        }
    }
}
