package cn.liaocheng.strongtown.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogLoader;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.RegistryAggregate;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.peer.PeerGroups;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.uncertainty.RankIntervals;
import cn.liaocheng.strongtown.uncertainty.SqlIntervals;

/**
 * Raw lake data → published mart snapshot, through the named SQL stages in {@code stages/} and two
 * Java steps (peer clustering, rank intervals), on whichever {@link SqlEngine} it is given. Every engine
 * runs the same files in the same order.
 */
public final class ScoringPipeline {

    /** The registry measures as computed when the registry entered the lake, if current (see {@link #registerLake}). */
    static final String INGESTED_REGISTRY_MEASURES = "registry_measures_ingested";
    /** Stages before the peer groups are computed. */
    static final List<String> INPUT_STAGES = List.of("01_registry_measures", "02_base_values", "03_indicator_values");
    /** Stages from transformed values to indicator scores. */
    static final List<String> SCORE_STAGES = List.of("04_transformed_values", "05_pooled_statistics",
            "06_indicator_scores");
    /** Run once per level of the catalog tree. */
    static final String AGGREGATE_STAGE = "07_aggregate_scores";
    /** Stages after aggregation. */
    static final List<String> RESULT_STAGES = List.of("08_ranked_scores", "09_benchmarks", "10_quality_flags",
            "11_county_scores", "12_rank_drivers");
    /** Run once per benchmark scope (named in the stage's SQL), the scopes' rows then appended as {@code benchmarks}. */
    static final String BENCHMARK_STAGE = "09_benchmarks";
    static final List<String> BENCHMARK_SCOPES = List.of("city", "type", "cluster");
    /** Published mart tables and the table each comes from. */
    public static final Map<String, String> MARTS = marts();
    public static final String MANIFEST = "_manifest.json";
    static final long SEED = 20231001L;

    /** The newest version: the peer-group settings and the manifest's headline catalog id (every year's own version is in {@link #versions}). */
    private final Catalog catalog;
    private final List<CatalogVersions.InForce> versions;
    private final List<ScoringUnit> units;
    private final int draws;
    /** Rank intervals for the newest this many years only; 0 for every year. */
    private final int intervalYears;
    /** Rank intervals as SQL on the engine (stages 13–14) rather than in Java; null: {@link #INTERVALS_SQL_PROPERTY}. */
    private final Boolean intervalsInSql;

    public ScoringPipeline(Catalog catalog, List<ScoringUnit> units) {
        this(List.of(catalog), units, RankIntervals.DEFAULT_DRAWS);
    }

    /** Every year scored with the catalog version in force for it (see {@link CatalogVersions}). */
    public ScoringPipeline(List<Catalog> versions, List<ScoringUnit> units) {
        this(versions, units, RankIntervals.DEFAULT_DRAWS);
    }

    /** @param draws Monte-Carlo draws for the rank intervals */
    public ScoringPipeline(Catalog catalog, List<ScoringUnit> units, int draws) {
        this(List.of(catalog), units, draws);
    }

    /** @param draws Monte-Carlo draws for the rank intervals */
    public ScoringPipeline(List<Catalog> versions, List<ScoringUnit> units, int draws) {
        this(CatalogVersions.inForce(versions), units, draws, Integer.getInteger(INTERVAL_YEARS_PROPERTY, ALL_YEARS), null);
    }

    private ScoringPipeline(List<CatalogVersions.InForce> versions, List<ScoringUnit> units, int draws,
                            int intervalYears, Boolean intervalsInSql) {
        if (intervalYears < 0) {
            throw new IllegalArgumentException("区间年份数不能为负：" + intervalYears);
        }
        this.versions = versions;
        this.catalog = versions.get(versions.size() - 1).catalog();
        this.units = units;
        this.draws = draws;
        this.intervalYears = intervalYears;
        this.intervalsInSql = intervalsInSql;
    }

