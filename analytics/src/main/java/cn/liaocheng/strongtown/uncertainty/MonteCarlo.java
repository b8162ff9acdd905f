package cn.liaocheng.strongtown.uncertainty;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The draws of one year: composite of every town under perturbed choices, then competition ranks. */
final class MonteCarlo {

    private final YearScores scores;
    private final TreeModel model;
    private final SplittableRandom random;
    private final double noise;

    MonteCarlo(YearScores scores, TreeModel model, long seed, double noise) {
        this.scores = scores;
        this.model = model;
        this.random = new SplittableRandom(seed);
        this.noise = noise;
    }

    /** ranks[town][draw]; a town without a composite in a draw gets the last rank + 1. */
    int[][] draw(int draws) {
        int towns = scores.towns.size();
        int[][] ranks = new int[towns][draws];
        double[] node = new double[model.nodes()];
        double[] composite = new double[towns];
        boolean[][] complete = scores.complete();
        boolean linear = model.allArithmetic();
        for (int d = 0; d < draws; d++) {
            int variant = random.nextInt(YearScores.VARIANTS);
            double[][] w = perturbedWeights();
            // With arithmetic means all the way up, a town with every score present has a composite that is
            // a fixed weighted sum of its indicator scores: one dot product instead of the whole tree.
            double[] shares = linear ? compositeShares(w) : null;
            for (int t = 0; t < towns; t++) {
                double[] s = scores.scores[variant][t];
                if (linear && complete[variant][t]) {
                    double sum = 0;
                    for (int i = 0; i < s.length; i++) {
                        sum += shares[i] * s[i];
                    }
                    composite[t] = sum;
                } else {
                    System.arraycopy(s, 0, node, 0, model.indicators());
                    aggregate(node, w);
                    composite[t] = node[model.composite];
                }
            }
            int[] r = competitionRanks(composite);
            for (int t = 0; t < towns; t++) {
                ranks[t][d] = r[t];
            }
        }
        return ranks;
    }

    private double[][] perturbedWeights() {
        double[][] w = new double[model.childArrays.length][];
        for (int a = 0; a < w.length; a++) {
            double[] base = model.weightArrays[a];
            w[a] = new double[base.length];
            for (int i = 0; i < base.length; i++) {
                w[a][i] = base[i] * (1 + noise * (2 * random.nextDouble() - 1));
            }
        }
        return w;
    }

    /** Each indicator's share of the composite under the draw's weights (product of normalised weights on its path). */
    private double[] compositeShares(double[][] w) {
        double[] share = new double[model.nodes()];
        share[model.composite] = 1.0;
        for (int a = w.length - 1; a >= 0; a--) {
            double total = 0;
            for (double x : w[a]) {
                total += x;
            }
            double parent = share[model.indicators() + a];
            int[] children = model.childArrays[a];
            for (int i = 0; i < children.length; i++) {
                share[children[i]] = total == 0 ? 0 : parent * w[a][i] / total;
            }
        }
        return Arrays.copyOf(share, model.indicators());
    }

    /** Same rules as stage 07: re-weight over available children; geometric lifts scores below 1 to 1. */
    private void aggregate(double[] node, double[][] w) {
        for (int a = 0; a < w.length; a++) {
            int[] children = model.childArrays[a];
            boolean geometric = model.geometricArray[a];
            double sum = 0;
            double weight = 0;
            for (int i = 0; i < children.length; i++) {
                double s = node[children[i]];
                if (!Double.isNaN(s)) {
                    sum += w[a][i] * (geometric ? Math.log(Math.max(s, 1.0)) : s);
                    weight += w[a][i];
                }
            }
            double value = weight == 0 ? Double.NaN : sum / weight;
            node[model.indicators() + a] = geometric && !Double.isNaN(value) ? Math.exp(value) : value;
        }
    }

    /**
     * 1224 ranks of the composites, best first, compared at 6 decimals as stage 08 does. Sorts primitive
     * keys (score in millionths, negated, above the town index) instead of boxed indices: this runs once
     * per draw and is the hot loop at national scale.
     */
    static int[] competitionRanks(double[] composite) {
        int n = composite.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long micro = Double.isNaN(composite[i]) ? NO_SCORE : Math.round(composite[i] * 1e6);
            keys[i] = (-micro << INDEX_BITS) | i;
        }
        Arrays.sort(keys);
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            int town = (int) (keys[i] & INDEX_MASK);
            boolean tie = i > 0 && keys[i] >> INDEX_BITS == keys[i - 1] >> INDEX_BITS;
            ranks[town] = tie ? ranks[(int) (keys[i - 1] & INDEX_MASK)] : i + 1;
        }
        return ranks;
    }

    private static final int INDEX_BITS = 20;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** Below any real score, yet far from overflowing when negated and shifted. */
    private static final long NO_SCORE = -(1L << 42);
}
