package cn.liaocheng.strongtown.scoring;

import java.nio.file.Path;

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

    /** Scores the lake with the newest catalog on DuckDB; returns the published snapshot id. */
    public static String runDuckDb(Path data, Lake lake, ProgressListener progress) {
        Catalog catalog = CatalogRepository.load(data.resolve("catalog")).newest();
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        try (DuckDbEngine engine = new DuckDbEngine()) {
            return new ScoringPipeline(catalog, ScoringUnit.of(towns)).run(engine, lake.root().toString(),
                    new LocalSnapshotStore(lake), DemoDataGenerator.isDemo(lake), progress);
        }
    }
}
