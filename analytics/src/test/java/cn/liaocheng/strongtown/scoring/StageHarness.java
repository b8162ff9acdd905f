package cn.liaocheng.strongtown.scoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.town.TownRegistry;

/** Runs chosen stages on hand-made input tables in DuckDB. */
final class StageHarness implements AutoCloseable {

    static final TownRegistry TOWNS = TownRegistry.load(DataDir.locate().resolve("reference"));
    /** Two towns of 东昌府区 and one of 莘县. */
    static final String T1 = "371502001000";
    static final String T2 = "371502002000";
    static final String T3 = "371522001000";

    final DuckDbEngine engine = new DuckDbEngine();
    private final Catalog catalog;

    StageHarness(Catalog catalog) {
        this(catalog, ScoringUnit.of(TOWNS));
    }

    StageHarness(Catalog catalog, List<ScoringUnit> units) {
        this.catalog = catalog;
        CatalogTables.of(catalog, units).forEach(engine::register);
        CatalogTables.inForce(CatalogVersions.inForce(List.of(catalog))).forEach(engine::register);
        engine.materialise("peer_groups", "SELECT CAST(NULL AS VARCHAR) AS town_code, CAST(NULL AS INTEGER) AS year, "
                + "CAST(NULL AS INTEGER) AS cluster WHERE FALSE");
    }

    static Catalog tinyCatalog() {
        return tinyCatalog(UnaryOperator.identity());
    }

    /** The tiny catalog with its YAML text edited first. */
    static Catalog tinyCatalog(UnaryOperator<String> edit) {
        try (InputStream in = StageHarness.class.getResourceAsStream("tiny-catalog.yaml")) {
            String yaml = edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return CatalogLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "tiny-catalog.yaml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    StageHarness table(String name, String selectSql) {
        engine.materialise(name, selectSql);
        return this;
    }

    StageHarness run(String... stages) {
        for (String stage : stages) {
            engine.materialise(stage.substring(3), ScoringPipeline.sql(stage));
        }
        return this;
    }

    /** Stage 07 for every level of the catalog tree, as the pipeline runs it. */
    StageHarness aggregate() {
        ScoringPipeline.aggregate(engine, CatalogTree.of(catalog), step -> { });
        return this;
    }

    List<Map<String, Object>> query(String sql) {
        return engine.query(sql);
    }

    /** One number from a query, as double (null if SQL NULL). */
    Double number(String sql) {
        Object v = engine.query(sql).get(0).values().iterator().next();
        return v == null ? null : ((Number) v).doubleValue();
    }

    @Override
    public void close() {
        engine.close();
    }
}
