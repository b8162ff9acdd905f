package cn.liaocheng.strongtown.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/** The same stage SQL on DuckDB and on Spark (local mode) gives the same published marts. */
class EngineParityTest {

    private static final Path DATA = DataDir.locate();
    private static final double TOLERANCE = 1e-9;

    @TempDir
    static Path root;
    static Lake lake;
    static String duckSnapshot;
    static String sparkSnapshot;

    @BeforeAll
    static void scoreWithBothEngines() {
        lake = new Lake(root.resolve("lake"));
        Catalog catalog = CatalogRepository.load(DATA.resolve("catalog")).newest();
        new DemoDataGenerator(TownRegistry.load(DATA.resolve("reference")), catalog)
                .generate(lake, new DemoSpec(11, 0.03, 2019, 2025), ProgressListener.NONE);
        duckSnapshot = ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);
        sparkSnapshot = SparkScoringJob.run(LocalSpark.session(), lake.root().toUri().toString(), DATA, true);
    }

    @Test
    void sparkPublishesItsSnapshotAtomically() {
        assertThat(sparkSnapshot).isNotEqualTo(duckSnapshot);
        assertThat(SnapshotPointer.current(lake)).contains(sparkSnapshot);
        assertThat(lake.snapshot(sparkSnapshot).resolve(ScoringPipeline.MANIFEST)).isRegularFile();
        assertThat(lake.marts().toFile().list()).noneMatch(name -> name.startsWith(".staging"));
    }

    @Test
    void scoresAndRanksAreIdentical() {
        Map<String, Object> diff = compare("scores", "town_code, year, item_type, item_id",
                List.of("value", "score", "coverage", "score_change", "value_change_pct", "value_cagr3_pct"),
                List.of("county_code", "peer_type", "cluster", "rank_city", "rank_county", "rank_type", "rank_cluster",
                        "rank_change_city", "rank_change_county", "rank_progress", "band"));
        assertThat(((Number) diff.get("rows")).longValue()).isGreaterThan(136L * 7 * 40);
        assertThat(diff.get("mismatches")).as(diff.toString()).isEqualTo(0L);
    }

    @Test
    void indicatorValuesAreIdentical() {
        Map<String, Object> diff = compare("indicator_values", "town_code, year, indicator_id",
                List.of("value"), List.of("source", "revision", "flag"));
        assertThat(((Number) diff.get("rows")).longValue()).isGreaterThan(136L * 7 * 30);
        assertThat(diff.get("mismatches")).as(diff.toString()).isEqualTo(0L);
    }

    @Test
    void everyOtherMartIsIdentical() {
        assertIdentical("benchmarks", "year, item_type, item_id, scope, scope_id",
                List.of("score_p25", "score_median", "score_p75", "score_p90", "value_median", "value_p90"), List.of("towns"));
        assertIdentical("quality_flags", "town_code, year, indicator_id, flag",
                List.of("value", "reference_lo", "reference_hi", "z", "z_own"), List.of());
        assertIdentical("county_scores", "county_code, year",
                List.of("mean_score", "median_score", "best_score", "score_change"),
                List.of("towns", "top_band_towns", "designated_towns", "rank", "rank_change"));
        assertIdentical("rank_drivers", "town_code, year, item_type, item_id",
                List.of("score_change", "contribution"), List.of("driver_rank"));
        assertIdentical("rank_intervals", "town_code, year",
                List.of("rank_median", "rank_p5", "rank_p95"), List.of("rank_official", "overlaps_next", "draws"));
        assertIdentical("peer_groups", "town_code, year", List.of(), List.of("cluster"));
        assertIdentical("similar_towns", "town_code, year, similarity_rank", List.of("distance"),
                List.of("similar_town_code"));
    }

    private static void assertIdentical(String mart, String keys, List<String> numbers, List<String> exact) {
        Map<String, Object> diff = compare(mart, keys, numbers, exact);
        assertThat(((Number) diff.get("rows")).longValue()).as(mart + " rows").isPositive();
        assertThat(diff.get("mismatches")).as(mart + " " + diff).isEqualTo(0L);
    }

    /**
     * Full outer join of one mart from both snapshots: the row count, the keys found on one side only
     * ("unmatched") and, per column, the rows whose values differ (numbers beyond the tolerance).
     */
    private static Map<String, Object> compare(String mart, String keys, List<String> numbers, List<String> exact) {
        String a = DuckDb.literal(lake.snapshot(duckSnapshot).resolve(mart) + "/*.parquet");
        String b = DuckDb.literal(lake.snapshot(sparkSnapshot).resolve(mart) + "/*.parquet");
        StringBuilder counts = new StringBuilder("count(*) AS rows, count(*) FILTER (WHERE a.k IS NULL OR b.k IS NULL) AS unmatched");
        numbers.forEach(c -> counts.append(", count(*) FILTER (WHERE (a.").append(c).append(" IS NULL) <> (b.").append(c)
                .append(" IS NULL) OR abs(a.").append(c).append(" - b.").append(c).append(") > ").append(TOLERANCE)
                .append(") AS ").append(c));
        exact.forEach(c -> counts.append(", count(*) FILTER (WHERE a.").append(c).append(" IS DISTINCT FROM b.").append(c)
                .append(") AS ").append(c));
        String sql = "WITH a AS (SELECT *, concat_ws('|', " + keys + ") AS k FROM read_parquet(" + a + ")), "
                + "b AS (SELECT *, concat_ws('|', " + keys + ") AS k FROM read_parquet(" + b + ")) "
                + "SELECT " + counts + " FROM a FULL OUTER JOIN b ON a.k = b.k";
        try (DuckDbEngine duck = new DuckDbEngine()) {
            Map<String, Object> row = new LinkedHashMap<>(duck.query(sql).get(0));
            long mismatches = row.entrySet().stream().filter(e -> !e.getKey().equals("rows"))
                    .mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
            row.put("mismatches", mismatches);
            return row;
        }
    }
}
