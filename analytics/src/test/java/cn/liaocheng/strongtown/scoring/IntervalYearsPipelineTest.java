package cn.liaocheng.strongtown.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.ProgressListener;

/** The pipeline's scale levers: intervals for the newest years only, stage tables dropped, marts kept. */
class IntervalYearsPipelineTest {

    @Test
    void intervalsForTheNewestYearsOnlyAndStageTablesDroppedOnceRead(@TempDir Path root) {
        Catalog catalog = CatalogRepository.load(DataDir.locate().resolve("catalog")).newest();
        new DemoDataGenerator(StageHarness.TOWNS, catalog).generate(new Lake(root), new DemoSpec(3, 0.02, 2021, 2025),
                ProgressListener.NONE);
        try (DuckDbEngine engine = new DuckDbEngine()) {
            ScoringPipeline.registerLake(engine, root.toString());
            new ScoringPipeline(catalog, ScoringUnit.of(StageHarness.TOWNS), 50).withIntervalYears(2)
                    .compute(engine, ProgressListener.NONE);
            assertThat(engine.query("SELECT DISTINCT year FROM rank_intervals ORDER BY year"))
                    .extracting(r -> ((Number) r.get("year")).intValue()).containsExactly(2024, 2025);
            assertThat(engine.query("SELECT COUNT(DISTINCT year) AS n FROM ranked_scores").get(0).get("n"))
                    .isEqualTo(5L);
            List<String> tables = engine.query("SELECT table_name FROM duckdb_tables() UNION ALL "
                    + "SELECT view_name FROM duckdb_views() WHERE NOT internal").stream()
                    .map(r -> (String) r.get("table_name")).toList();
            assertThat(tables).doesNotContain("transformed_values", "pooled_statistics", "aggregate_scores",
                    "aggregate_scores_1", "base_values", "registry_measures", "indicator_scores");
            assertThat(tables).containsAll(ScoringPipeline.MARTS.values());
        }
    }

    @Test
    void aNegativeYearCountIsRefused() {
        Catalog catalog = CatalogRepository.load(DataDir.locate().resolve("catalog")).newest();
        ScoringPipeline pipeline = new ScoringPipeline(catalog, ScoringUnit.of(StageHarness.TOWNS));
        assertThatThrownBy(() -> pipeline.withIntervalYears(-1)).hasMessageContaining("区间年份数不能为负");
    }
}
