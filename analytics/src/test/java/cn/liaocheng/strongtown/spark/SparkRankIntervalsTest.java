package cn.liaocheng.strongtown.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.engine.InputTable.Type;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.scoring.CatalogTree;
import cn.liaocheng.strongtown.uncertainty.RankIntervals;

/**
 * On Spark the rank intervals are drawn on the executors ({@link SparkEngine#materialiseRankIntervals}): the
 * same rows as the Java Monte Carlo over the same scores in this JVM, and not one score row collected to the driver.
 */
class SparkRankIntervalsTest {

    /** 80 towns × 3 years × every indicator, scores spread by a hash, about one in nine missing. */
    private static final String SCORES = """
            SELECT town_code, CAST(year AS INTEGER) AS year, indicator_id,
                   CASE WHEN h % 9 = 0 THEN NULL ELSE (h % 1000) / 10.0 END AS score,
                   CASE WHEN h % 13 = 0 THEN NULL ELSE ((h / 7) % 1000) / 10.0 END AS score_minmax,
                   50 + ((h / 11) % 400) / 10.0 - 20 AS score_zscore
            FROM (SELECT 'T' || lpad(CAST(t AS VARCHAR), 3, '0') AS town_code, y AS year, i.indicator_id,
                         hash(t, y, i.indicator_id) % 1000003 AS h
                  FROM range(80) r(t), (VALUES (2023), (2024), (2025)) v(y), (VALUES %s) i(indicator_id))""";
    private static final String OFFICIAL = """
            SELECT town_code, year, 'composite' AS item_type,
                   CAST(RANK() OVER (PARTITION BY year ORDER BY hash(town_code, year) % 40) AS INTEGER) AS rank_city
            FROM (SELECT DISTINCT town_code, year FROM indicator_scores) t
            WHERE town_code NOT IN ('T007', 'T050')""";

    @Test
    void executorsDrawTheSameIntervalsAsTheJavaPathWithoutCollectingScores() {
        Catalog catalog = CatalogRepository.load(DataDir.locate().resolve("catalog")).newest();
        String indicators = String.join(", ", catalog.indicators().stream().map(i -> "('" + i.id() + "')").toList());
        List<Object[]> expected;
        InputTable scores;
        InputTable official;
        try (DuckDbEngine duck = new DuckDbEngine()) {
            duck.materialise("indicator_scores", SCORES.replace("%s", indicators));
            duck.materialise("ranked_scores", OFFICIAL);
            expected = RankIntervals.compute(duck, CatalogTree.of(catalog), 42, 300, 0.25).rows();
            scores = table(duck, "indicator_scores", List.of(new Column("town_code", Type.STRING),
                    new Column("year", Type.INT), new Column("indicator_id", Type.STRING), new Column("score", Type.DOUBLE),
                    new Column("score_minmax", Type.DOUBLE), new Column("score_zscore", Type.DOUBLE)));
            official = table(duck, "ranked_scores", List.of(new Column("town_code", Type.STRING),
                    new Column("year", Type.INT), new Column("item_type", Type.STRING), new Column("rank_city", Type.INT)));
        }
        SparkEngine spark = new SparkEngine(LocalSpark.session());
        try {
            spark.register(scores);
            spark.register(official);
            spark.materialiseRankIntervals("rank_intervals", catalog, 42, 300, 0.25, Integer.MIN_VALUE, Integer.MAX_VALUE);
            assertThat(spark.collectedSummary()).as("nothing collected while drawing").contains("共 0 行");

            List<List<Object>> actual = spark.query("SELECT * FROM rank_intervals ORDER BY year, town_code").stream()
                    .map(r -> (List<Object>) new ArrayList<>(r.values())).toList();
            assertThat(expected).hasSize(3 * 78);
            assertThat(expected.stream().filter(r -> (Double) r[5] > (Double) r[4])).as("intervals of some width").isNotEmpty();
            assertThat(actual).isEqualTo(expected.stream().map(Arrays::asList).toList());
        } finally {
            spark.close();
        }
    }

    private static InputTable table(DuckDbEngine duck, String name, List<Column> columns) {
        List<Object[]> rows = duck.query("SELECT * FROM " + name).stream().map(Map::values)
                .map(values -> values.stream().map(v -> v instanceof Long l ? (Object) l.intValue() : v).toArray())
                .toList();
        return new InputTable(name, columns, rows);
    }
}