    /** {@link #withIntervalYears}: rank intervals for every year scored (the default). */
    public static final int ALL_YEARS = 0;
    /**
     * System property setting {@link #withIntervalYears} for every pipeline the process builds (the dashboard's
     * re-scoring, the command line), e.g. {@code -Dstrongtown.rank-intervals.years=1} at national scale.
     */
    public static final String INTERVAL_YEARS_PROPERTY = "strongtown.rank-intervals.years";
    /** System property: {@code true} computes the rank intervals as SQL ({@link #withIntervalsInSql}). */
    public static final String INTERVALS_SQL_PROPERTY = "strongtown.rank-intervals.sql";

    /**
     * The same pipeline with rank intervals for the newest {@code years} years only ({@link #ALL_YEARS} for
     * every year): the Monte Carlo is the costliest step at scale, and older years' intervals are read only by
     * a town's profile history (the league table, comparison and profile header ask for one year).
     */
    public ScoringPipeline withIntervalYears(int years) {
        return new ScoringPipeline(versions, units, draws, years, intervalsInSql);
    }

    /**
     * The same pipeline with the rank intervals computed as SQL on the engine (stages 13–14, {@link SqlIntervals})
     * or in Java ({@link RankIntervals}) — the same draws and the same intervals either way (SqlIntervalsTest).
     * The default is Java on every engine, or {@link #INTERVALS_SQL_PROPERTY}: the SQL path's work is draws ×
     * towns × indicators rows, far slower on DuckDB and on Spark {@code local[2]} (docs/benchmarks.md). On an
     * engine that is {@link RankIntervals.Distributed} (Spark) the Java path already runs next to the data.
     */
    public ScoringPipeline withIntervalsInSql(boolean inSql) {
        return new ScoringPipeline(versions, units, draws, intervalYears, inSql);
    }

