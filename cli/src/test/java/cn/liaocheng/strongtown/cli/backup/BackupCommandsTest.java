package cn.liaocheng.strongtown.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.cli.CliRun;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.lake.Lake;

class BackupCommandsTest {

    @TempDir
    Path root;

    @Test
    void backsUpAndRestoresIntoEmptyFolders() throws Exception {
        Path lake = root.resolve("lake");
        Path state = root.resolve("state");
        assertThat(CliRun.onData(lake, state, "demo", "--scale", "0.02", "--from", "2024", "--to", "2025").exitCode()).isZero();
        Files.createDirectories(state.resolve("secrets"));
        Files.writeString(state.resolve("secrets").resolve("pseudonym.key"), "00112233");
        Path zip = root.resolve("backup.zip");

        CliRun backup = CliRun.onData(lake, state, "backup", "--out", zip.toString());
        assertThat(backup.exitCode()).as(backup.err()).isEqualTo(ExitCodes.OK);
        assertThat(backup.out()).startsWith("已备份 ");

        Path newLake = root.resolve("new-lake");
        Path newState = root.resolve("new-state");
        CliRun restore = CliRun.onData(newLake, newState, "restore-backup", "--from", zip.toString());
        assertThat(restore.exitCode()).as(restore.err()).isEqualTo(ExitCodes.OK);
        assertThat(new Lake(newLake).hasRawData()).isTrue();
        assertThat(Files.readString(newState.resolve("secrets").resolve("pseudonym.key"))).isEqualTo("00112233");
        // the backup and the restore are data events of the restored lake's audit trail, whose chain holds
        var trail = cn.liaocheng.strongtown.audit.AuditTrail.of(new Lake(newLake));
        assertThat(trail.verify().intact()).isTrue();
        assertThat(trail.entries().get(trail.entries().size() - 1)).satisfies(e -> {
            assertThat(e.action()).isEqualTo("BACKUP_RESTORED");
            assertThat(e.sha256()).isEqualTo(BackupCommand.sha256(zip));
        });
        assertThat(cn.liaocheng.strongtown.audit.AuditTrail.of(new Lake(lake)).entries())
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("BACKUP_CREATED"));

        CliRun again = CliRun.onData(newLake, newState, "restore-backup", "--from", zip.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.oneChineseErrorLine()).as(again.err()).isTrue();
        assertThat(again.err()).contains("恢复目标必须为空目录");
    }

    @Test
    void refusesAMissingArchiveAndAMissingOutput() {
        CliRun missing = CliRun.onData(root.resolve("l"), root.resolve("s"), "restore-backup", "--from", "nothing.zip");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("文件不存在：nothing.zip");
        CliRun noOut = CliRun.onData(root.resolve("l"), root.resolve("s"), "backup");
        assertThat(noOut.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noOut.oneChineseErrorLine()).as(noOut.err()).isTrue();
        assertThat(noOut.err()).contains("缺少参数 --out");
    }
}
