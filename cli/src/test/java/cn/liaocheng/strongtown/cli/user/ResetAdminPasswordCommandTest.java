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
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

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
    void setsABcryptHashTheDashboardsEncoderAcceptsAndUnlocksTheAccount() throws Exception {
        CliRun run = reset("a-new-long-password");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("已重置管理员 admin 的密码并解锁");
        try (Connection c = DuckDb.open("jdbc:duckdb:" + state.resolve("workflow.duckdb")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash, enabled, failed_logins, locked_until_epoch_ms "
                     + "FROM users WHERE username = 'admin'")) {
            assertThat(rs.next()).isTrue();
            String hash = rs.getString(1);
            assertThat(hash).startsWith("{bcrypt}$2");
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("a-new-long-password", hash)).isTrue();
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
        assertThat(run.err()).contains("密码至少需要 10 个字符");
        try (Connection c = DuckDb.open("jdbc:duckdb:" + state.resolve("workflow.duckdb")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT failed_logins FROM users WHERE username = 'admin'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(5);
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
