package cn.liaocheng.strongtown.spark;

import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;
import static cn.liaocheng.strongtown.engine.InputTable.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.scoring.CompetitionRanks;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;

/**
 * Stages 08 and 11 on scores at exact half edges give the same ranks, bands and county ranks on DuckDB, on
 * Spark and in Java ({@link CompetitionRanks}). At two decimals 1.005, 1.015, 0.145 and 0.285 are edges where
 * {@code ROUND} of a DOUBLE splits the engines (DuckDB scales the binary value, just below the half; Spark
 * rounds the shortest decimal text, exactly the half); 58.05 (one decimal) and 0.125 (two) sit exactly on the
 * half in binary as well. Year 2024 ranks at two decimals, 2025 at one (two catalog versions).
 */
class PublishedRoundingParityTest {

    /** town → county, composite score in 2024 (two decimals) and 2025 (one decimal). */
    private static final Object[][] COMPOSITES = {
            {"A1", "A", 1.005, 58.05}, {"A2", "A", 1.005, 58.1}, {"B1", "B", 1.0, 58.0},
            {"B2", "B", 1.0, 57.95}, {"C1", "C", 1.01, 58.15}};
    /** town → score of indicator x in 2024 (two decimals). */
    private static final Object[][] INDICATOR = {
            {"A1", 1.015}, {"A2", 1.02}, {"B1", 0.285}, {"B2", 0.29}, {"C1", 0.125}, {"D1", 0.13}, {"D2", 0.145},
            {"D3", 0.15}};

    static DuckDbEngine duck;
    static SparkEngine spark;

    @BeforeAll
    static void runStagesOnBothEngines() {
        duck = new DuckDbEngine();
        // a session of its own: its tables do not replace the other tests' views
        spark = new SparkEngine(LocalSpark.session().newSession());
        for (SqlEngine engine : List.of(duck, spark)) {
            inputs().forEach(engine::register);
            engine.materialise("ranked_scores", ScoringPipeline.sql("08_ranked_scores"));
            engine.materialise("county_scores", ScoringPipeline.sql("11_county_scores"));
        }
    }

    @AfterAll
    static void close() {
        duck.close();
        spark.close();
    }

    private static List<InputTable> inputs() {
        List<Object[]> towns = new ArrayList<>();
        List<Object[]> aggregates = new ArrayList<>();
        List<Object[]> indicators = new ArrayList<>();
        for (Object[] c : COMPOSITES) {
            towns.add(new Object[] {c[0], c[1], "镇"});
            aggregates.add(new Object[] {c[0], 2024, "composite", "composite", c[2], 1.0});
            aggregates.add(new Object[] {c[0], 2025, "composite", "composite", c[3], 1.0});
        }
        towns.add(new Object[] {"D1", "D", "镇"});
        towns.add(new Object[] {"D2", "D", "镇"});
        towns.add(new Object[] {"D3", "D", "镇"});
        for (Object[] i : INDICATOR) {
            indicators.add(new Object[] {i[0], 2024, "x", i[1], i[1]});
        }
        return List.of(
                new InputTable("towns", List.of(new Column("town_code", STRING), new Column("county_code", STRING),
                        new Column("peer_type", STRING)), towns),
                new InputTable("aggregate_scores", List.of(new Column("town_code", STRING), new Column("year", INT),
                        new Column("item_type", STRING), new Column("item_id", STRING), new Column("score", DOUBLE),
                        new Column("coverage", DOUBLE)), aggregates),
                new InputTable("indicator_scores", List.of(new Column("town_code", STRING), new Column("year", INT),
                        new Column("indicator_id", STRING), new Column("value", DOUBLE), new Column("score", DOUBLE)),
                        indicators),
                new InputTable("peer_groups", List.of(new Column("town_code", STRING), new Column("year", INT),
                        new Column("cluster", INT)), List.of()),
                new InputTable("designations", List.of(new Column("year", INT), new Column("town_code", STRING)),
                        List.of()),
                // the shape CatalogTables.inForce registers: version 1 to 2024 at two decimals, version 2 at one
                new InputTable("catalog_years", List.of(new Column("first_year", INT), new Column("last_year", INT),
                        new Column("version", STRING), new Column("rank_decimals", INT), new Column("rank_scale", DOUBLE)),
                        List.of(new Object[] {Integer.MIN_VALUE, 2024, "1", 2, 100.0},
                                new Object[] {2025, Integer.MAX_VALUE, "2", 1, 10.0})),
                new InputTable("catalog_bands", List.of(new Column("first_year", INT), new Column("last_year", INT),
                        new Column("band_id", STRING), new Column("min_score", DOUBLE), new Column("max_score", DOUBLE)),
                        List.of(new Object[] {Integer.MIN_VALUE, 2024, "top", 1.01, null},
                                new Object[] {Integer.MIN_VALUE, 2024, "rest", 0.0, 1.01},
                                new Object[] {2025, Integer.MAX_VALUE, "top", 58.1, null},
                                new Object[] {2025, Integer.MAX_VALUE, "rest", 0.0, 58.1})));
    }

