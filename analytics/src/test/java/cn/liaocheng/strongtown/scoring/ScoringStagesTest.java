package cn.liaocheng.strongtown.scoring;

import static cn.liaocheng.strongtown.scoring.StageHarness.T1;
import static cn.liaocheng.strongtown.scoring.StageHarness.T2;
import static cn.liaocheng.strongtown.scoring.StageHarness.T3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;

/** Stages 02–08 on declared values of the tiny catalog (window 2 years), checked by hand. */
class ScoringStagesTest {

    private StageHarness harness;

    @BeforeEach
    void setUp() {
        scoreWith(StageHarness.tinyCatalog());
    }

    private void scoreWith(Catalog catalog) {
        if (harness != null) {
            harness.close();
        }
        harness = new StageHarness(catalog);
        scoreDeclarations(harness);
    }

    /** Declares the hand-computed values below and runs stages 02–08 on them. */
    static void scoreDeclarations(StageHarness harness) {
        declare(harness);
        harness.run("02_base_values", "03_indicator_values", "04_transformed_values", "05_pooled_statistics",
                "06_indicator_scores").aggregate().run("08_ranked_scores");
    }

    /** The declarations (2020–2021) that the tests below score by hand; no registry data. */
    static void declare(StageHarness harness) {
        harness.table("registry_measures", "SELECT CAST(NULL AS VARCHAR) AS town_code, CAST(NULL AS INTEGER) AS year, "
                + "CAST(NULL AS VARCHAR) AS measure, CAST(NULL AS DOUBLE) AS value WHERE FALSE");
        harness.table("declarations", """
                SELECT town_code, CAST(year AS INTEGER) AS year, indicator_id, CAST(value AS DOUBLE) AS value,
                       CAST(revision AS INTEGER) AS revision
                FROM (VALUES
                  ('%1$s', 2020, 'up', 0, 1),   ('%2$s', 2020, 'up', 50, 1),   ('%3$s', 2020, 'up', 100, 1),
                  ('%1$s', 2021, 'up', 100, 1), ('%2$s', 2021, 'up', 150, 1),  ('%3$s', 2021, 'up', 200, 1),
                  ('%1$s', 2020, 'down', 10, 1),('%2$s', 2020, 'down', 20, 1), ('%3$s', 2020, 'down', 30, 1),
                  ('%1$s', 2021, 'down', 10, 1),('%2$s', 2021, 'down', 30, 1),
                  ('%1$s', 2020, 'goal', 25, 1),('%2$s', 2020, 'goal', 80, 1), ('%3$s', 2020, 'goal', 0, 1),
                  ('%1$s', 2021, 'goal', 50, 1),('%2$s', 2021, 'goal', 50, 1), ('%3$s', 2021, 'goal', 5000, 1),
                  ('%1$s', 2021, 'goal', 30, 2)
                ) t(town_code, year, indicator_id, value, revision)
                """.formatted(T1, T2, T3));
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private Double score(String town, int year, String item) {
        return harness.number("SELECT max(score) FROM ranked_scores WHERE town_code = '" + town + "' AND year = "
                + year + " AND item_id = '" + item + "'");
    }

    private Map<String, Object> row(String town, int year, String item) {
        List<Map<String, Object>> rows = harness.query("SELECT * FROM ranked_scores WHERE town_code = '" + town
                + "' AND year = " + year + " AND item_id = '" + item + "'");
        return rows.get(0);
    }

    @Test
    void minMaxPoolsTheWindowSoYearsCompare() {
        assertThat(score(T1, 2020, "up")).isEqualTo(0.0);
        assertThat(score(T2, 2020, "up")).isEqualTo(50.0);
        // 2021 pools 2020 and 2021: lo 0, hi 200
        assertThat(score(T1, 2021, "up")).isEqualTo(50.0);
        assertThat(score(T2, 2021, "up")).isEqualTo(75.0);
        assertThat(score(T3, 2021, "up")).isEqualTo(100.0);
    }

    @Test
    void growthMixesLevelAndCompoundGrowth() {
        // 'up' with growth (weight 0.5, 1 year): 2021 growth T2 150/50 - 1 = 2, T3 200/100 - 1 = 1, T1 from 0: none
        scoreWith(StageHarness.tinyCatalog(yaml -> yaml.replaceFirst("growth: false", "growth: true")));
        assertThat(score(T2, 2021, "up")).isEqualTo(0.5 * 75 + 0.5 * 100);
        assertThat(score(T3, 2021, "up")).isEqualTo(0.5 * 100 + 0.5 * 0);
        assertThat(score(T1, 2021, "up")).as("no growth from zero: level only").isEqualTo(50.0);
        assertThat(score(T2, 2020, "up")).as("no earlier year: level only").isEqualTo(50.0);
    }

    @Test
    void lowerIsBetterFlipsTheScale() {
        assertThat(score(T1, 2020, "down")).isEqualTo(100.0);
        assertThat(score(T2, 2020, "down")).isEqualTo(50.0);
        assertThat(score(T3, 2020, "down")).isEqualTo(0.0);
    }

    @Test
    void goalpostsCapAndNewestRevisionWins() {
        assertThat(score(T1, 2020, "goal")).isEqualTo(50.0);
        assertThat(score(T2, 2020, "goal")).isEqualTo(100.0);   // 80 is capped at the upper goalpost 50
        assertThat(score(T1, 2021, "goal")).isEqualTo(60.0);    // revision 2 (30) replaces revision 1 (50)
    }

    @Test
    void outOfRangeValuesAreFlaggedAndNotScored() {
        assertThat(harness.query("SELECT flag FROM indicator_values WHERE town_code = '" + T3
                + "' AND year = 2021 AND indicator_id = 'goal'").get(0).get("flag")).isEqualTo("out_of_range");
        assertThat(score(T3, 2021, "goal")).isNull();
        assertThat(score(T3, 2021, "composite")).as("re-weighted over dimension a only").isEqualTo(score(T3, 2021, "a"));
    }

    @Test
    void missingIndicatorsReweightWithinTheDimension() {
        // T3 has no 'down' in 2021: dimension a is its 'up' score alone, with half the weight covered
        Map<String, Object> a = row(T3, 2021, "a");
        assertThat((Double) a.get("score")).isEqualTo(100.0);
        assertThat((Double) a.get("coverage")).isEqualTo(0.5);
    }

    @Test
    void compositeIsTheWeightedMeanOfDimensions() {
        // 2020, T2: a = (50 + 50) / 2 = 50; b = 100; composite = 0.6 × 50 + 0.4 × 100 = 70
        assertThat(score(T2, 2020, "composite")).isCloseTo(70.0, within(1e-9));
        // T1: a = (0 + 100) / 2 = 50; b = 50 → 50.  T3: a = (100 + 0) / 2 = 50; b = 0 → 30
        assertThat(score(T1, 2020, "composite")).isCloseTo(50.0, within(1e-9));
        assertThat(score(T3, 2020, "composite")).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void geometricMeanPenalisesImbalance() {
        scoreWith(StageHarness.tinyCatalog(yaml -> yaml.replace("composite: arithmetic", "composite: geometric")));
        // 2020, T2: a = 50, b = 100 → 50^0.6 × 100^0.4 (arithmetic would give 70)
        assertThat(score(T2, 2020, "composite")).isCloseTo(Math.pow(50, 0.6) * Math.pow(100, 0.4), within(1e-9));
        // T3: b = 0 is lifted to 1 before the logarithm: 50^0.6 × 1^0.4
        assertThat(score(T3, 2020, "composite")).isCloseTo(Math.pow(50, 0.6), within(1e-9));
    }

    @Test
    void geometricMeanOnAZeroToOneOutputFloorsAtOnePercentOfTheRange() {
        // the floor 1.0 of a 0–100 scale would lift every score of a 0–1 scale to 1 and every composite to 1.000
        scoreWith(StageHarness.tinyCatalog(yaml -> yaml.replace("composite: arithmetic", "composite: geometric")
                .replace("normalise: {method: minmax}", "normalise: {method: minmax, output: [0, 1]}")
                .replace("max: 50}", "max: 50, output: [0, 1]}")));
        // 2020, T2: a = 0.5, b = 1 → 0.5^0.6 × 1^0.4; T3: b = 0 is lifted to the floor 0.01
        assertThat(score(T2, 2020, "composite")).isCloseTo(Math.pow(0.5, 0.6), within(1e-9));
        assertThat(score(T3, 2020, "composite")).isCloseTo(Math.pow(0.5, 0.6) * Math.pow(0.01, 0.4), within(1e-9));
    }

    @Test
    void ranksTiesTogether() {
        // dimension a in 2020: all three towns score 50 — one shared rank 1
        assertThat(harness.query("SELECT rank_city FROM ranked_scores WHERE year = 2020 AND item_id = 'a'"))
                .extracting(r -> r.get("rank_city")).containsOnly(1L);
        // 'up' 2021 ties nobody: 1, 2, 3 from the best
        assertThat(row(T3, 2021, "up").get("rank_city")).isEqualTo(1L);
        assertThat(row(T1, 2021, "up").get("rank_city")).isEqualTo(3L);
    }

    @Test
    void ranksWithinCountyAndTrackTheChange() {
        // composite 2020: T2 70 (1st), T1 50 (2nd), T3 30 (3rd); T3 is alone in its county
        assertThat(row(T2, 2020, "composite").get("rank_city")).isEqualTo(1L);
        assertThat(row(T1, 2020, "composite").get("rank_county")).isEqualTo(2L);
        assertThat(row(T3, 2020, "composite").get("rank_county")).isEqualTo(1L);
        // 2021: T1 a = (50 + 100)/2 = 75, b = 60 → 69; T2 a = (75 + 0)/2 = 37.5, b = 100 → 62.5; T3 = 100
        assertThat(score(T1, 2021, "composite")).isCloseTo(69.0, within(1e-9));
        assertThat(row(T3, 2021, "composite").get("rank_change_city")).isEqualTo(2L);
        assertThat(row(T2, 2021, "composite").get("rank_change_city")).isEqualTo(-2L);
    }
}
