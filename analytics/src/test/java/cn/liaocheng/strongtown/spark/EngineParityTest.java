package cn.liaocheng.strongtown.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.task.ProgressListener;

/** The same stage SQL on DuckDB and on Spark (local mode) gives the same published marts ({@link SnapshotParityTests}). */
class EngineParityTest implements SnapshotParityTests {

    private static final Path DATA = DataDir.locate();

    @TempDir
    static Path root;
    static Lake lake;
    static String duckSnapshot;
    static String sparkSnapshot;

    @BeforeAll
    static void scoreWithBothEngines() {
        lake = SnapshotParityTests.demoLake(root.resolve("lake"));
        duckSnapshot = ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);
        sparkSnapshot = SparkScoringJob.run(LocalSpark.session(), lake.root().toUri().toString(), DATA, true);
    }

    @Override
    public Snapshots snapshots() {
        return new Snapshots(lake, duckSnapshot, sparkSnapshot);
    }

    @Test
    void sparkPublishesItsSnapshotAtomically() {
        assertThat(sparkSnapshot).isNotEqualTo(duckSnapshot);
        assertThat(SnapshotPointer.current(lake)).contains(sparkSnapshot);
        assertThat(lake.snapshot(sparkSnapshot).resolve(ScoringPipeline.MANIFEST)).isRegularFile();
        assertThat(lake.marts().toFile().list()).noneMatch(name -> name.startsWith(".staging"));
    }
}
