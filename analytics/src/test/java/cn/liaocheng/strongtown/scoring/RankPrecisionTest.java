package cn.liaocheng.strongtown.scoring;

import static cn.liaocheng.strongtown.scoring.StageHarness.T1;
import static cn.liaocheng.strongtown.scoring.StageHarness.T2;
import static cn.liaocheng.strongtown.scoring.StageHarness.T3;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;

/** Ranks compare scores at the precision the league table shows (the catalog's ranking.decimals, default 1). */
class RankPrecisionTest {

    /** T1 scores 58.04 and T2 57.96 on every indicator (both shown as 58.0), T3 50. */
    private static Map<String, Map<String, Object>> composites(Catalog catalog) {
        return composites(List.of(catalog), 2024).get(2024);
    }

    /**
     * The same scores in each of {@code years}, every year ranked and banded with the version in force for it;
     * year → town or county code → its row.
     */
    private static Map<Integer, Map<String, Map<String, Object>>> composites(List<Catalog> versions, int... years) {
        try (StageHarness harness = new StageHarness(versions.get(0))) {
            CatalogTables.inForce(CatalogVersions.inForce(versions)).forEach(harness.engine::register);
            String oneYear = """
                    SELECT town_code, %4$d AS year, indicator_id, CAST(score AS DOUBLE) AS value, CAST(score AS DOUBLE) AS score
                    FROM (VALUES ('%1$s', 'up', 58.04), ('%1$s', 'down', 58.04), ('%1$s', 'goal', 58.04),
                                 ('%2$s', 'up', 57.96), ('%2$s', 'down', 57.96), ('%2$s', 'goal', 57.96),
                                 ('%3$s', 'up', 50.0), ('%3$s', 'down', 50.0), ('%3$s', 'goal', 50.0))
                         t(town_code, indicator_id, score)""";
            harness.table("indicator_scores", String.join(" UNION ALL ", IntStream.of(years)
                    .mapToObj(year -> oneYear.formatted(T1, T2, T3, year)).toList()));
            harness.table("designations", "SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR) AS town_code WHERE FALSE");
            harness.aggregate().run("08_ranked_scores", "11_county_scores");
            Map<Integer, Map<String, Map<String, Object>>> rows = new HashMap<>();
            harness.query("SELECT * FROM ranked_scores WHERE item_type = 'composite'")
                    .forEach(r -> rows.computeIfAbsent((Integer) r.get("year"), y -> new HashMap<>())
                            .put((String) r.get("town_code"), r));
            harness.query("SELECT county_code AS town_code, year, rank FROM county_scores")
                    .forEach(r -> rows.get((Integer) r.get("year")).put((String) r.get("town_code"), r));
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

    @Test
    void bandsAreDecidedOnThePublishedScore() {
        // T2 scores 57.96, shown as 58.0: in the band from 58 as its rank says, not below it on its 6 decimals
        String bands = "bands: [{id: high, name: {zh: 高, en: High}, min: 58}, {id: low, name: {zh: 低, en: Low}, min: 0}]\n";
        Map<String, Map<String, Object>> shownAt1 = composites(StageHarness.tinyCatalog(yaml -> yaml + bands));
        assertThat(shownAt1.get(T1).get("band")).isEqualTo("high");
        assertThat(shownAt1.get(T2).get("band")).isEqualTo("high");
        assertThat(shownAt1.get(T3).get("band")).isEqualTo("low");
        Map<String, Map<String, Object>> shownAt2 = composites(StageHarness.tinyCatalog(
                yaml -> yaml.replace("ranking: {", "ranking: {decimals: 2, ") + bands));
        assertThat(shownAt2.get(T2).get("band")).as("57.96 at two decimals").isEqualTo("low");
    }

    @Test
    void eachYearRanksAndBandsWithItsVersion() {
        // version 1 (to 2024): one decimal, a band from 58; version 2 (from 2025): two decimals, a band from 57.9
        Catalog v1 = StageHarness.tinyCatalog(yaml -> yaml
                + "bands: [{id: high, name: {zh: 高, en: High}, min: 58}, {id: low, name: {zh: 低, en: Low}, min: 0}]\n");
        Catalog v2 = StageHarness.tinyCatalog(yaml -> yaml.replace("version: \"1\"", "version: \"2\"")
                .replace("applies_from_year: 2020", "applies_from_year: 2025").replace("ranking: {", "ranking: {decimals: 2, ")
                + "bands: [{id: top, name: {zh: 高, en: High}, min: 57.97}, {id: rest, name: {zh: 低, en: Low}, min: 0}]\n");
        Map<Integer, Map<String, Map<String, Object>>> rows = composites(List.of(v2, v1), 2024, 2025);
        assertThat(rows.get(2024).get(T2).get("rank_city")).as("58.0 and 58.0").isEqualTo(1L);
        assertThat(rows.get(2024).get(T2).get("band")).isEqualTo("high");
        assertThat(rows.get(2025).get(T2).get("rank_city")).as("58.04 and 57.96").isEqualTo(2L);
        assertThat(rows.get(2025).get(T2).get("band")).isEqualTo("rest");
        assertThat(rows.get(2025).get(T1).get("band")).isEqualTo("top");
    }
}
