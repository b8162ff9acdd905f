package cn.liaocheng.strongtown.uncertainty;

import java.util.Arrays;

import cn.liaocheng.strongtown.scoring.Aggregator;
import cn.liaocheng.strongtown.scoring.CompetitionRanks;

/**
 * The draws of one year: composite of every town under perturbed choices, by the method's one aggregator
 * (coverage rule included), then its one ranking.
 */
final class MonteCarlo {

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
        int indicators = aggregator.indicators();
        int[][] ranks = new int[towns][draws];
        double[] node = new double[aggregator.nodes()];
        double[] coverage = new double[aggregator.nodes()];
        double[] composite = new double[towns];
        boolean[][] complete = scores.complete();
        boolean linear = aggregator.allArithmetic();
        for (int d = 0; d < draws; d++) {
            int variant = plan.variant[d];
            double[][] w = plan.weights[d];
            // With arithmetic means all the way up, a town with every score present (coverage 1 everywhere) has
            // a composite that is a fixed weighted sum of its indicator scores: one dot product, not the tree.
            double[] shares = linear ? Arrays.copyOf(aggregator.shares(w), indicators) : null;
            for (int t = 0; t < towns; t++) {
                double[] s = scores.scores[variant][t];
                if (linear && complete[variant][t]) {
                    double sum = 0;
                    for (int i = 0; i < s.length; i++) {
                        sum += shares[i] * s[i];
                    }
                    composite[t] = sum;
                } else {
                    System.arraycopy(s, 0, node, 0, indicators);
                    for (int i = 0; i < indicators; i++) {
                        coverage[i] = Double.isNaN(s[i]) ? Double.NaN : 1.0;
                    }
                    aggregator.aggregate(node, coverage, w);
                    composite[t] = node[aggregator.composite()];
                }
            }
            int[] r = CompetitionRanks.of(composite, aggregator.rankDecimals());
            for (int t = 0; t < towns; t++) {
                ranks[t][d] = r[t];
            }
        }
        return ranks;
    }
}
