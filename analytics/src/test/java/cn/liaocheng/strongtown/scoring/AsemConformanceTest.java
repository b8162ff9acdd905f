package cn.liaocheng.strongtown.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.lake.DataDir;

/**
 * COINr's ASEM example (51 countries, 49 indicators, pillars → sub-indices → index), configured only
 * through our own catalog format, reproduces the published normalised values and aggregates (1e-9) and
 * the index to two decimals with its ranks. Reads ../shared/conformance/coinr-asem/ when present.
 */
class AsemConformanceTest {

    static final Path CASE = DataDir.locate().toAbsolutePath().getParent().getParent()
            .resolve("shared").resolve("conformance").resolve("coinr-asem");
    private static StageHarness harness;
    private static List<CSVRecord> indicators;

    @BeforeAll
    static void scoreAsem() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CASE), "未找到一致性测试数据 " + CASE + "（shared/conformance 不在项目旁），跳过 ASEM 一致性测试");
        indicators = csv("asem_indmeta.csv");
        Catalog catalog = CatalogLoader.parse(new ByteArrayInputStream(catalogYaml().getBytes(StandardCharsets.UTF_8)),
                "asem.yaml");
        List<CSVRecord> treated = csv("asem_treated.csv");
        List<ScoringUnit> units = treated.stream()
                .map(r -> new ScoringUnit(r.get("UnitCode"), r.get("Group_EurAsia"), "all")).toList();
        List<Object[]> declarations = new ArrayList<>();
        for (CSVRecord unit : treated) {
            for (CSVRecord ind : indicators) {
                declarations.add(new Object[] {unit.get("UnitCode"), 2018, ind.get("IndCode"),
                        Double.valueOf(unit.get(ind.get("IndCode"))), 1});
            }
        }
        harness = new StageHarness(catalog, units);
        harness.engine.register(new InputTable("declarations", List.of(new Column("town_code", InputTable.Type.STRING),
                new Column("year", InputTable.Type.INT), new Column("indicator_id", InputTable.Type.STRING),
                new Column("value", InputTable.Type.DOUBLE), new Column("revision", InputTable.Type.INT)), declarations));
        harness.table("registry_measures", "SELECT CAST(NULL AS VARCHAR) AS town_code, CAST(NULL AS INTEGER) AS year, "
                + "CAST(NULL AS VARCHAR) AS measure, CAST(NULL AS DOUBLE) AS value WHERE FALSE");
        harness.run("02_base_values", "03_indicator_values", "04_transformed_values", "05_pooled_statistics",
                "06_indicator_scores").aggregate().run("08_ranked_scores");
    }

    @AfterAll
    static void close() {
        if (harness != null) {
            harness.close();
        }
    }

    /** The ASEM structure in our catalog format: pillars are dimensions, sub-indices groups, equal weights. */
    static String catalogYaml() throws IOException {
        Map<String, List<String>> pillarIndicators = new LinkedHashMap<>();
        Map<String, String> pillarParent = new LinkedHashMap<>();
        for (CSVRecord r : indicators) {
            pillarIndicators.computeIfAbsent(r.get("Agg1"), k -> new ArrayList<>()).add(r.get("IndCode"));
            pillarParent.put(r.get("Agg1"), r.get("Agg2"));
        }
        Map<String, Long> pillarsPerGroup = new HashMap<>();
        pillarParent.values().forEach(g -> pillarsPerGroup.merge(g, 1L, Long::sum));
        StringBuilder y = new StringBuilder("""
                id: coinr-asem
                version: "conformance"
                applies_from_year: 2018
                name: {zh: ASEM 可持续互联指数, en: ASEM Sustainable Connectivity}
                normalisation_window_years: 1
                levels: {composite: arithmetic, dimension: arithmetic}
                # the published index ranks unrounded scores and scores every unit whatever its coverage
                ranking: {decimals: 6, min_coverage: {composite: 0}}
                groups:
                """);
        for (Map.Entry<String, Long> g : pillarsPerGroup.entrySet()) {
            y.append("  - {id: ").append(g.getKey()).append(", name: {zh: ").append(g.getKey()).append(", en: ")
                    .append(g.getKey()).append("}, weight: ").append(1.0 / pillarsPerGroup.size()).append("}\n");
        }
        y.append("dimensions:\n");
        pillarParent.forEach((pillar, group) -> y.append("  - {id: ").append(pillar).append(", name: {zh: ").append(pillar)
                .append(", en: ").append(pillar).append("}, weight: ").append(1.0 / pillarsPerGroup.get(group))
                .append(", parent: ").append(group).append("}\n"));
        y.append("indicators:\n");
        for (CSVRecord r : indicators) {
            int siblings = pillarIndicators.get(r.get("Agg1")).size();
            y.append("  - {id: ").append(r.get("IndCode")).append(", dimension: ").append(r.get("Agg1"))
                    .append(", name: {zh: \"").append(r.get("IndName")).append("\", en: \"").append(r.get("IndName"))
                    .append("\"}, unit: {zh: \"-\", en: \"-\"}, source: declared, direction: ")
                    .append("-1".equals(r.get("Direction")) ? "lower" : "higher").append(", weight: ").append(1.0 / siblings)
                    .append(", growth: false, transform: none, normalise: {method: minmax}, valid_range: [-1.0e15, 1.0e15]}\n");
        }
        return y.toString();
    }

    static List<CSVRecord> csv(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(CASE.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private Map<String, Double> scores(String itemId) {
        Map<String, Double> byUnit = new HashMap<>();
        harness.query("SELECT town_code, score FROM ranked_scores WHERE item_id = '" + itemId + "'")
                .forEach(r -> byUnit.put((String) r.get("town_code"), (Double) r.get("score")));
        return byUnit;
    }

    @Test
    void normalisedValuesMatch() throws IOException {
        int checked = 0;
        for (CSVRecord expected : csv("asem_normalised.csv")) {
            for (CSVRecord ind : indicators) {
                String code = ind.get("IndCode");
                assertThat(scores(code).get(expected.get("UnitCode"))).as(expected.get("UnitCode") + " " + code)
                        .isCloseTo(Double.parseDouble(expected.get(code)), within(1e-9));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(51 * 49);
    }

    @Test
    void aggregatesMatch() throws IOException {
        List<String> aggregates = List.of("Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social",
                "SusEcFin", "Conn", "Sust");
        Map<String, Map<String, Double>> ours = new HashMap<>();
        aggregates.forEach(a -> ours.put(a, scores(a)));
        ours.put("Index", scores(Catalog.COMPOSITE));
        for (CSVRecord expected : csv("asem_aggregated.csv")) {
            for (Map.Entry<String, Map<String, Double>> a : ours.entrySet()) {
                assertThat(a.getValue().get(expected.get("UnitCode"))).as(expected.get("UnitCode") + " " + a.getKey())
                        .isCloseTo(Double.parseDouble(expected.get(a.getKey())), within(1e-9));
            }
        }
    }

    @Test
    void publishedIndexAndRanksMatch() throws IOException {
        Map<String, Object[]> ours = new HashMap<>();
        harness.query("SELECT town_code, score, rank_city FROM ranked_scores WHERE item_type = 'composite'")
                .forEach(r -> ours.put((String) r.get("town_code"), new Object[] {r.get("score"), r.get("rank_city")}));
        List<CSVRecord> published = csv("asem_results_scores_published_2dp.csv");
        assertThat(published).hasSize(51);
        for (CSVRecord p : published) {
            Object[] mine = ours.get(p.get("UnitCode"));
            assertThat(Math.round((Double) mine[0] * 100) / 100.0).as(p.get("UnitCode"))
                    .isEqualTo(Double.parseDouble(p.get("Index")));
            assertThat(((Number) mine[1]).intValue()).as(p.get("UnitCode") + " rank").isEqualTo(Integer.parseInt(p.get("Rank")));
        }
    }
}
