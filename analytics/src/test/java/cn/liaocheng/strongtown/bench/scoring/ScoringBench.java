package cn.liaocheng.strongtown.bench.scoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.demo.SyntheticTowns;
import cn.liaocheng.strongtown.engine.DuckDbLimits;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.RegistryAggregate;
import cn.liaocheng.strongtown.scoring.DuckDbScorer;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.scoring.ScoringUnit;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Benchmark (b) of issue 4: the full scoring — every stage, peer clusters and 1,000-draw rank
 * intervals, published as a snapshot — on DuckDB for 10 years of city, province and national scale.
 * Usage: {@code bench/scoring.sh [towns enterprise-scale]…} (see docs/benchmarks.md). Not a test.
 *
 * <p>System properties: {@code bench.interval-years} (rank intervals for the newest N years; default every
 * year), {@code bench.lake-cache} (a folder: each generated lake is kept there under its towns and scale and
 * reused by later runs, whose {@code generate_s} is then 0; default none), {@code bench.rounds} (scorings of
 * each lake in the same JVM, the later ones warm; default 1), {@code bench.intervals-in-sql} (the rank
 * intervals by stages 13–14 on DuckDB instead of the Java Monte Carlo; default false), {@code bench.engine}
 * ({@code kept}, the default: one DuckDB instance for every round, as the dashboard keeps one for its re-scorings
 * ({@link DuckDbScorer}), so round 1 is a first scoring on a new instance and later rounds are re-scorings;
 * {@code new}: a new instance each round, as the command line scores). The peak RSS of each scale is the
 * process's high-water mark ({@code VmHWM}), reset before the scale. {@code bench.registry}: {@code ingest} (the
 * default) scores with the registry measures written when the registry entered the lake, {@code raw} aggregates
 * the raw registry in stage 01 (see {@link #registryAsAsked}).
 */
public final class ScoringBench {

    private ScoringBench() {
    }

    /**
     * The lake to score, with or without the registry measures written at ingest. A cached lake generated before
     * them is left as it is (the cache is shared, read-only): for {@code ingest} its raw folder is linked file by
     * file (hard links: same sizes and times, no copy) into a sibling {@code <lake>-ingested} and the aggregate
     * written there once, as an intake writes it; that time is printed, not counted in the scoring. For
     * {@code raw}, a lake of this run loses its aggregate, a cached one is scored without it.
     */
    static Lake registryAsAsked(Lake lake, boolean cached, boolean atIngest) throws java.io.IOException {
        boolean has = RegistryAggregate.current(lake).isPresent();
        if (atIngest == has) {
            return lake;
        }
        if (!atIngest) {
            if (cached) {
                throw new IllegalStateException("缓存的数据湖已有入湖汇总，raw 模式请用不带缓存的运行：" + lake.root());
            }
            AtomicFiles.deleteTree(lake.root().resolve("curated"));
            return lake;
        }
        Path linked = lake.root().resolveSibling(lake.root().getFileName() + "-ingested");
        Lake copy = new Lake(linked);
        if (RegistryAggregate.current(copy).isEmpty()) {
            AtomicFiles.deleteTree(linked);
            Path raw = lake.root().resolve("raw");
            try (java.util.stream.Stream<Path> files = Files.walk(raw)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = linked.resolve("raw").resolve(raw.relativize(f));
                    Files.createDirectories(target.getParent());
                    Files.createLink(target, f);
                }
            }
            long start = System.nanoTime();
            RegistryAggregate.refresh(copy).orElseThrow();
            System.err.printf("registry measures written as at ingest into %s: %.2f s%n", linked, (System.nanoTime() - start) / 1e9);
        }
        return copy;
    }

    public static void main(String[] args) throws Exception {
        Path data = DataDir.locate();
        Catalog catalog = CatalogRepository.load(data.resolve("catalog")).newest();
        TownRegistry city = TownRegistry.load(data.resolve("reference"));
        String[] plan = args.length > 0 ? args : new String[] {"136", "1", "1800", "0.1", "38000", "0.01"};
        int intervalYears = Integer.getInteger("bench.interval-years", ScoringPipeline.ALL_YEARS);
        String cache = System.getProperty("bench.lake-cache");
        int rounds = Integer.getInteger("bench.rounds", 1);
        boolean intervalsInSql = Boolean.getBoolean("bench.intervals-in-sql");
        // the dashboard keeps one DuckDB instance for all its scorings (DuckDbScorer); the command line opens one
        boolean keepEngine = !"new".equals(System.getProperty("bench.engine", "kept"));
        // ingest: stage 01 reads the registry measures written when the registry entered the lake (the product's
        // way since issue 15, city6); raw: it aggregates the raw registry (a lake written before, Spark)
        boolean registryAtIngest = !"raw".equals(System.getProperty("bench.registry", "ingest"));
        System.out.println("towns,enterprise_year_rows,generate_s,registry_s,scoring_s,intervals_s,total_s,peak_rss_mb");
        for (int i = 0; i + 1 < plan.length; i += 2) {
            int count = Integer.parseInt(plan[i]);
            double scale = Double.parseDouble(plan[i + 1]);
            TownRegistry towns = count == city.towns().size() ? city : SyntheticTowns.of(city, count);
            Path root = cache == null ? Files.createTempDirectory("scoring-bench")
                    : Path.of(cache).resolve("lake-" + count + "-" + scale);
            try {
                Lake lake = new Lake(root);
                long t0 = System.nanoTime();
                long rows;
                if (cache != null && Files.exists(root.resolve("raw/enterprises"))) {
                    rows = 0;
                } else {
                    rows = new DemoDataGenerator(towns, catalog).generate(lake,
                            new DemoSpec(DemoSpec.DEFAULT_SEED, scale, 2016, 2025), ProgressListener.NONE).enterpriseYearRows();
                }
                long t1 = System.nanoTime();
                lake = registryAsAsked(lake, cache != null, registryAtIngest);
                DuckDbScorer kept = keepEngine ? new DuckDbScorer() : null;
                try {
                    for (int round = 1; round <= rounds; round++) {
                        PeakRss.reset();
                        long start = System.nanoTime();
                        Map<String, Long> finishedAt = new LinkedHashMap<>();
                        System.err.printf("%d towns, round %d: DuckDB memory_limit %d MB, Java heap max %d MB, interval years %s, intervals in %s, engine %s%n",
                                count, round, DuckDbLimits.fromSystem().memoryBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                                intervalYears == ScoringPipeline.ALL_YEARS ? "all" : intervalYears,
                                intervalsInSql ? "SQL (stages 13-14)" : "Java",
                                keepEngine ? (round == 1 ? "kept (new: the first scoring)" : "kept (the dashboard's re-scoring)")
                                        : "new for this scoring (the command line)");
                        ScoringPipeline pipeline = new ScoringPipeline(catalog, ScoringUnit.of(towns)).withIntervalYears(intervalYears)
                                .withIntervalsInSql(intervalsInSql);
                        ProgressListener steps = (f, step) -> {
                            long at = System.nanoTime();
                            long previous = finishedAt.values().stream().reduce((x, y) -> y).orElse(start);
                            finishedAt.put(step, at);
                            // as each step ends, so that a long run shows where it is
                            System.err.printf("  %-24s %6.2f s  (RSS peak %d MB)%n", step,
                                    (at - previous) / 1e9, PeakRss.megabytes());
                        };
                        if (keepEngine) {
                            kept.score(pipeline, lake, true, 0, steps);
                        } else {
                            try (DuckDbScorer once = new DuckDbScorer()) {
                                once.score(pipeline, lake, true, 0, steps);
                            }
                        }
                        long end = System.nanoTime();
                        // registry: stage 01; scoring: stages 02–12 and peer groups; intervals: the Monte Carlo;
                        // publish: writing the marts, the manifest and the commit (what the total has beyond the intervals)
                        long registry = finishedAt.get("01_registry_measures") - start;
                        long intervals = finishedAt.get("rank_intervals") - finishedAt.get("12_rank_drivers");
                        long scoring = finishedAt.get("12_rank_drivers") - finishedAt.get("01_registry_measures");
                        System.err.printf("  %-24s %6.2f s  (RSS now %d MB)%n", "publish", (end - finishedAt.get("rank_intervals")) / 1e9,
                                PeakRss.currentMegabytes());
                        System.out.printf("%d,%d,%.1f,%.2f,%.2f,%.2f,%.2f,%d%n", count, rows, round == 1 ? (t1 - t0) / 1e9 : 0,
                                registry / 1e9, scoring / 1e9, intervals / 1e9, (end - start) / 1e9, PeakRss.megabytes());
                    }
                } finally {
                    if (kept != null) {
                        kept.close();
                    }
                    if (!lake.root().equals(root)) {
                        AtomicFiles.deleteTree(lake.root().resolve("marts"));
                    }
                }
            } finally {
                if (cache == null) {
                    AtomicFiles.deleteTree(root);
                } else {
                    AtomicFiles.deleteTree(root.resolve("marts"));
                }
            }
        }
    }
}