    /** key → the column's value, numbers as int (DuckDB ranks are BIGINT, Spark's INT). */
    private static Map<String, Object> column(SqlEngine engine, String sql, String column) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        engine.query(sql).forEach(r -> byKey.put((String) r.get("k"),
                r.get(column) instanceof Number n ? (Object) n.intValue() : r.get(column)));
        return byKey;
    }

    /** The column on DuckDB, required equal on Spark. */
    private static Map<String, Object> both(String sql, String column) {
        Map<String, Object> onDuck = column(duck, sql, column);
        assertThat(column(spark, sql, column)).as("Spark as DuckDB: " + column).isEqualTo(onDuck);
        return onDuck;
    }

    @Test
    void theEdgesAreRealForRound() {
        // the reason the stages do not use ROUND: the engines round these doubles differently
        String sql = "SELECT 'k' AS k, ROUND(1.005E0, 2) AS r";
        assertThat(((Number) duck.query(sql).get(0).get("r")).doubleValue()).isEqualTo(1.0);
        assertThat(((Number) spark.query(sql).get(0).get("r")).doubleValue()).isEqualTo(1.01);
    }

    @Test
    void compositeRanksAtTwoDecimalsAreEqualOnBothEnginesAndInJava() {
        Map<String, Object> ranks = both("SELECT town_code AS k, rank_city FROM ranked_scores "
                + "WHERE year = 2024 AND item_type = 'composite' ORDER BY k", "rank_city");
        // 1.01 first; 1.005 is published as 1.00 like 1.0 (its binary value is below the half)
        assertThat(ranks).containsExactly(Map.entry("A1", 2), Map.entry("A2", 2), Map.entry("B1", 2),
                Map.entry("B2", 2), Map.entry("C1", 1));
        assertThat(CompetitionRanks.of(new double[] {1.005, 1.005, 1.0, 1.0, 1.01}, 2)).containsExactly(2, 2, 2, 2, 1);
    }

    @Test
    void indicatorRanksAtTwoDecimalsAreEqualOnBothEnginesAndInJava() {
        Map<String, Object> ranks = both("SELECT town_code AS k, rank_city FROM ranked_scores "
                + "WHERE year = 2024 AND item_type = 'indicator' ORDER BY k", "rank_city");
        double[] scores = new double[INDICATOR.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (double) INDICATOR[i][1];
        }
        int[] java = CompetitionRanks.of(scores, 2);
        for (int i = 0; i < scores.length; i++) {
            assertThat(ranks.get((String) INDICATOR[i][0])).as("%s", INDICATOR[i][1]).isEqualTo(java[i]);
        }
        // 1.02, 1.01 (1.015), 0.29, 0.28 (0.285), 0.15, 0.14 (0.145), then 0.13 and 0.125 (exactly the half
        // in binary, so 0.13) share
        assertThat(ranks).containsEntry("A2", 1).containsEntry("A1", 2).containsEntry("B2", 3).containsEntry("B1", 4)
                .containsEntry("D3", 5).containsEntry("D2", 6).containsEntry("C1", 7).containsEntry("D1", 7);
    }

    @Test
    void bandsAreDecidedOnThePublishedScoreOnBothEngines() {
        Map<String, Object> bands = both("SELECT town_code || '/' || CAST(year AS STRING) AS k, band "
                + "FROM ranked_scores WHERE item_type = 'composite' ORDER BY k", "band");
        // 2024: 1.005 is published as 1.00, below the top band's 1.01; 2025: 58.05 is published as 58.1
        assertThat(bands).containsEntry("A1/2024", "rest").containsEntry("C1/2024", "top")
                .containsEntry("A1/2025", "top").containsEntry("B2/2025", "rest").containsEntry("B1/2025", "rest");
        assertThat(CompetitionRanks.published(1.005, 2)).isEqualTo(1.0);
        assertThat(CompetitionRanks.published(58.05, 1)).isEqualTo(58.1);
        assertThat(CompetitionRanks.published(0.125, 2)).isEqualTo(0.13);
    }

    @Test
    void compositeRanksAtOneDecimalTieAt58Point1() {
        Map<String, Object> ranks = both("SELECT town_code AS k, rank_city FROM ranked_scores "
                + "WHERE year = 2025 AND item_type = 'composite' ORDER BY k", "rank_city");
        // 58.15 → 58.2; 58.05 and 58.1 → 58.1; 58.0 and 57.95 → 58.0
        assertThat(ranks).containsExactly(Map.entry("A1", 2), Map.entry("A2", 2), Map.entry("B1", 4),
                Map.entry("B2", 4), Map.entry("C1", 1));
        assertThat(CompetitionRanks.of(new double[] {58.05, 58.1, 58.0, 57.95, 58.15}, 1)).containsExactly(2, 2, 4, 4, 1);
    }

    @Test
    void countyRanksAreEqualOnBothEngines() {
        Map<String, Object> ranks = both("SELECT county_code || '/' || CAST(year AS STRING) AS k, rank "
                + "FROM county_scores ORDER BY k", "rank");
        // 2024: A's mean 1.005 is published as 1.00 like B's 1.0, both behind C's 1.01
        assertThat(ranks).containsEntry("C/2024", 1).containsEntry("A/2024", 2).containsEntry("B/2024", 2);
    }
}
