package cn.liaocheng.strongtown.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Raw lake data → published mart snapshot, through the named SQL stages in {@code stages/}, on
 * whichever {@link SqlEngine} it is given. Every engine runs the same files in the same order.
 */
public final class ScoringPipeline {

    /** The stages in order; stage {@code NN_name.sql} leaves a table {@code name}. */
    public static final List<String> STAGES = List.of("01_registry_measures", "02_base_values",
            "03_indicator_values", "04_indicator_scores", "05_aggregate_scores", "06_ranked_scores");
    /** Published mart tables and the stage table each comes from. */
    public static final Map<String, String> MARTS = Map.of(
            "indicator_values", "indicator_values",
            "scores", "ranked_scores");
    public static final String MANIFEST = "_manifest.json";

    private final Catalog catalog;
    private final TownRegistry towns;

    public ScoringPipeline(Catalog catalog, TownRegistry towns) {
        this.catalog = catalog;
        this.towns = towns;
    }

    /**
     * Scores all years found in the lake and publishes the result as a new snapshot.
     *
     * @param lakeRoot the lake's root (a path or a Hadoop URI) holding {@code raw/}
     * @param demo whether the raw data are synthetic demo data (recorded in the manifest)
     * @return the id of the published snapshot
     */
    public String run(SqlEngine engine, String lakeRoot, SnapshotStore store, boolean demo, ProgressListener progress) {
        String snapshotId = SnapshotPointer.newSnapshotId();
        try {
            compute(engine, lakeRoot, progress);
            String staging = store.stagingLocation(snapshotId);
            for (Map.Entry<String, String> mart : MARTS.entrySet()) {
                engine.writeParquet(mart.getValue(), staging + "/" + mart.getKey());
            }
            store.writeManifest(snapshotId, manifest(engine, snapshotId, demo));
            store.commit(snapshotId);
            progress.progress(1.0, "已发布快照 " + snapshotId);
            return snapshotId;
        } catch (RuntimeException e) {
            store.abort(snapshotId);
            throw e;
        }
    }

    /** Registers the inputs and runs every stage; the stage tables stay in the engine. */
    public void compute(SqlEngine engine, String lakeRoot, ProgressListener progress) {
        CatalogTables.of(catalog, towns).forEach(engine::register);
        engine.registerParquet("enterprises", lakeRoot + "/raw/enterprises");
        engine.registerParquet("declarations", lakeRoot + "/raw/declarations");
        for (int i = 0; i < STAGES.size(); i++) {
            String stage = STAGES.get(i);
            progress.progress((double) i / (STAGES.size() + 1), "计算：" + stage);
            engine.materialise(stage.substring(3), sql(stage));
        }
    }

    /** The SQL text of a stage. */
    public static String sql(String stage) {
        try (InputStream in = ScoringPipeline.class.getResourceAsStream("stages/" + stage + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("缺少分析阶段文件 " + stage + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String manifest(SqlEngine engine, String snapshotId, boolean demo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshot_id", snapshotId);
        m.put("created_at", Instant.now().toString());
        m.put("engine", engine.name());
        m.put("catalog_id", catalog.id());
        m.put("catalog_version", catalog.version());
        m.put("demo", demo);
        m.put("years", engine.query("SELECT MIN(year) AS first_year, MAX(year) AS last_year FROM ranked_scores").get(0));
        Map<String, Object> rows = new LinkedHashMap<>();
        MARTS.forEach((mart, table) -> rows.put(mart, engine.query("SELECT COUNT(*) AS n FROM " + table).get(0).get("n")));
        m.put("rows", rows);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