    private static Map<String, String> marts() {
        Map<String, String> marts = new LinkedHashMap<>();
        marts.put("indicator_values", "indicator_values");
        marts.put("scores", "ranked_scores");
        marts.put("benchmarks", "benchmarks");
        marts.put("quality_flags", "quality_flags");
        marts.put("county_scores", "county_scores");
        marts.put("rank_drivers", "rank_drivers");
        marts.put("rank_intervals", "rank_intervals");
        marts.put("peer_groups", "peer_groups");
        marts.put("similar_towns", "similar_towns");
        return Map.copyOf(marts);
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
            registerLake(engine, lakeRoot);
            compute(engine, progress);
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

    /**
     * Registers the lake's raw tables: enterprises, declarations and (if any) designations; and, on an engine that
     * {@linkplain SqlEngine#readsIngestAggregates reads them}, the registry measures computed when the registry
     * entered the lake if they match the registry as it is ({@link RegistryAggregate#current}), which stage 01
     * then reads instead of aggregating the enterprise rows.
     */
    public static void registerLake(SqlEngine engine, String lakeRoot) {
        engine.registerParquet("enterprises", lakeRoot + "/raw/enterprises");
        if (engine.readsIngestAggregates()) {
            RegistryAggregate.current(new Lake(Path.of(lakeRoot)))
                    .ifPresent(folder -> engine.registerParquet(INGESTED_REGISTRY_MEASURES, folder.toString()));
        }
        engine.registerParquet("declarations", lakeRoot + "/raw/declarations");
        String designations = lakeRoot + "/raw/designations";
        if (engine.hasParquet(designations)) {
            engine.registerParquet("designations", designations);
        } else {
            engine.register(new InputTable("designations", List.of(new Column("year", InputTable.Type.INT),
                    new Column("town_code", InputTable.Type.STRING)), List.of()));
        }
    }

    /**
     * Registers the catalog tables and runs every stage and step on raw tables already registered.
     * Progress messages name the step just finished (a stage file name, "peer_groups", "rank_intervals").
     */
    public void compute(SqlEngine engine, ProgressListener progress) {
        int levels = versions.stream().mapToInt(v -> CatalogTree.of(v.catalog()).maxDepth()).sum();
        int steps = versions.size() * (INPUT_STAGES.size() + SCORE_STAGES.size()) + levels + RESULT_STAGES.size() + 2;
        int[] done = {0};
        Consumer<String> tick = step -> progress.progress((double) ++done[0] / (steps + 1), step);
        CatalogVersions.score(engine, versions, units, version -> {
            INPUT_STAGES.forEach(stage -> runInputStage(engine, stage, tick));
            SCORE_STAGES.forEach(stage -> runStage(engine, stage, tick));
            DROP_AFTER_SCORES.forEach(engine::drop);
            aggregate(engine, CatalogTree.of(version), tick);
        });
        // peer groups read the registry measures only, which no catalog version changes
        PeerGroups.materialise(engine, catalog.peers(), SEED);
        tick.accept("peer_groups");
        RESULT_STAGES.forEach(stage -> runStage(engine, stage, tick));
        // quality ranges and composite weights differ between versions: those stages again per version, for its years
        CatalogVersions.rerun(engine, versions, units, CatalogVersions.PER_VERSION_RESULTS,
                version -> CatalogVersions.PER_VERSION_RESULTS.forEach(table -> engine.materialise(table,
                        sql(RESULT_STAGES.stream().filter(s -> s.endsWith(table)).findFirst().orElseThrow()))));
        DROP_AFTER_RESULTS.forEach(engine::drop);
        rankIntervals(engine);
        DROP_AFTER_INTERVALS.forEach(engine::drop);
        tick.accept("rank_intervals");
    }

    /*
     * Stage tables no later stage reads, dropped as soon as they are done with (peak memory at national scale
     * came from keeping every stage): the inputs of stage 06 once scores exist (each catalog version recomputes
     * them); aggregation's inputs once stages 08–12 ran (10 and its per-version re-runs read base values and
     * registry measures); the indicator scores once the intervals are drawn. Marts stay.
     */
    static final List<String> DROP_AFTER_SCORES = List.of("transformed_values", "pooled_statistics");
    static final List<String> DROP_AFTER_RESULTS = List.of("aggregate_scores", "base_values", "registry_measures");
    static final List<String> DROP_AFTER_INTERVALS = List.of("indicator_scores");

    /** Each version's rank intervals for its years (the newest {@link #intervalYears} if set), under its own tree. */
    private void rankIntervals(SqlEngine engine) {
        int from = Integer.MIN_VALUE;
        if (intervalYears != ALL_YEARS) {
            Object newest = engine.query("SELECT MAX(year) AS y FROM indicator_scores").get(0).get("y");
            from = newest == null ? Integer.MIN_VALUE : ((Number) newest).intValue() - intervalYears + 1;
        }
        int first = from;
        List<CatalogVersions.InForce> scored = versions.stream().filter(v -> v.lastYear() >= first).toList();
        boolean inSql = intervalsInSql != null ? intervalsInSql : Boolean.getBoolean(INTERVALS_SQL_PROPERTY);
        if (!inSql && engine instanceof RankIntervals.Distributed distributed) {
            // the Java Monte Carlo where the scores are (Spark: on the executors, one task per year)
            unionOfVersions(engine, scored, (v, i) -> distributed.materialiseRankIntervals("rank_intervals__v" + i,
                    v.catalog(), SEED, draws, RankIntervals.DEFAULT_WEIGHT_NOISE, Math.max(first, v.firstYear()), v.lastYear()));
            return;
        }
        if (!inSql) {
            List<Object[]> rows = new java.util.ArrayList<>();
            scored.forEach(v -> rows.addAll(RankIntervals.compute(engine, CatalogTree.of(v.catalog()), SEED, draws,
                    RankIntervals.DEFAULT_WEIGHT_NOISE, Math.max(first, v.firstYear()), v.lastYear()).rows()));
            engine.register(new InputTable("rank_intervals", RankIntervals.COLUMNS, rows));
            return;
        }
        unionOfVersions(engine, scored, (v, i) -> SqlIntervals.materialise(engine, "rank_intervals__v" + i,
                CatalogTree.of(v.catalog()), SEED, draws, RankIntervals.DEFAULT_WEIGHT_NOISE,
                Math.max(first, v.firstYear()), v.lastYear()));
    }

    /** {@code rank_intervals} as the union of one table per catalog version, {@code rank_intervals__v<i>}, each made by {@code part}. */
    private static void unionOfVersions(SqlEngine engine, List<CatalogVersions.InForce> scored,
                                        java.util.function.ObjIntConsumer<CatalogVersions.InForce> part) {
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            part.accept(scored.get(i), i);
            parts.add("SELECT * FROM rank_intervals__v" + i);
        }
        if (parts.isEmpty()) {
            engine.register(new InputTable("rank_intervals", RankIntervals.COLUMNS, List.of()));
            return;
        }
        engine.materialise("rank_intervals", String.join(" UNION ALL ", parts));
        for (int i = 0; i < scored.size(); i++) {
            engine.drop("rank_intervals__v" + i);
        }
    }

