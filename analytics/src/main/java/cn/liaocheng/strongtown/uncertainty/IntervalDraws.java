package cn.liaocheng.strongtown.uncertainty;

import java.util.SplittableRandom;

import cn.liaocheng.strongtown.scoring.Aggregator;

/**
 * The draws of one year, the one home of the Monte Carlo's randomness for both ways of computing the
 * intervals (in Java, {@link MonteCarlo}; in SQL, stages 13–14 over the table {@link SqlIntervals} makes of
 * these): each draw picks a normalisation variant (0 configured, 1 min–max, 2 z-score) and multiplies every
 * weight of the tree by an independent uniform factor in [1 − noise, 1 + noise]. Seeded, so both ways see
 * the very same draws.
 */
final class IntervalDraws {

    /** [draw] */
    final int[] variant;
    /** [draw][aggregate][child], in the {@link Aggregator}'s order. */
    final double[][][] weights;

    private IntervalDraws(int[] variant, double[][][] weights) {
        this.variant = variant;
        this.weights = weights;
    }

    static IntervalDraws of(Aggregator model, long seed, int draws, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] base = model.weights();
        int[] variant = new int[draws];
        double[][][] weights = new double[draws][][];
        for (int d = 0; d < draws; d++) {
            variant[d] = random.nextInt(YearScores.VARIANTS);
            double[][] w = new double[base.length][];
            for (int a = 0; a < w.length; a++) {
                w[a] = new double[base[a].length];
                for (int i = 0; i < base[a].length; i++) {
                    w[a][i] = base[a][i] * (1 + noise * (2 * random.nextDouble() - 1));
                }
            }
            weights[d] = w;
        }
        return new IntervalDraws(variant, weights);
    }

    /** The seed of a year's draws: each year draws on its own. */
    static long seedOfYear(long seed, int year) {
        return seed ^ (31L * year);
    }

    int draws() {
        return variant.length;
    }
}
