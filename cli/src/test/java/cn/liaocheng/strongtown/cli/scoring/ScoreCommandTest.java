package cn.liaocheng.strongtown.cli.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.cli.CliRun;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;

class ScoreCommandTest {

    @TempDir
    static Path root;
    static Path lake;

    @BeforeAll
    static void demoLake() {
        lake = root.resolve("lake");
        assertThat(CliRun.onData(lake, root.resolve("state"), "demo", "--scale", "0.02", "--from", "2023", "--to", "2025")
                .exitCode()).isZero();
    }

    @Test
    void scoresOnDuckDbAndPublishesASnapshot() {
        CliRun run = CliRun.onData(lake, root.resolve("state"), "score");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        String snapshot = SnapshotPointer.current(new Lake(lake)).orElseThrow();
        assertThat(run.out()).startsWith("已发布快照 " + snapshot);
    }

    @Test
    void scoresOnALocalSparkSessionWhenSparkIsOnTheClassPath() {
        // a master other than the default local[2], so the output shows --master was honoured; all cores rather than
        // one (docs/benchmarks.md, "Test command duration", round 4)
        CliRun run = CliRun.onData(lake, root.resolve("state"), "score-spark", "--master", "local[*]");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        String snapshot = SnapshotPointer.current(new Lake(lake)).orElseThrow();
        assertThat(run.out()).startsWith("已在 Spark（local[*]）上发布快照 " + snapshot);
    }

    @Test
    void refusesALakeWithoutRawData() {
        for (String command : new String[] {"score", "score-spark"}) {
            CliRun run = CliRun.onData(root.resolve("empty-lake"), root.resolve("state"), command);
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
            assertThat(run.err()).contains("没有原始数据");
        }
    }

    @Test
    void sparkIsDetectedByItsSessionClass() {
        assertThat(ScoreSparkCommand.sparkPresent(getClass().getClassLoader())).isTrue();
        assertThat(ScoreSparkCommand.sparkPresent(ClassLoader.getPlatformClassLoader())).isFalse();
    }
}
