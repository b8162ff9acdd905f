package cn.liaocheng.strongtown.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.scoring.CatalogTree;

/**
 * The rank intervals have two homes, Java ({@link RankIntervals}, DuckDB's path) and SQL (stages 13–14,
 * {@link SqlIntervals}, Spark's path): for the same seed they must give the very same rows.
 */
class SqlIntervalsTest {

    /**
     * 120 towns × 2 years × every indicator of the real catalog, scores spread by a hash, about one score in
     * nine missing (so the coverage rule and re-normalised weights are exercised), the min–max and z-score
     * variants different from the configured one; official ranks for all but a few towns.
     */
    private static final String SCORES = """
            SELECT town_code, year, indicator_id, CASE WHEN h % 9 = 0 THEN NULL ELSE (h % 1000) / 10.0 END AS score,
                   CASE WHEN h % 13 = 0 THEN NULL ELSE ((h / 7) % 1000) / 10.0 END AS score_minmax,
                   50 + ((h / 11) % 400) / 10.0 - 20 AS score_zscore
            FROM (SELECT 'T' || lpad(CAST(t AS VARCHAR), 3, '0') AS town_code, y AS year, i.indicator_id,
                         hash(t, y, i.indicator_id) % 1000003 AS h
                  FROM range(120) r(t), (VALUES (2024), (2025)) v(y), (VALUES %s) i(indicator_id))""";
    private static final String OFFICIAL = """
            SELECT town_code, year, 'composite' AS item_type,
                   RANK() OVER (PARTITION BY year ORDER BY hash(town_code, year) %% 50) AS rank_city
            FROM (SELECT DISTINCT town_code, year FROM indicator_scores) t
            WHERE town_code NOT IN ('T007', 'T050')""";

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "geometric"})
    void sqlIntervalsEqualJavaIntervals(String aggregation) throws IOException {
        Catalog catalog = TestCatalogs.real(aggregation);
        CatalogTree tree = CatalogTree.of(catalog);
        String indicators = String.join(", ", catalog.indicators().stream().map(i -> "('" + i.id() + "')").toList());
        try (DuckDbEngine engine = new DuckDbEngine()) {
            engine.materialise("indicator_scores", SCORES.replace("%s", indicators));
            engine.materialise("ranked_scores", OFFICIAL.replace("%%", "%"));
            List<Object[]> java = RankIntervals.compute(engine, tree, 42, 300, 0.25).rows();
            SqlIntervals.materialise(engine, "sql_intervals", tree, 42, 300, 0.25, Integer.MIN_VALUE, Integer.MAX_VALUE);
            List<Object[]> sql = rows(engine.query("SELECT * FROM sql_intervals ORDER BY year, town_code"));

            assertThat(java).hasSize(2 * 118);
            assertThat(java.stream().filter(r -> (Double) r[5] > (Double) r[4])).as("intervals of some width").isNotEmpty();
            assertThat(java.stream().filter(r -> (Boolean) r[6])).as("some overlap the next town").isNotEmpty();
            assertThat(sql).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(java);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2025})
    void aYearRangeLimitsBothPathsAlike(int year) throws IOException {
        Catalog catalog = TestCatalogs.real("arithmetic");
        CatalogTree tree = CatalogTree.of(catalog);
        String indicators = String.join(", ", catalog.indicators().stream().map(i -> "('" + i.id() + "')").toList());
        try (DuckDbEngine engine = new DuckDbEngine()) {
            engine.materialise("indicator_scores", SCORES.replace("%s", indicators));
            engine.materialise("ranked_scores", OFFICIAL.replace("%%", "%"));
            List<Object[]> java = RankIntervals.compute(engine, tree, 7, 100, 0.25, year, year).rows();
            SqlIntervals.materialise(engine, "sql_intervals", tree, 7, 100, 0.25, year, year);
            assertThat(java).isNotEmpty().allMatch(r -> r[1].equals(year));
            assertThat(rows(engine.query("SELECT * FROM sql_intervals ORDER BY year, town_code")))
                    .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(java);
        }
    }

    private static List<Object[]> rows(List<Map<String, Object>> result) {
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> r : result) {
            rows.add(new Object[] {r.get("town_code"), ((Number) r.get("year")).intValue(),
                    ((Number) r.get("rank_official")).intValue(), ((Number) r.get("rank_median")).doubleValue(),
                    ((Number) r.get("rank_p5")).doubleValue(), ((Number) r.get("rank_p95")).doubleValue(),
                    r.get("overlaps_next"), ((Number) r.get("draws")).intValue()});
        }
        return rows;
    }
}
