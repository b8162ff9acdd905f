package cn.liaocheng.strongtown.scoring;

import java.nio.file.Path;
import java.util.List;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Scoring on the embedded DuckDB engine, as the dashboard and {@code strongtown score} (module {@code cli}) run it.
 */
public final class ScoringCli {

    private ScoringCli() {
    }

    /** Scores the lake on DuckDB, each year with the catalog version in force for it; returns the published snapshot id. */
    public static String runDuckDb(Path data, Lake lake, ProgressListener progress) {
        return runDuckDb(data, lake, progress, 0);
    }

    /** As {@link #runDuckDb(Path, Lake, ProgressListener)}, DuckDB capped at {@code threads} worker threads if > 0. */
    public static String runDuckDb(Path data, Lake lake, ProgressListener progress, int threads) {
        List<Catalog> versions = CatalogRepository.load(data.resolve("catalog")).versions();
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        try (DuckDbEngine engine = new DuckDbEngine()) {
            if (threads > 0) {
                engine.limitThreads(threads);
            }
            return new ScoringPipeline(versions, ScoringUnit.of(towns)).run(engine, lake.root().toString(),
                    new LocalSnapshotStore(lake), DemoDataGenerator.isDemo(lake), progress);
        }
    }
}
