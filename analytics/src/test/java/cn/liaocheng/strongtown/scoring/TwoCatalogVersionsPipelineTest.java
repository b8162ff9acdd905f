package cn.liaocheng.strongtown.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.ProgressListener;

/**
 * The whole pipeline on a demo lake with two catalog versions ({@link TwoCatalogVersions}): from 2023 strength
 * weighs 0.25 and services 0.05 (not 0.20 and 0.10), and the first min–max indicator is normalised by
 * percentile rank.
 */
class TwoCatalogVersionsPipelineTest {

    @TempDir
    static Path root;
    static DuckDbEngine engine;
    static Catalog v1;
    static Catalog v2;

    @BeforeAll
    static void run() {
        v1 = TwoCatalogVersions.v1();
        v2 = TwoCatalogVersions.v2();
        TwoCatalogVersions.generate(new Lake(root));
        engine = new DuckDbEngine();
        ScoringPipeline.registerLake(engine, root.toString());
        new ScoringPipeline(List.of(v2, v1), ScoringUnit.of(StageHarness.TOWNS), 50).compute(engine, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** town → composite recomputed from its dimension scores with the given version's weights. */
    private static Map<String, double[]> composites(int year, Catalog catalog) {
        Map<String, double[]> byTown = new HashMap<>();
        engine.query("SELECT town_code, item_type, item_id, score FROM ranked_scores WHERE year = " + year
                + " AND item_type IN ('dimension', 'composite') AND score IS NOT NULL").forEach(r -> {
            double[] sums = byTown.computeIfAbsent((String) r.get("town_code"), k -> new double[2]);
            double score = ((Number) r.get("score")).doubleValue();
            if ("composite".equals(r.get("item_type"))) {
                sums[1] = score;
            } else {
                sums[0] += catalog.dimension((String) r.get("item_id")).orElseThrow().weight() * score;
            }
        });
        return byTown;
    }

    @Test
    void theVersionsDiffer() {
        assertThat(v1.dimension("strength").orElseThrow().weight()).isEqualTo(0.20);
        assertThat(v2.dimension("strength").orElseThrow().weight()).isEqualTo(0.25);
        assertThat(v2.indicators().stream().filter(i -> i.normalise().method().equals("percentile"))).hasSize(
                (int) v1.indicators().stream().filter(i -> i.normalise().method().equals("percentile")).count() + 1);
    }

    @Test
    void eachYearsCompositeHasItsVersionsWeights() {
        composites(2022, v1).forEach((town, c) -> assertThat(c[1]).as(town + " 2022").isCloseTo(c[0], within(1e-9)));
        Map<String, double[]> in2024 = composites(2024, v2);
        assertThat(in2024).isNotEmpty();
        in2024.forEach((town, c) -> assertThat(c[1]).as(town + " 2024").isCloseTo(c[0], within(1e-9)));
    }

    @Test
    void rankIntervalsAndDriversCoverEveryYear() {
        assertThat(engine.query("SELECT DISTINCT year FROM rank_intervals ORDER BY year")).hasSize(6);
        Map<String, Object> driver = engine.query("""
                SELECT d.contribution, d.score_change FROM rank_drivers d
                WHERE d.year = 2024 AND d.item_type = 'dimension' AND d.item_id = 'strength' AND d.score_change <> 0
                LIMIT 1""").get(0);
        assertThat(((Number) driver.get("contribution")).doubleValue())
                .isCloseTo(0.25 * ((Number) driver.get("score_change")).doubleValue(), within(1e-9));
    }
}
