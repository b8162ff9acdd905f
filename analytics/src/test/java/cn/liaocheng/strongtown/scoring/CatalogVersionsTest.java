package cn.liaocheng.strongtown.scoring;

import static cn.liaocheng.strongtown.scoring.StageHarness.T1;
import static cn.liaocheng.strongtown.scoring.StageHarness.T2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;

/**
 * Two catalog versions: version 2 applies from 2021 and changes the dimension weights (a 0.6 → 0.3,
 * b 0.4 → 0.7) and an indicator ('goal': goalposts 0–50 → 0–100). Each year is scored with its version.
 */
class CatalogVersionsTest {

    static final Catalog V1 = StageHarness.tinyCatalog(yaml -> yaml
            + "bands: [{id: v1-high, name: {zh: 高, en: High}, min: 60}, {id: v1-low, name: {zh: 低, en: Low}, min: 0}]\n");
    static final Catalog V2 = StageHarness.tinyCatalog(yaml -> yaml.replace("version: \"1\"", "version: \"2\"")
            .replace("applies_from_year: 2020", "applies_from_year: 2021")
            .replace("weight: 0.6}", "weight: 0.3}").replace("weight: 0.4}", "weight: 0.7}")
            .replace("min: 0, max: 50}", "min: 0, max: 100}")
            .replace("ranking: {", "ranking: {decimals: 0, ")
            + "bands: [{id: v2-high, name: {zh: 高, en: High}, min: 40}, {id: v2-low, name: {zh: 低, en: Low}, min: 0}]\n");

    private StageHarness harness;

    @BeforeEach
    void setUp() {
        harness = new StageHarness(V2);
        ScoringStagesTest.declare(harness);
        CatalogVersions.score(harness.engine, CatalogVersions.inForce(List.of(V2, V1)), ScoringUnit.of(StageHarness.TOWNS),
                version -> {
                    for (String stage : List.of("02_base_values", "03_indicator_values", "04_transformed_values",
                            "05_pooled_statistics", "06_indicator_scores")) {
                        harness.engine.materialise(stage.substring(3), ScoringPipeline.sql(stage));
                    }
                    ScoringPipeline.aggregate(harness.engine, CatalogTree.of(version), step -> { });
                });
        harness.run("08_ranked_scores");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private Double score(String town, int year, String item) {
        return harness.number("SELECT max(score) FROM ranked_scores WHERE town_code = '" + town + "' AND year = "
                + year + " AND item_id = '" + item + "'");
    }

    @Test
    void versionsAreInForceFromTheirYearUntilTheNext() {
        List<CatalogVersions.InForce> spans = CatalogVersions.inForce(List.of(V2, V1));
        assertThat(spans).extracting(s -> s.catalog().version()).containsExactly("1", "2");
        assertThat(spans.get(0).covers(2020)).isTrue();
        assertThat(spans.get(0).covers(2021)).isFalse();
        assertThat(spans.get(1).covers(2021)).isTrue();
        assertThat(spans.get(1).covers(2035)).isTrue();
    }

    @Test
    void theFirstYearKeepsTheFirstVersionsWeightsAndIndicator() {
        // 2020 under version 1: T2 a = 50, b = 100 (80 capped at goalpost 50) → 0.6 × 50 + 0.4 × 100
        assertThat(score(T2, 2020, "composite")).isCloseTo(70.0, within(1e-9));
        assertThat(score(T1, 2020, "goal")).as("25 of goalposts 0–50").isEqualTo(50.0);
    }

    @Test
    void laterYearsUseTheSecondVersion() {
        // 2021 under version 2: T1 goal (revision 2) 30 of goalposts 0–100 = 30; a = (50 + 100) / 2 = 75
        assertThat(score(T1, 2021, "goal")).isEqualTo(30.0);
        assertThat(score(T1, 2021, "composite")).isCloseTo(0.3 * 75 + 0.7 * 30, within(1e-9));
        assertThat(harness.number("SELECT COUNT(*) FROM ranked_scores WHERE year = 2021 AND item_id = 'composite'"))
                .as("one row per town and year, not one per version").isEqualTo(3.0);
    }

    @Test
    void rankDriversUseTheCompositeWeightsOfTheirYearsVersion() {
        CatalogVersions.rerun(harness.engine, CatalogVersions.inForce(List.of(V1, V2)), ScoringUnit.of(StageHarness.TOWNS),
                List.of("rank_drivers"), version -> harness.engine.materialise("rank_drivers",
                        ScoringPipeline.sql("12_rank_drivers")));
        // T1's dimension a: 50 in 2020, 75 in 2021; in 2021 (version 2) a weighs 0.3 of the composite, not 0.6
        assertThat(harness.number("SELECT contribution FROM rank_drivers WHERE town_code = '" + T1
                + "' AND year = 2021 AND item_id = 'a'")).isCloseTo(0.3 * 25, within(1e-9));
    }

    @Test
    void eachYearIsBandedWithItsVersionsBands() {
        // T1 and T2 are below v1's 60 in 2020 and above v2's 40 in 2021
        assertThat(harness.query("SELECT year, town_code, band FROM ranked_scores WHERE item_type = 'composite'"))
                .allSatisfy(r -> assertThat((String) r.get("band")).as(r.toString())
                        .startsWith(((Number) r.get("year")).intValue() == 2020 ? "v1-" : "v2-"));
        assertThat(harness.query("SELECT band FROM ranked_scores WHERE item_type = 'composite' AND town_code = '" + T1
                + "' ORDER BY year")).extracting(r -> r.get("band")).containsExactly("v1-low", "v2-high");
    }
}
