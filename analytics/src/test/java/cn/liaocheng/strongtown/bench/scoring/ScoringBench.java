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
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.LocalSnapshotStore;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.scoring.ScoringUnit;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Benchmark (b) of issue 4: the full scoring — every stage, peer clusters and 1,000-draw rank
 * intervals, published as a snapshot — on DuckDB for 10 years of city, province and national scale.
 * Usage: {@code bench/scoring.sh [towns enterprise-scale]…} (see docs/benchmarks.md). Not a test.
 */
public final class ScoringBench {

    private ScoringBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = DataDir.locate();
        Catalog catalog = CatalogRepository.load(data.resolve("catalog")).newest();
        TownRegistry city = TownRegistry.load(data.resolve("reference"));
        String[] plan = args.length > 0 ? args : new String[] {"136", "1", "1800", "0.1", "38000", "0.01"};
        System.out.println("towns,enterprise_year_rows,generate_s,registry_s,scoring_s,intervals_s,total_s");
        for (int i = 0; i + 1 < plan.length; i += 2) {
            int count = Integer.parseInt(plan[i]);
            double scale = Double.parseDouble(plan[i + 1]);
            TownRegistry towns = count == city.towns().size() ? city : SyntheticTowns.of(city, count);
            Path root = Files.createTempDirectory("scoring-bench");
            try {
                Lake lake = new Lake(root);
                long t0 = System.nanoTime();
                var summary = new DemoDataGenerator(towns, catalog)
                        .generate(lake, new DemoSpec(DemoSpec.DEFAULT_SEED, scale, 2016, 2025), ProgressListener.NONE);
                long t1 = System.nanoTime();
                Map<String, Long> finishedAt = new LinkedHashMap<>();
                try (DuckDbEngine engine = new DuckDbEngine()) {
                    new ScoringPipeline(catalog, ScoringUnit.of(towns)).run(engine, root.toString(),
                            new LocalSnapshotStore(lake), true, (f, step) -> finishedAt.put(step, System.nanoTime()));
                }
                long[] previous = {t1};
                finishedAt.forEach((step, at) -> {
                    System.err.printf("  %-24s %6.2f s%n", step, (at - previous[0]) / 1e9);
                    previous[0] = at;
                });
                long t2 = System.nanoTime();
                // registry: stage 01; scoring: stages 02–12 and peer groups; intervals: the Monte Carlo
                long registry = finishedAt.get("01_registry_measures") - t1;
                long intervals = finishedAt.get("rank_intervals") - finishedAt.get("12_rank_drivers");
                long scoring = finishedAt.get("12_rank_drivers") - finishedAt.get("01_registry_measures");
                System.out.printf("%d,%d,%.1f,%.2f,%.2f,%.2f,%.2f%n", count, summary.enterpriseYearRows(), (t1 - t0) / 1e9,
                        registry / 1e9, scoring / 1e9, intervals / 1e9, (t2 - t1) / 1e9);
            } finally {
                AtomicFiles.deleteTree(root);
            }
        }
    }
}
