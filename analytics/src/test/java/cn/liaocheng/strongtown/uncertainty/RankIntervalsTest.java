package cn.liaocheng.strongtown.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.scoring.CatalogTree;

class RankIntervalsTest {

    private static final String CATALOG = """
            id: mc
            version: "1"
            applies_from_year: 2020
            name: {zh: 测试, en: Test}
            normalisation_window_years: 1
            levels: {composite: arithmetic, dimension: arithmetic}
            dimensions:
              - {id: a, name: {zh: 甲, en: A}, weight: 0.5}
              - {id: b, name: {zh: 乙, en: B}, weight: 0.5}
            indicators:
              - {id: x, dimension: a, name: {zh: x, en: x}, unit: {zh: 个, en: n}, source: declared, direction: higher,
                 weight: 1.0, growth: false, transform: none, normalise: {method: minmax}, valid_range: [0, 100]}
              - {id: y, dimension: b, name: {zh: y, en: y}, unit: {zh: 个, en: n}, source: declared, direction: higher,
                 weight: 1.0, growth: false, transform: none, normalise: {method: minmax}, valid_range: [0, 100]}
            """;

    @Test
    void quantilesInterpolate() {
        assertThat(RankIntervals.quantile(new int[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(RankIntervals.quantile(new int[] {1, 2, 3, 4}, 0.05)).isEqualTo(1.15);
        assertThat(RankIntervals.quantile(new int[] {7}, 0.95)).isEqualTo(7.0);
    }

    @Test
    void ranksSortAlikeByCountingAndByComparing() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int spread : new int[] {1, 40, 4095, 4096, 40_000, 65_536, 70_000}) {
            int[] ranks = random.ints(1000, 100, 100 + spread).toArray();
            int[] expected = ranks.clone();
            java.util.Arrays.sort(expected);
            RankIntervals.sortRanks(ranks);
            assertThat(ranks).as("ranks spread over %d places", spread).containsExactly(expected);
        }
    }

    @Test
    void aClearLeaderIsSureAndTwinsOverlap() {
        Catalog catalog = CatalogLoader.parse(new ByteArrayInputStream(CATALOG.getBytes(StandardCharsets.UTF_8)), "mc.yaml");
        try (DuckDbEngine engine = new DuckDbEngine()) {
            // L leads on both indicators; T1 and T2 trade places (strong on one, weak on the other); Z trails
            engine.materialise("indicator_scores", """
                    SELECT town_code, 2024 AS year, indicator_id, score, score AS score_minmax, score AS score_zscore
                    FROM (VALUES ('L', 'x', 100.0), ('L', 'y', 100.0), ('T1', 'x', 70.0), ('T1', 'y', 30.0),
                                 ('T2', 'x', 30.0), ('T2', 'y', 70.0), ('Z', 'x', 0.0), ('Z', 'y', 0.0))
                         t(town_code, indicator_id, score)""");
            engine.materialise("ranked_scores", """
                    SELECT town_code, 2024 AS year, 'composite' AS item_type, rank_city
                    FROM (VALUES ('L', 1), ('T1', 2), ('T2', 2), ('Z', 4)) t(town_code, rank_city)""");
            InputTable table = RankIntervals.compute(engine, CatalogTree.of(catalog), 7, 400, 0.25);
            Map<String, Object[]> byTown = new HashMap<>();
            table.rows().forEach(r -> byTown.put((String) r[0], r));
            assertThat(byTown.get("L")).containsExactly("L", 2024, 1, 1.0, 1.0, 1.0, false, 400);
            Object[] t1 = byTown.get("T1");
            assertThat((Double) t1[4]).isEqualTo(2.0);      // P5: sometimes ahead of its twin
            assertThat((Double) t1[5]).isEqualTo(3.0);      // P95: sometimes behind it
            assertThat((Boolean) t1[6]).as("T1 overlaps T2").isTrue();
            assertThat(byTown.get("Z")).containsExactly("Z", 2024, 4, 4.0, 4.0, 4.0, false, 400);
            assertThat(RankIntervals.compute(engine, CatalogTree.of(catalog), 7, 400, 0.25).rows())
                    .as("seeded: the same draws again").usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(table.rows());
            assertThat(List.of(byTown.get("T2")[4], byTown.get("T2")[5])).containsExactly(2.0, 3.0);
        }
    }

    @Test
    void aTownBelowTheCoverageRuleDisplacesNobodyInTheDraws() {
        Catalog catalog = CatalogLoader.parse(new ByteArrayInputStream(CATALOG.getBytes(StandardCharsets.UTF_8)), "mc.yaml");
        try (DuckDbEngine engine = new DuckDbEngine()) {
            // P has only x (half the weight, below 75 %): however its weight is drawn, it gets no composite
            engine.materialise("indicator_scores", """
                    SELECT town_code, 2024 AS year, indicator_id, score, score AS score_minmax, score AS score_zscore
                    FROM (VALUES ('L', 'x', 60.0), ('L', 'y', 60.0), ('P', 'x', 100.0), ('Z', 'x', 10.0), ('Z', 'y', 10.0))
                         t(town_code, indicator_id, score)""");
            engine.materialise("ranked_scores", """
                    SELECT town_code, 2024 AS year, 'composite' AS item_type, rank_city
                    FROM (VALUES ('L', 1), ('Z', 2)) t(town_code, rank_city)""");
            Map<String, Object[]> byTown = new HashMap<>();
            RankIntervals.compute(engine, CatalogTree.of(catalog), 7, 200, 0.25).rows()
                    .forEach(r -> byTown.put((String) r[0], r));
            assertThat(byTown).doesNotContainKey("P");
            assertThat(byTown.get("L")).containsExactly("L", 2024, 1, 1.0, 1.0, 1.0, false, 200);
            assertThat(byTown.get("Z")).containsExactly("Z", 2024, 2, 2.0, 2.0, 2.0, false, 200);
        }
    }
}
