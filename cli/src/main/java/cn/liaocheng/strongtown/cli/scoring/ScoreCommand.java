package cn.liaocheng.strongtown.cli.scoring;

import java.util.concurrent.Callable;

import cn.liaocheng.strongtown.cli.CliFailure;
import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strongtown score}: scores the lake on the embedded DuckDB engine and publishes a snapshot. */
@Command(name = "score", description = {"用内嵌 DuckDB 计算得分并发布新快照（持有湖锁）。",
        "Score the lake on embedded DuckDB and publish a new snapshot (holds the lake lock)."})
public class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Override
    public Integer call() {
        Lake lake = where.lake();
        requireRawData(lake);
        long start = System.nanoTime();
        String snapshot;
        try (LakeLock lock = LakeLock.acquire(lake)) {
            snapshot = ScoringCli.runDuckDb(where.data(), lake, ProgressListener.NONE);
        }
        spec.commandLine().getOut().printf("已发布快照 %s（用时 %.1f 秒）%n", snapshot, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    static void requireRawData(Lake lake) {
        if (!lake.hasRawData()) {
            throw CliFailure.usage("湖 " + lake.root() + " 中没有原始数据（可先运行 strongtown demo 或导入数据）");
        }
    }
}
