package cn.liaocheng.strongtown.cli.backup;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.cli.audit.CliAudit;
import cn.liaocheng.strongtown.collection.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strongtown backup}: the lake and the state folder in one zip with a manifest of SHA-256 sums. */
@Command(name = "backup", description = {"把数据湖与状态目录（工作库、密钥）备份为一个 zip（含 SHA-256 清单；持有湖锁）。",
        "Back up the lake and the state folder (workflow database, keys) into one zip with SHA-256 manifest."})
public class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "备份文件 / backup file")
    Path out;

    @Override
    public Integer call() {
        Backup.Summary summary = Backup.create(where.lake(), where.state(), out);
        CliAudit.record(where.lake(), "BACKUP_CREATED", "backup " + out.toAbsolutePath() + " files " + summary.files().size()
                + " snapshot " + summary.currentSnapshot(), sha256(out));
        spec.commandLine().getOut().println("已备份 " + summary.files().size() + " 个文件到 " + out + "（当前快照 "
                + summary.currentSnapshot() + "）");
        return ExitCodes.OK;
    }

    /** The archive's SHA-256, so that the trail names exactly which file a later restore came from. */
    static String sha256(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("无法读取 " + file, e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
