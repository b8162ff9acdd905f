package cn.liaocheng.strongtown.spark;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.lake.Lake;

/**
 * The parity tests shared by every test class that scores one demo lake (2019–2025, 136 towns) on
 * DuckDB and on another engine: the published marts must be the same, row for row.
 */
interface SnapshotParityTests {

    /** The lake and the two snapshots published in it. */
    record Snapshots(Lake lake, String duckDb, String other) {
    }

    Snapshots snapshots();

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
