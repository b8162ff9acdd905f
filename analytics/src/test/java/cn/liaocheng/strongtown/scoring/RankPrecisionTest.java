package cn.liaocheng.strongtown.scoring;

import static cn.liaocheng.strongtown.scoring.StageHarness.T1;
import static cn.liaocheng.strongtown.scoring.StageHarness.T2;
import static cn.liaocheng.strongtown.scoring.StageHarness.T3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;

/** Ranks compare scores at the precision the league table shows (the catalog's ranking.decimals, default 1). */
class RankPrecisionTest {

    /** T1 scores 58.04 and T2 57.96 on every indicator (both shown as 58.0), T3 50. */
    private static Map<String, Map<String, Object>> composites(Catalog catalog) {
        try (StageHarness harness = new StageHarness(catalog)) {
            harness.table("indicator_scores", """
                    SELECT town_code, 2024 AS year, indicator_id, CAST(score AS DOUBLE) AS value, CAST(score AS DOUBLE) AS score
                    FROM (VALUES ('%1$s', 'up', 58.04), ('%1$s', 'down', 58.04), ('%1$s', 'goal', 58.04),
                                 ('%2$s', 'up', 57.96), ('%2$s', 'down', 57.96), ('%2$s', 'goal', 57.96),
                                 ('%3$s', 'up', 50.0), ('%3$s', 'down', 50.0), ('%3$s', 'goal', 50.0))
                         t(town_code, indicator_id, score)""".formatted(T1, T2, T3));
            harness.table("designations", "SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR) AS town_code WHERE FALSE");
            harness.aggregate().run("08_ranked_scores", "11_county_scores");
            Map<String, Map<String, Object>> rows = new HashMap<>();
            harness.query("SELECT * FROM ranked_scores WHERE item_type = 'composite'")
                    .forEach(r -> rows.put((String) r.get("town_code"), r));
            harness.query("SELECT county_code AS town_code, rank FROM county_scores")
                    .forEach(r -> rows.put((String) r.get("town_code"), r));
            return rows;
        }
    }

    @Test
    void twoTownsShownAs58Point0ShareTheRank() {
        Map<String, Map<String, Object>> rows = composites(StageHarness.tinyCatalog());
        assertThat(rows.get(T1).get("rank_city")).isEqualTo(1L);
        assertThat(rows.get(T2).get("rank_city")).isEqualTo(1L);
        assertThat(rows.get(T3).get("rank_city")).as("1, 1, 3").isEqualTo(3L);
        assertThat(rows.get(T2).get("rank_county")).isEqualTo(1L);
        assertThat(rows.get(T2).get("rank_type")).isEqualTo(rows.get(T1).get("rank_type"));
    }

    @Test
    void theCatalogSetsThePrecision() {
        Map<String, Map<String, Object>> rows = composites(StageHarness.tinyCatalog(
                yaml -> yaml.replace("ranking: {", "ranking: {decimals: 2, ")));
        assertThat(rows.get(T1).get("rank_city")).isEqualTo(1L);
        assertThat(rows.get(T2).get("rank_city")).isEqualTo(2L);
    }

    @Test
    void countiesShownAlikeShareTheRank() {
        // 东昌府区 mean (58.04 + 57.96) / 2 = 58.0; 莘县 50: ranks 1 and 2; at 0 decimals 58 vs 50 still differ
        Map<String, Map<String, Object>> rows = composites(StageHarness.tinyCatalog());
        assertThat(rows.get(T1.substring(0, 6)).get("rank")).isEqualTo(1L);
        assertThat(rows.get(T3.substring(0, 6)).get("rank")).isEqualTo(2L);
    }
}
