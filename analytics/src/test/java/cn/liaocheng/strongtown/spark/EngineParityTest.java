package cn.liaocheng.strongtown.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
                List.of("value", "score", "coverage"),
                List.of("county_code", "rank_city", "rank_county", "rank_change_city", "rank_change_county"));
        assertThat(((Number) diff.get("rows")).longValue()).isGreaterThan(136L * 7 * 40);
        assertThat(diff.get("mismatches")).isEqualTo(0L);
    }

    @Test
    void indicatorValuesAreIdentical() {
        Map<String, Object> diff = compare("indicator_values", "town_code, year, indicator_id",
                List.of("value"), List.of("source", "revision", "flag"));
        assertThat(((Number) diff.get("rows")).longValue()).isGreaterThan(136L * 7 * 30);
        assertThat(diff.get("mismatches")).isEqualTo(0L);
    }

    /** Full outer join of one mart from both snapshots; counts rows that differ in any column. */
    private static Map<String, Object> compare(String mart, String keys, List<String> numbers, List<String> exact) {
        String a = DuckDb.literal(lake.snapshot(duckSnapshot).resolve(mart) + "/*.parquet");
        String b = DuckDb.literal(lake.snapshot(sparkSnapshot).resolve(mart) + "/*.parquet");
        StringBuilder differs = new StringBuilder("a.k IS NULL OR b.k IS NULL");
        numbers.forEach(c -> differs.append(" OR (a.").append(c).append(" IS NULL) <> (b.").append(c).append(" IS NULL)")
                .append(" OR abs(a.").append(c).append(" - b.").append(c).append(") > ").append(TOLERANCE));
        exact.forEach(c -> differs.append(" OR a.").append(c).append(" IS DISTINCT FROM b.").append(c));
        String sql = "WITH a AS (SELECT *, concat_ws('|', " + keys + ") AS k FROM read_parquet(" + a + ")), "
                + "b AS (SELECT *, concat_ws('|', " + keys + ") AS k FROM read_parquet(" + b + ")) "
                + "SELECT count(*) AS rows, count(*) FILTER (WHERE " + differs + ") AS mismatches "
                + "FROM a FULL OUTER JOIN b ON a.k = b.k";
        try (DuckDbEngine duck = new DuckDbEngine()) {
            return duck.query(sql).get(0);
        }
    }
}
