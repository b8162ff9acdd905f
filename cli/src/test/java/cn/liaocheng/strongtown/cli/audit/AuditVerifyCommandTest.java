package cn.liaocheng.strongtown.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailEvent;
import cn.liaocheng.strongtown.cli.CliRun;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.lake.Lake;

class AuditVerifyCommandTest {

    @TempDir
    Path root;

    private AuditTrail trail(int entries) {
        AuditTrail trail = AuditTrail.of(new Lake(root.resolve("lake")));
        for (int i = 0; i < entries; i++) {
            trail.append(new TrailEvent(Instant.now(), TrailEvent.ACCOUNT, "LOGIN_SUCCESS", "用户" + i, null, null,
                    null, "10.0.0." + i, null));
        }
        return trail;
    }

    private CliRun verify() {
        return CliRun.onData(root.resolve("lake"), root.resolve("state"), "audit", "verify");
    }

    @Test
    void reportsAWholeChainWithExitZero() {
        trail(4);
        CliRun run = verify();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("审计链完整：共 4 条记录");
    }

    @Test
    void namesTheFirstBrokenEntryInChineseWithExitTwo() throws Exception {
        AuditTrail trail = trail(5);
        List<String> lines = new ArrayList<>(Files.readAllLines(trail.file(), StandardCharsets.UTF_8));
        lines.set(3, lines.get(3).replace("10.0.0.3", "10.0.0.9"));
        Files.writeString(trail.file(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        CliRun run = verify();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.err()).contains("审计链已断开：第 4 条记录").contains("记录被修改过")
                .doesNotContain("Exception");
    }

    @Test
    void aDeletedEntryBreaksTheChain() throws Exception {
        AuditTrail trail = trail(5);
        List<String> lines = new ArrayList<>(Files.readAllLines(trail.file(), StandardCharsets.UTF_8));
        lines.remove(0);
        Files.writeString(trail.file(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        CliRun run = verify();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.err()).contains("第 1 条记录");
    }

    @Test
    void withoutATrailItIsAUsageError() {
        CliRun run = verify();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("没有审计链文件");
    }

    @Test
    void withoutASubcommandItShowsTheHelp() {
        CliRun run = CliRun.run("audit");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("verify");
    }
}
