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
 * {@code java -cp … cn.liaocheng.strongtown.scoring.ScoringCli [data-folder] [lake-folder]}: runs the
 * pipeline on the embedded DuckDB engine and publishes a snapshot.
 */
public final class ScoringCli {

    private ScoringCli() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        Lake lake = new Lake(Path.of(args.length > 1 ? args[1] : data.resolve("lake").toString()));
        long start = System.nanoTime();
        String snapshot = runDuckDb(data, lake, ProgressListener.NONE);
        System.out.printf("已发布快照 %s（用时 %.1f 秒）%n", snapshot, (System.nanoTime() - start) / 1e9);
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
