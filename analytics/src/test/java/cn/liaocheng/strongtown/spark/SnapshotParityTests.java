package cn.liaocheng.strongtown.spark;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The parity tests shared by every test class that scores one demo lake (2019–2025, 136 towns) on
 * DuckDB and on another engine: the published marts must be the same, row for row.
 */
interface SnapshotParityTests {

    /** The lake and the two snapshots published in it. */
    record Snapshots(Lake lake, String duckDb, String other) {
    }

    Snapshots snapshots();

    /** The demo lake these tests score, generated in {@code folder}: seed 11, scale 0.03, 2019–2025. */
    static Lake demoLake(Path folder) {
        Path data = DataDir.locate();
        Lake lake = new Lake(folder);
        Catalog catalog = CatalogRepository.load(data.resolve("catalog")).newest();
        new DemoDataGenerator(TownRegistry.load(data.resolve("reference")), catalog)
                .generate(lake, new DemoSpec(11, 0.03, 2019, 2025), ProgressListener.NONE);
        return lake;
    }

    @Test
    default void scoresAndRanksAreIdentical() {
        Snapshots s = snapshots();
        SnapshotDiff.assertSameRows(s.lake(), s.duckDb(), s.other(), SnapshotDiff.SCORES, 136L * 7 * 40);
    }

    @Test
    default void everyOtherMartIsIdentical() {
        Snapshots s = snapshots();
        SnapshotDiff.OTHER_MARTS.forEach(mart -> SnapshotDiff.assertSameRows(s.lake(), s.duckDb(), s.other(), mart, 0));
    }

    @Test
    default void indicatorValuesAreIdentical() {
        Snapshots s = snapshots();
        SnapshotDiff.assertSameRows(s.lake(), s.duckDb(), s.other(), SnapshotDiff.INDICATOR_VALUES, 136L * 7 * 30);
    }
}