    /** Stage 01 reads the registry measures written at ingest where they were registered ({@link #registerLake}). */
    private static void runInputStage(SqlEngine engine, String stage, Consumer<String> tick) {
        if (stage.equals(INPUT_STAGES.get(0)) && engine.hasTable(INGESTED_REGISTRY_MEASURES)) {
            engine.materialise("registry_measures", "SELECT town_code, year, measure, value FROM " + INGESTED_REGISTRY_MEASURES);
            tick.accept(stage);
            return;
        }
        runStage(engine, stage, tick);
    }

    private static void runStage(SqlEngine engine, String stage, Consumer<String> tick) {
        if (stage.equals(BENCHMARK_STAGE)) {
            benchmarks(engine);
        } else {
            engine.materialise(stage.substring(3), sql(stage));
        }
        tick.accept(stage);
    }

    /**
     * Stage 09 one scope at a time: DuckDB keeps a copy of every value per quantile state, and the three scopes'
     * six quantiles at once (51 M rows at national scale) do not fit its memory limit; one scope's do
     * (docs/benchmarks.md, "Seventh round (issue 15, `nation7`)"). Each group lies within one scope, so the rows are
     * the same as from one statement.
     */
    static void benchmarks(SqlEngine engine) {
        for (String scope : BENCHMARK_SCOPES) {
            engine.materialise("benchmarks_" + scope, sql(BENCHMARK_STAGE).replace("${scope}", scope));
        }
        // the filter holds for every row; without it Spark 4.2 failed to checkpoint the UNION of the checkpointed
        // parts ("key not found: year#…" from their carried-over constraints; docs/benchmarks.md, seventh round)
        engine.materialise("benchmarks", String.join(" UNION ALL ", BENCHMARK_SCOPES.stream()
                .map(scope -> "SELECT * FROM benchmarks_" + scope + " WHERE towns >= 0").toList()));
        BENCHMARK_SCOPES.forEach(scope -> engine.drop("benchmarks_" + scope));
    }

    /** Stage 07 once per level; each run adds one level to the accumulated aggregates. */
    static void aggregate(SqlEngine engine, CatalogTree tree, Consumer<String> tick) {
        engine.register(new InputTable("aggregate_scores_0", List.of(new Column("town_code", InputTable.Type.STRING),
                new Column("year", InputTable.Type.INT), new Column("item_type", InputTable.Type.STRING),
                new Column("item_id", InputTable.Type.STRING), new Column("score", InputTable.Type.DOUBLE),
                new Column("coverage", InputTable.Type.DOUBLE)), List.of()));
        for (int depth = 1; depth <= tree.maxDepth(); depth++) {
            engine.materialise("aggregate_scores_" + depth, sql(AGGREGATE_STAGE)
                    .replace("${depth}", String.valueOf(depth))
                    .replace("${previous}", "aggregate_scores_" + (depth - 1)));
            tick.accept(AGGREGATE_STAGE + "#" + depth);
        }
        engine.materialise("aggregate_scores", "SELECT * FROM aggregate_scores_" + tree.maxDepth());
        for (int depth = 0; depth <= tree.maxDepth(); depth++) {
            engine.drop("aggregate_scores_" + depth);
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
        // the method as scored: every version in force with its years and the whole catalog (tree, weights,
        // methods, aggregation per level, coverage rule, rank precision), so readers need no catalog file
        m.put("catalogs", versions.stream().map(v -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", v.catalog().version());
            entry.put("first_year", v.firstYear() == Integer.MIN_VALUE ? null : v.firstYear());
            entry.put("last_year", v.lastYear() == Integer.MAX_VALUE ? null : v.lastYear());
            entry.put("catalog", CatalogLoader.toJson(v.catalog()));
            return entry;
        }).toList());
        m.put("demo", demo);
        m.put("rank_interval_draws", draws);
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
