package cn.liaocheng.strongtown.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.scoring.Aggregator;
import cn.liaocheng.strongtown.scoring.CompetitionRanks;

/**
 * The Monte Carlo computes its draws in blocks, on all cores, four towns' sums at a time: its ranks must be the
 * very ones of computing one draw after another, each town alone — the loop it replaced, kept here as the
 * reference — bit for bit, on the real catalog, with missing scores (the tree path) among complete towns
 * (the dot-product path), a town count not a multiple of four and a draw count not a multiple of a block.
 */
class MonteCarloTest {

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "geometric"})
    void blocksOfDrawsOnAllCoresRankAsOneDrawAtATime(String aggregation) throws IOException {
        Aggregator model = Aggregator.of(TestCatalogs.real(aggregation));
        YearScores scores = scores(model, 301);
        IntervalDraws plan = IntervalDraws.of(model, 11, MonteCarlo.BLOCK * 3 + 5, 0.25);

        int[][] ranks = new MonteCarlo(scores, model, plan).draw();

        assertThat(ranks).isDeepEqualTo(oneDrawAtATime(scores, model, plan));
        assertThat(Arrays.stream(ranks).filter(r -> Arrays.stream(r).distinct().count() > 1))
                .as("towns whose rank changes between draws").isNotEmpty();
    }

    /** {@code towns} towns of one year, every indicator, scores spread at random, one in twelve missing. */
    private static YearScores scores(Aggregator model, int towns) {
        SplittableRandom random = new SplittableRandom(3);
        return YearScores.load(reader -> {
            for (int t = 0; t < towns; t++) {
                for (int i = 0; i < model.indicators(); i++) {
                    boolean missing = random.nextInt(12) == 0;
                    double[] values = {random.nextDouble() * 100, random.nextDouble() * 100, random.nextGaussian() * 10 + 50};
                    String town = "T" + t;
                    String indicator = model.id(i);
                    if (!missing) {
                        reader.read(new SqlEngine.TypedRow() {
                            @Override
                            public String string(int column) {
                                return column == 0 ? town : indicator;
                            }

                            @Override
                            public int integer(int column) {
                                return 2024;
                            }

                            @Override
                            public double number(int column) {
                                return values[column - 3];
                            }
                        });
                    }
                }
            }
        }, model).get(2024);
    }

    /** The Monte Carlo as it was before issue 15's sixth round: one draw after another, each town alone. */
    private static int[][] oneDrawAtATime(YearScores scores, Aggregator aggregator, IntervalDraws plan) {
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
            double[] shares = linear ? Arrays.copyOf(aggregator.shares(w), indicators) : null;
            for (int t = 0; t < towns; t++) {
                double[] s = Arrays.copyOfRange(scores.flat[variant], t * indicators, (t + 1) * indicators);
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
