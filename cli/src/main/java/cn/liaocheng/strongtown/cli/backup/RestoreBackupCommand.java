package cn.liaocheng.strongtown.cli.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import cn.liaocheng.strongtown.cli.CliFailure;
import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.cli.audit.CliAudit;
import cn.liaocheng.strongtown.collection.Backup;
import cn.liaocheng.strongtown.lake.Lake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strongtown restore-backup}: restores a backup into an empty lake folder and an empty state folder. */
@Command(name = "restore-backup", description = {
        "把备份恢复到空的湖目录与状态目录（--lake、--state），逐个文件核对 SHA-256，全部成功才放到位。",
        "Restore a backup into an empty lake folder and state folder (--lake, --state), every file checked."})
public class RestoreBackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Option(names = "--from", required = true, paramLabel = "FILE.zip", description = "备份文件 / backup file")
    Path from;

    @Override
    public Integer call() {
        DataOptions.existingFile(from);
        Lake lake = where.lake();
        for (Path target : new Path[] {lake.root(), where.state()}) {
            if (!emptyOrAbsent(target)) {
                throw CliFailure.usage("恢复目标必须为空目录：" + target + "（用 --lake 与 --state 指定新目录）");
            }
        }
        Backup.Summary summary = Backup.restore(from, lake, where.state());
        CliAudit.record(lake, "BACKUP_RESTORED", "restored from " + from.getFileName() + " created " + summary.createdAt()
                + " files " + summary.files().size(), BackupCommand.sha256(from));
        spec.commandLine().getOut().println("已恢复 " + summary.files().size() + " 个文件到 " + lake.root() + " 与 "
                + where.state() + "（当前快照 " + summary.currentSnapshot() + "）");
        return ExitCodes.OK;
    }

    private static boolean emptyOrAbsent(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
