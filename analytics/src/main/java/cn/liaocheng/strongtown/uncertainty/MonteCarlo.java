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
    private static final int[] NONE = {};

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
        Towns byChunk = new Towns(scores.complete(), towns);
        int blocks = (draws + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> new Block(byChunk, ranks).draw(b * BLOCK,
                Math.min(draws, (b + 1) * BLOCK)));
        return ranks;
    }

    /**
     * Per variant and chunk of {@link #TOWN_CHUNK} towns, the towns with every score (summed four at a time) and
     * the others (through the tree), so that a town missing a score does not break up its neighbours' fours.
     */
    private static final class Towns {

        /** [variant][chunk]: towns with every score in that variant, in town order. */
        final int[][][] whole;
        /** [variant][chunk]: the other towns. */
        final int[][][] partial;
        /** [chunk]: every town. */
        final int[][] all;

        Towns(boolean[][] complete, int towns) {
            int chunks = (towns + TOWN_CHUNK - 1) / TOWN_CHUNK;
            whole = new int[complete.length][chunks][];
            partial = new int[complete.length][chunks][];
            all = new int[chunks][];
            for (int k = 0; k < chunks; k++) {
                all[k] = IntStream.range(k * TOWN_CHUNK, Math.min(towns, (k + 1) * TOWN_CHUNK)).toArray();
            }
            for (int v = 0; v < complete.length; v++) {
                boolean[] c = complete[v];
                for (int k = 0; k < chunks; k++) {
                    whole[v][k] = Arrays.stream(all[k]).filter(t -> c[t]).toArray();
                    partial[v][k] = Arrays.stream(all[k]).filter(t -> !c[t]).toArray();
                }
            }
        }
    }

    /** The working buffers of one block of draws (one thread's). */
    private final class Block {

        private final Towns byChunk;
        private final int[][] ranks;
        private final int towns = scores.towns.size();
        private final int indicators = aggregator.indicators();
        private final double[] node = new double[aggregator.nodes()];
        private final double[] coverage = new double[aggregator.nodes()];

        Block(Towns byChunk, int[][] ranks) {
            this.byChunk = byChunk;
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
            for (int k = 0; k * TOWN_CHUNK < towns; k++) {
                for (int j = 0; j < n; j++) {
                    composites(from + j, shares[j], composite[j], k);
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

        /** The composites of the towns of chunk {@code k} in draw {@code d}. */
        private void composites(int d, double[] shares, double[] composite, int k) {
            int variant = plan.variant[d];
            double[] s = scores.flat[variant];
            int[] whole = shares == null ? NONE : byChunk.whole[variant][k];
            int p = 0;
            // four towns at once: four independent sums (each in the same order as alone) keep the core busy
            for (; p + 3 < whole.length; p += 4) {
                int a = whole[p] * indicators;
                int b = whole[p + 1] * indicators;
                int c = whole[p + 2] * indicators;
                int e = whole[p + 3] * indicators;
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
                composite[whole[p]] = sa;
                composite[whole[p + 1]] = sb;
                composite[whole[p + 2]] = sc;
                composite[whole[p + 3]] = se;
            }
            for (; p < whole.length; p++) {
                composite[whole[p]] = one(variant, shares, whole[p]);
            }
            // without the linear shortcut (a geometric level) every town goes through the tree
            int[] rest = shares == null ? byChunk.all[k] : byChunk.partial[variant][k];
            for (int t : rest) {
                composite[t] = tree(d, variant, t);
            }
        }

        /** One town's composite when it has every score: the dot product with the draw's shares. */
        private double one(int variant, double[] shares, int t) {
            double[] s = scores.flat[variant];
            int base = t * indicators;
            double sum = 0;
            for (int i = 0; i < indicators; i++) {
                sum += shares[i] * s[base + i];
            }
            return sum;
        }

        /** One town's composite in draw {@code d} by the aggregation tree (coverage rule included). */
        private double tree(int d, int variant, int t) {
            double[] s = scores.flat[variant];
            int base = t * indicators;
            System.arraycopy(s, base, node, 0, indicators);
            for (int i = 0; i < indicators; i++) {
                coverage[i] = Double.isNaN(s[base + i]) ? Double.NaN : 1.0;
            }
            aggregator.aggregate(node, coverage, plan.weights[d]);
            return node[aggregator.composite()];
        }
    }
}
