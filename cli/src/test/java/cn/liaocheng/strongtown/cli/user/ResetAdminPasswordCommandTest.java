package cn.liaocheng.strongtown.cli.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.account.PasswordHashing;
import cn.liaocheng.strongtown.cli.CliRun;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.lake.DuckDb;

/** Against a workflow database with the dashboard's own first schema (its V001 migration). */
class ResetAdminPasswordCommandTest {

    private static final Path SCHEMA = CliRun.DATA.getParent()
            .resolve("dashboard/src/main/resources/db/workflow/V001__users_and_audit_log.sql");

    @TempDir
    Path root;
    private Path state;
    private final InputStream stdin = System.in;

    @BeforeEach
    void workflowDatabaseWithALockedAdmin() throws Exception {
        state = root.resolve("state");
        Files.createDirectories(state);
        try (Connection c = DuckDb.open("jdbc:duckdb:" + state.resolve("workflow.duckdb")); Statement s = c.createStatement()) {
            for (String sql : Files.readString(SCHEMA).replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            s.execute("INSERT INTO users VALUES ('admin', '管理员', 'ADMIN', NULL, FALSE, 5, 9999999999999, 0, "
                    + "'{bcrypt}$2a$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva', 0)");
        }
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private CliRun reset(String password) {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        return CliRun.onData(root.resolve("lake"), state, "reset-admin-password", "--password-stdin");
    }

    @Test
    void setsTheDashboardsHashItsEncoderAcceptsAndUnlocksTheAccount() throws Exception {
        CliRun run = reset("a-new-long-password");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("已重置管理员 admin 的密码并解锁");
        try (Connection c = DuckDb.open("jdbc:duckdb:" + state.resolve("workflow.duckdb")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash, enabled, failed_logins, locked_until_epoch_ms "
                     + "FROM users WHERE username = 'admin'")) {
            assertThat(rs.next()).isTrue();
            String hash = rs.getString(1);
            assertThat(hash).startsWith("{" + PasswordHashing.ID + "}");
            assertThat(PasswordHashing.encoder().matches("a-new-long-password", hash)).isTrue();
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getInt(3)).isZero();
            assertThat(rs.getObject(4)).isNull();
        }
        // the reset is in the one audit trail (the lake's), as an account event
        var trail = cn.liaocheng.strongtown.audit.AuditTrail.of(new cn.liaocheng.strongtown.lake.Lake(root.resolve("lake")));
        assertThat(trail.entries()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("PASSWORD_RESET");
            assertThat(e.category()).isEqualTo("account");
        });
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void refusesAShortPasswordAndChangesNothing() throws Exception {
        CliRun run = reset("short");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("密码至少需要 12 个字符");
        try (Connection c = DuckDb.open("jdbc:duckdb:" + state.resolve("workflow.duckdb")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT failed_logins FROM users WHERE username = 'admin'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(5);
        }
    }

    @Test
    void refusesCommonPasswordsAndTheUserNameAsTheDashboardDoes() {
        assertThat(reset("password1234").err()).contains("太常见");
        assertThat(reset("my-admin-password-2026").err()).contains("不能包含用户名");
    }

    @Test
    void acceptsALongChinesePassphraseBeyondBcryptsLimit() throws Exception {
        String passphrase = "聊城市民营经济高质量发展强镇评选与跟踪系统的管理员口令不怕很长很长很长";
        assertThat(passphrase.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        CliRun run = reset(passphrase);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        try (Connection c = DuckDb.open("jdbc:duckdb:" + state.resolve("workflow.duckdb")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash FROM users WHERE username = 'admin'")) {
            assertThat(rs.next()).isTrue();
            assertThat(PasswordHashing.encoder().matches(passphrase, rs.getString(1))).isTrue();
        }
    }

    @Test
    void refusesAMissingWorkflowDatabase() {
        System.setIn(new ByteArrayInputStream("a-new-long-password\n".getBytes(StandardCharsets.UTF_8)));
        CliRun run = CliRun.onData(root.resolve("lake"), root.resolve("nowhere"), "reset-admin-password", "--password-stdin");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("工作库不存在");
    }
}
