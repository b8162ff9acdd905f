package cn.liaocheng.strongtown.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;

/**
 * Each normalisation method, transform and outlier treatment on five towns whose values are
 * 10, 20, 30, 40, 50 in one year (window 1 year), checked against hand computation.
 */
class NormalisationMethodsTest {

    private static final List<String> TOWNS = StageHarness.TOWNS.towns().stream().limit(5)
            .map(t -> t.code()).toList();
    private static final double[] VALUES = {10, 20, 30, 40, 50};
    /** Sample standard deviation of the values: sqrt(1000 / 4). */
    private static final double SD = Math.sqrt(250);

    private static double[] scores(String indicatorSpec) {
        return scores(indicatorSpec, "");
    }

    /** Scores of the five towns for one indicator configured by {@code indicatorSpec} (YAML flow entries). */
    private static double[] scores(String indicatorSpec, String extraInputs) {
        String yaml = """
                id: one
                version: "1"
                applies_from_year: 2020
                name: {zh: 单指标, en: One indicator}
                normalisation_window_years: 1
                levels: {composite: arithmetic, dimension: arithmetic}
                dimensions:
                  - {id: d, name: {zh: 维度, en: D}, weight: 1.0}
                inputs:
                  - {id: resident_population, name: {zh: 常住人口, en: Population}, unit: {zh: 万人, en: 10k}, source: declared, valid_range: [0, 100]}
                indicators:
                  - {id: m, dimension: d, name: {zh: 指标, en: M}, unit: {zh: 个, en: n}, source: declared,
                     weight: 1.0, growth: false, valid_range: [0, 1000], %s}
                """.formatted(indicatorSpec);
        Catalog catalog = CatalogLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "one.yaml");
        StringBuilder rows = new StringBuilder();
        for (int t = 0; t < TOWNS.size(); t++) {
            rows.append(t == 0 ? "" : ", ").append("('").append(TOWNS.get(t)).append("', 'm', ").append(VALUES[t]).append(")")
                    .append(", ('").append(TOWNS.get(t)).append("', 'resident_population', ").append(t + 1).append(".0)");
        }
        try (StageHarness h = new StageHarness(catalog)) {
            h.table("registry_measures", "SELECT CAST(NULL AS VARCHAR) AS town_code, CAST(NULL AS INTEGER) AS year, "
                    + "CAST(NULL AS VARCHAR) AS measure, CAST(NULL AS DOUBLE) AS value WHERE FALSE");
            h.table("declarations", "SELECT town_code, 2024 AS year, indicator_id, CAST(value AS DOUBLE) AS value, "
                    + "1 AS revision FROM (VALUES " + rows + ") t(town_code, indicator_id, value)");
            h.run("02_base_values", "03_indicator_values", "04_transformed_values", "05_pooled_statistics",
                    "06_indicator_scores");
            double[] scores = new double[TOWNS.size()];
            for (int t = 0; t < TOWNS.size(); t++) {
                scores[t] = h.number("SELECT score FROM indicator_scores WHERE town_code = '" + TOWNS.get(t) + "'");
            }
            return scores;
        }
    }

    private static void assertScores(double[] actual, double... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("town %d", i + 1).isCloseTo(expected[i], within(1e-9));
        }
    }

    @Test
    void minMaxAndItsMirrorForLowerIsBetter() {
        assertScores(scores("direction: higher, transform: none, normalise: {method: minmax}"), 0, 25, 50, 75, 100);
        assertScores(scores("direction: lower, transform: none, normalise: {method: minmax}"), 100, 75, 50, 25, 0);
    }

    @Test
    void zScoreIsATScore() {
        double[] s = scores("direction: higher, transform: none, normalise: {method: zscore}");
        assertScores(s, 50 - 200 / SD, 50 - 100 / SD, 50, 50 + 100 / SD, 50 + 200 / SD);
        assertScores(scores("direction: lower, transform: none, normalise: {method: zscore}"),
                50 + 200 / SD, 50 + 100 / SD, 50, 50 - 100 / SD, 50 - 200 / SD);
    }

    @Test
    void percentileRank() {
        assertScores(scores("direction: higher, transform: none, normalise: {method: percentile}"), 0, 25, 50, 75, 100);
    }

    @Test
    void goalpostsCapUnlessToldNotTo() {
        assertScores(scores("direction: higher, transform: none, normalise: {method: goalposts, min: 20, max: 40}"),
                0, 0, 50, 100, 100);
        assertScores(scores("direction: higher, transform: none, normalise: {method: goalposts, min: 20, max: 40, cap: false}"),
                -50, 0, 50, 100, 150);
    }

    @Test
    void benchmarkAgainstTheBestOrAPercentile() {
        assertScores(scores("direction: higher, transform: none, normalise: {method: benchmark, ref: best}"), 20, 40, 60, 80, 100);
        // P90 of 10…50: h = 4 × 0.9 = 3.6 → 40 + 0.6 × 10 = 46
        assertScores(scores("direction: higher, transform: none, normalise: {method: benchmark, ref: p90}"),
                1000 / 46.0, 2000 / 46.0, 3000 / 46.0, 4000 / 46.0, 100);
        // lower is better: the best is the smallest, 100 × 10 / x
        assertScores(scores("direction: lower, transform: none, normalise: {method: benchmark, ref: best}"),
                100, 50, 100 / 3.0, 25, 20);
    }

    @Test
    void efficacyCoefficientMethod() {
        // 60 + 40 × (x − 20) / (40 − 20): 40, 60, 80, 100, 120 → capped to 0–100
        assertScores(scores("direction: higher, transform: none, normalise: {method: efficacy, allowed: 20, satisfactory: 40}"),
                40, 60, 80, 100, 100);
        // lower is better: 不允许值 above 满意值
        assertScores(scores("direction: lower, transform: none, normalise: {method: efficacy, allowed: 50, satisfactory: 10}"),
                100, 90, 80, 70, 60);
    }

    @Test
    void actualToTargetRatioWithCeilingAndFloor() {
        // ratios to 40: 0.25 (below the floor 0.5 → 0), 0.5, 0.75, 1.0, 1.25 (above the ceiling 1.2 → 120)
        assertScores(scores("direction: higher, transform: none, normalise: {method: target_ratio, target: 40, ceiling: 1.2, floor: 0.5}"),
                0, 50, 75, 100, 120);
    }

    @Test
    void outputRangeRescales() {
        assertScores(scores("direction: higher, transform: none, normalise: {method: minmax, output: [60, 100]}"),
                60, 70, 80, 90, 100);
    }

    @Test
    void winsorisesAtQuantilesOrStandardDeviations() {
        // quantiles 0.25 / 0.75 are 20 / 40: values clip to 20, 20, 30, 40, 40
        assertScores(scores("direction: higher, transform: none, winsorise: {lower: 0.25, upper: 0.75}, normalise: {method: minmax}"),
                0, 0, 50, 100, 100);
        // mean ± 1 sd = 30 ± 15.81: only the extremes clip
        double lo = 30 - SD;
        double span = 2 * SD;
        assertScores(scores("direction: higher, transform: none, winsorise: {sd: 1}, normalise: {method: minmax}"),
                0, 100 * (20 - lo) / span, 50, 100 * (40 - lo) / span, 100);
    }

    @Test
    void transformsBeforeNormalising() {
        // per 10k residents: populations 1…5 make every town 10 per 10k: a constant scores 50
        assertScores(scores("direction: higher, transform: per_10k_residents, normalise: {method: minmax}"), 50, 50, 50, 50, 50);
        double lo = Math.log(10);
        double span = Math.log(50) - lo;
        assertScores(scores("direction: higher, transform: log, normalise: {method: minmax}"),
                0, 100 * (Math.log(20) - lo) / span, 100 * (Math.log(30) - lo) / span, 100 * (Math.log(40) - lo) / span, 100);
        // goalposts are given in raw units and transformed like the values
        assertScores(scores("direction: higher, transform: log1p, normalise: {method: goalposts, min: 0, max: 50}"),
                100 * Math.log1p(10) / Math.log1p(50), 100 * Math.log1p(20) / Math.log1p(50),
                100 * Math.log1p(30) / Math.log1p(50), 100 * Math.log1p(40) / Math.log1p(50), 100);
    }
}
