package cn.liaocheng.strongtown.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.town.Town;

/**
 * The method is written once in SQL (stages 07–08) and once in Java ({@link Aggregator},
 * {@link CompetitionRanks}); this test holds the two equal on a catalog with groups, geometric and
 * arithmetic levels and a coverage rule at every level, with missing values, scores below the geometric
 * floor, exact ties and ties at the shown precision.
 */
class AggregationEqualityTest {

    private static final int YEAR = 2024;

    static Catalog equalityCatalog() {
        try (InputStream in = AggregationEqualityTest.class.getResourceAsStream("equality-catalog.yaml")) {
            return CatalogLoader.parse(in, "equality-catalog.yaml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seeded scores of 60 towns; some missing, some 0 (below the floor), some towns copies of others. */
    private static Map<String, double[]> scores(Aggregator aggregator, List<String> towns) {
        SplittableRandom random = new SplittableRandom(13);
        Map<String, double[]> scores = new HashMap<>();
        for (int t = 0; t < towns.size(); t++) {
            double[] s = new double[aggregator.indicators()];
            for (int i = 0; i < s.length; i++) {
                double u = random.nextDouble();
                s[i] = u < 0.2 ? Double.NaN : u < 0.27 ? 0.0 : Math.round(random.nextDouble() * 1000) / 10.0;
            }
            if (t % 10 == 9) {
                s = scores.get(towns.get(t - 1)).clone();   // an exact tie with the town before
            }
            scores.put(towns.get(t), s);
        }
        return scores;
    }

    @Test
    void sqlStagesAndJavaAggregatorGiveEqualScoresCoverageAndRanks() {
        Catalog catalog = equalityCatalog();
        Aggregator aggregator = Aggregator.of(catalog);
        List<String> towns = StageHarness.TOWNS.towns().stream().map(Town::code).sorted().limit(60).toList();
        Map<String, double[]> scores = scores(aggregator, towns);
        try (StageHarness harness = new StageHarness(catalog)) {
            StringJoiner rows = new StringJoiner(", ");
            scores.forEach((town, s) -> {
                for (int i = 0; i < s.length; i++) {
                    if (!Double.isNaN(s[i])) {
                        rows.add("('" + town + "', '" + aggregator.id(i) + "', " + s[i] + ")");
                    }
                }
            });
            harness.table("indicator_scores", "SELECT town_code, " + YEAR + " AS year, indicator_id, "
                    + "CAST(score AS DOUBLE) AS value, CAST(score AS DOUBLE) AS score FROM (VALUES " + rows
                    + ") t(town_code, indicator_id, score)");
            harness.aggregate().run("08_ranked_scores");

            Map<String, Map<String, Object>> sql = new HashMap<>();
            harness.query("SELECT town_code, item_id, score, coverage, rank_city FROM ranked_scores "
                    + "WHERE item_type <> 'indicator'").forEach(r -> sql.put(r.get("town_code") + "/" + r.get("item_id"), r));

            double[] composites = new double[towns.size()];
            int compared = 0;
            int insufficient = 0;
            for (int t = 0; t < towns.size(); t++) {
                double[] node = new double[aggregator.nodes()];
                double[] coverage = new double[aggregator.nodes()];
                double[] s = scores.get(towns.get(t));
                for (int i = 0; i < aggregator.indicators(); i++) {
                    node[i] = s[i];
                    coverage[i] = Double.isNaN(s[i]) ? Double.NaN : 1.0;
                }
                aggregator.aggregate(node, coverage, aggregator.weights());
                for (int n = aggregator.indicators(); n < aggregator.nodes(); n++) {
                    Map<String, Object> row = sql.get(towns.get(t) + "/" + aggregator.id(n));
                    String where = towns.get(t) + " " + aggregator.id(n);
                    if (row == null) {
                        assertThat(coverage[n]).as(where + ": no children with data in SQL").isNaN();
                        continue;
                    }
                    assertThat(number(row.get("coverage"))).as(where + " coverage").isCloseTo(coverage[n], within(1e-9));
                    if (row.get("score") == null) {
                        assertThat(node[n]).as(where + ": below the coverage rule in SQL").isNaN();
                    } else {
                        assertThat(number(row.get("score"))).as(where + " score").isCloseTo(node[n], within(1e-9));
                        compared++;
                    }
                }
                composites[t] = node[aggregator.composite()];
                insufficient += Double.isNaN(composites[t]) ? 1 : 0;
            }
            assertThat(compared).as("aggregates compared").isGreaterThan(200);
            assertThat(insufficient).as("towns below the composite's coverage rule").isBetween(3, 40);

            int[] ranks = CompetitionRanks.of(composites, catalog.ranking().rankDecimals());
            List<Integer> tiedRanks = new ArrayList<>();
            for (int t = 0; t < towns.size(); t++) {
                Map<String, Object> row = sql.get(towns.get(t) + "/composite");
                Object sqlRank = row == null ? null : row.get("rank_city");
                if (Double.isNaN(composites[t])) {
                    assertThat(sqlRank).as(towns.get(t) + ": no rank without a composite").isNull();
                } else {
                    assertThat(((Number) sqlRank).intValue()).as(towns.get(t) + " rank").isEqualTo(ranks[t]);
                    int rank = ranks[t];
                    if (Arrays.stream(ranks).filter(r -> r == rank).count() > 1) {
                        tiedRanks.add(rank);
                    }
                }
            }
            assertThat(tiedRanks).as("the data hold ties").isNotEmpty();
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
