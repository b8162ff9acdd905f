package cn.liaocheng.strongtown.scoring;

import java.nio.file.Path;
import java.util.List;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
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

    /**
     * As {@link #runDuckDb(Path, Lake, ProgressListener)}, DuckDB capped at {@code threads} worker threads if > 0, on a
     * new DuckDB instance closed afterwards (a process that scores once: the command line, tests).
     */
    public static String runDuckDb(Path data, Lake lake, ProgressListener progress, int threads) {
        try (DuckDbScorer once = new DuckDbScorer()) {
            return runDuckDb(data, lake, progress, threads, once);
        }
    }

    /**
     * As {@link #runDuckDb(Path, Lake, ProgressListener, int)} on the DuckDB instance {@code scorer} keeps between
     * scorings (a process that re-scores: the dashboard after each accepted upload).
     */
    public static String runDuckDb(Path data, Lake lake, ProgressListener progress, int threads, DuckDbScorer scorer) {
        return scorer.score(pipeline(data), lake, DemoDataGenerator.isDemo(lake), threads, progress);
    }

    /** The pipeline for the catalog versions and towns of a data folder. */
    static ScoringPipeline pipeline(Path data) {
        List<Catalog> versions = CatalogRepository.load(data.resolve("catalog")).versions();
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        return new ScoringPipeline(versions, ScoringUnit.of(towns));
    }
}
