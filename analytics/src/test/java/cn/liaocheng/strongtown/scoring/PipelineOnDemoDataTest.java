package cn.liaocheng.strongtown.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.demo.DemoSummary;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.ProgressListener;

/** The whole pipeline on a small demo lake: what the marts must say about data we know. */
class PipelineOnDemoDataTest {

    @TempDir
    static Path root;
    static DemoSummary demo;
    static DuckDbEngine engine;

    @BeforeAll
    static void run() {
        Path data = DataDir.locate();
        Catalog catalog = CatalogRepository.load(data.resolve("catalog")).newest();
        Lake lake = new Lake(root);
        demo = new DemoDataGenerator(StageHarness.TOWNS, catalog)
                .generate(lake, new DemoSpec(5, 0.05, 2019, 2025), ProgressListener.NONE);
        engine = new DuckDbEngine();
        ScoringPipeline.registerLake(engine, root.toString());
        new ScoringPipeline(catalog, ScoringUnit.of(StageHarness.TOWNS)).compute(engine, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private long count(String sql) {
        return ((Number) engine.query(sql).get(0).values().iterator().next()).longValue();
    }

    @Test
    void everyPlantedAnomalyIsFlagged() {
        for (String anomaly : demo.anomalies()) {
            String[] key = anomaly.split(":")[0].split("/");
            List<Map<String, Object>> flags = engine.query("SELECT flag FROM quality_flags WHERE town_code = '" + key[0]
                    + "' AND year = " + key[1] + " AND indicator_id = '" + key[2] + "'");
            assertThat(flags).as(anomaly).isNotEmpty();
        }
    }

    @Test
    void jumpsAreRareInOrdinaryData() {
        long values = count("SELECT count(*) FROM indicator_values");
        long jumps = count("SELECT count(*) FROM quality_flags WHERE flag = 'jump'");
        assertThat((double) jumps / values).isLessThan(0.02);
    }

    @Test
    void everyTownHasAStableClusterAndATypePeerRank() {
        assertThat(count("SELECT count(DISTINCT cluster) FROM peer_groups")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM ranked_scores WHERE item_type = 'composite' AND rank_cluster IS NULL")).isZero();
        assertThat(count("SELECT max(rank_type) FROM ranked_scores WHERE item_type = 'composite' AND peer_type = 'urban' "
                + "AND year = 2025")).isEqualTo(32);
        assertThat(count("SELECT count(*) FROM similar_towns WHERE year = 2025")).isEqualTo(136L * 5);
    }

    @Test
    void bandsProgressAndCountyTable() {
        assertThat(count("SELECT count(*) FROM ranked_scores WHERE item_type = 'composite' AND band IS NULL")).isZero();
        assertThat(count("SELECT count(DISTINCT band) FROM ranked_scores WHERE item_type = 'composite'")).isGreaterThan(2);
        assertThat(count("SELECT min(rank_progress) FROM ranked_scores WHERE item_type = 'composite' AND year = 2025")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM county_scores WHERE year = 2025")).isEqualTo(8);
        assertThat(count("SELECT sum(designated_towns) FROM county_scores WHERE year = 2025")).isEqualTo(30);
        assertThat(count("SELECT sum(designated_towns) FROM county_scores WHERE year = 2023")).isEqualTo(10);
        assertThat(count("SELECT sum(towns) FROM county_scores WHERE year = 2025")).isEqualTo(136);
    }

    @Test
    void rankDriversAddUpToTheCompositeChangeWhenNothingIsMissing() {
        List<Map<String, Object>> rows = engine.query("""
                SELECT c.town_code, c.score_change, sum(d.contribution) AS explained
                FROM ranked_scores c
                JOIN rank_drivers d ON d.town_code = c.town_code AND d.year = c.year AND d.item_type = 'dimension'
                JOIN ranked_scores p ON p.town_code = c.town_code AND p.year = c.year - 1 AND p.item_type = 'composite'
                WHERE c.item_type = 'composite' AND c.year = 2025 AND c.coverage = 1 AND p.coverage = 1
                GROUP BY c.town_code, c.score_change""");
        assertThat(rows).isNotEmpty();
        rows.forEach(r -> assertThat((Double) r.get("explained")).isCloseTo((Double) r.get("score_change"), within(1e-9)));
    }

    @Test
    void rankIntervalsBracketTheMedian() {
        assertThat(count("SELECT count(*) FROM rank_intervals WHERE year = 2025")).isEqualTo(136);
        assertThat(count("SELECT count(*) FROM rank_intervals WHERE NOT (rank_p5 <= rank_median AND rank_median <= rank_p95)")).isZero();
        assertThat(count("SELECT min(draws) FROM rank_intervals")).isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM rank_intervals WHERE overlaps_next")).isPositive();
    }

    @Test
    void benchmarksGiveCityAndPeerQuantiles() {
        Map<String, Object> city = engine.query("SELECT * FROM benchmarks WHERE year = 2025 AND item_type = 'composite' "
                + "AND scope = 'city'").get(0);
        assertThat(((Number) city.get("towns")).intValue()).isEqualTo(136);
        assertThat((Double) city.get("score_p25")).isLessThan((Double) city.get("score_median"));
        assertThat((Double) city.get("score_p75")).isLessThan((Double) city.get("score_p90"));
        assertThat(count("SELECT count(*) FROM benchmarks WHERE year = 2025 AND item_type = 'composite' AND scope = 'type'"))
                .isEqualTo(2);
    }

    /** Stage 09 runs once per scope that Java names; the SQL picks each scope's rows by that name. */
    @Test
    void benchmarksCoverEveryScopeTheStageNames() {
        Matcher named = Pattern.compile("WHEN '(\\w+)'").matcher(ScoringPipeline.sql(ScoringPipeline.BENCHMARK_STAGE));
        Set<String> inSql = new TreeSet<>();
        while (named.find()) {
            inSql.add(named.group(1));
        }
        assertThat(inSql).as("09_benchmarks.sql").containsExactlyInAnyOrderElementsOf(ScoringPipeline.BENCHMARK_SCOPES);
        assertThat(engine.query("SELECT DISTINCT scope FROM benchmarks").stream().map(r -> r.get("scope")).toList())
                .containsExactlyInAnyOrder("city", "type", "cluster");
    }
}
