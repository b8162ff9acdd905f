package cn.liaocheng.strongtown.cli.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import cn.liaocheng.strongtown.cli.CliFailure;
import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.cli.audit.CliAudit;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.lake.LakeTransaction;
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
            LakeTransaction.recover(lake);
            removeUnfinishedSnapshots(lake);
            snapshot = ScoringCli.runDuckDb(where.data(), lake, ProgressListener.NONE);
        }
        CliAudit.record(lake, "SNAPSHOT_PUBLISHED", "snapshot " + snapshot + " (strongtown score)", null);
        spec.commandLine().getOut().printf("已发布快照 %s（用时 %.1f 秒）%n", snapshot, (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }

    /**
     * Staging folders ({@code marts/.staging-ID}) of runs a crash interrupted: never published, never read. Removed
     * under the lake lock, which every scoring run holds for its whole length, so none of them is still being written.
     */
    static void removeUnfinishedSnapshots(Lake lake) {
        if (!Files.isDirectory(lake.marts())) {
            return;
        }
        try (Stream<Path> entries = Files.list(lake.marts())) {
            entries.filter(p -> p.getFileName().toString().startsWith(".staging-")).forEach(AtomicFiles::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("无法清理未完成的快照目录 " + lake.marts(), e);
        }
    }

    static void requireRawData(Lake lake) {
        if (!lake.hasRawData()) {
            throw CliFailure.usage("湖 " + lake.root() + " 中没有原始数据（可先运行 strongtown demo 或导入数据）");
        }
    }
}
