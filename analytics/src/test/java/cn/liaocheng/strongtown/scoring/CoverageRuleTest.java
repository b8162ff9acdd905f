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

/**
 * The tiny catalog's declarations under the default coverage rule (the composite needs 75 % of its weight
 * with data). In 2021 T3 has data for dimension a only (its 'goal' is out of range) and only half of that:
 * coverage 0.6 × 0.5 = 0.3. Without the rule it would lead the city with 100.
 */
class CoverageRuleTest {

    private StageHarness harness;

    @BeforeEach
    void setUp() {
        harness = new StageHarness(StageHarness.tinyCatalog(yaml -> yaml.replace("ranking: {min_coverage: {composite: 0}}", "")));
        ScoringStagesTest.scoreDeclarations(harness);
        harness.table("designations", "SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR) AS town_code WHERE FALSE");
        harness.run("11_county_scores");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private Map<String, Object> row(String town, int year, String item) {
        return harness.query("SELECT * FROM ranked_scores WHERE town_code = '" + town + "' AND year = " + year
                + " AND item_id = '" + item + "'").get(0);
    }

    @Test
    void aTownWithOneDimensionGetsNoCompositeAndNoRank() {
        Map<String, Object> composite = row(T3, 2021, "composite");
        assertThat(composite.get("score")).isNull();
        assertThat(composite.get("rank_city")).isNull();
        assertThat(composite.get("band")).isNull();
        assertThat((Double) composite.get("coverage")).as("kept, to say what is missing").isCloseTo(0.3, within(1e-9));
        assertThat(row(T3, 2021, "a").get("score")).as("its dimension is still scored").isEqualTo(100.0);
    }

    @Test
    void itDisplacesNobody() {
        // T1 69, T2 62.5: first and second, as if T3 were not there
        assertThat(row(T1, 2021, "composite").get("rank_city")).isEqualTo(1L);
        assertThat(row(T2, 2021, "composite").get("rank_city")).isEqualTo(2L);
        assertThat(row(T1, 2021, "composite").get("rank_change_city")).isEqualTo(1L);
    }

    @Test
    void countyMeansFollowTheSameRule() {
        List<Map<String, Object>> counties = harness.query("SELECT county_code, towns, mean_score, rank FROM county_scores "
                + "WHERE year = 2021 ORDER BY rank");
        assertThat(counties).as("T3's county has no scored town in 2021").hasSize(1);
        assertThat(counties.get(0).get("county_code")).isEqualTo(T1.substring(0, 6));
        assertThat((Double) counties.get(0).get("mean_score")).isCloseTo((69.0 + 62.5) / 2, within(1e-9));
    }

    @Test
    void completeTownsAreUntouched() {
        // 2020: every town has every value, coverage 1
        assertThat((Double) row(T2, 2020, "composite").get("score")).isCloseTo(70.0, within(1e-9));
        assertThat(row(T3, 2020, "composite").get("rank_city")).isEqualTo(3L);
    }
}
