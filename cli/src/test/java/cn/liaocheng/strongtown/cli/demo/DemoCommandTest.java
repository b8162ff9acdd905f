package cn.liaocheng.strongtown.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.cli.CliRun;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.lake.Lake;

class DemoCommandTest {

    @TempDir
    Path root;

    @Test
    void writesTheDemoLakeAndRefusesToWriteItTwice() {
        Path lake = root.resolve("lake");
        CliRun run = CliRun.onData(lake, root.resolve("state"), "demo", "--scale", "0.02", "--from", "2024", "--to", "2025");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("演示数据已写入").contains("136 个乡镇");
        assertThat(new Lake(lake).hasRawData()).isTrue();

        CliRun again = CliRun.onData(lake, root.resolve("state"), "demo", "--scale", "0.02");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.oneChineseErrorLine()).as(again.err()).isTrue();
        assertThat(again.err()).contains("已有原始数据");
    }

    @Test
    void refusesANonPositiveScaleAndReversedYears() {
        CliRun zero = CliRun.onData(root.resolve("lake"), root.resolve("state"), "demo", "--scale", "0");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("规模系数必须为正数");
        CliRun reversed = CliRun.onData(root.resolve("lake"), root.resolve("state"), "demo", "--from", "2025", "--to", "2020");
        assertThat(reversed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(reversed.oneChineseErrorLine()).as(reversed.err()).isTrue();
        assertThat(new Lake(root.resolve("lake")).hasRawData()).isFalse();
    }
}
