package cn.liaocheng.strongtown.cli.user;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Callable;


import cn.liaocheng.strongtown.account.PasswordHashing;
import cn.liaocheng.strongtown.account.PasswordRules;
import cn.liaocheng.strongtown.cli.CliFailure;
import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.cli.audit.CliAudit;
import cn.liaocheng.strongtown.audit.TrailEvent;
import cn.liaocheng.strongtown.lake.DuckDb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongtown reset-admin-password}: sets the {@code admin} account's password in the workflow database,
 * enables and unlocks it (creates it if missing), and writes the reset to the lake's audit trail. The hash is the
 * dashboard's own ({@code account.PasswordHashing}: PBKDF2 under Spring Security's delegating
 * encoder). The dashboard must be stopped (the database has one writing process).
 */
@Command(name = "reset-admin-password", description = {
        "重置管理员 admin 的密码（并解锁、启用）。密码取自环境变量 STRONGTOWN_ADMIN_PASSWORD，或 --password-stdin，或交互输入；至少 12 个字符，不能是常见密码或含用户名。须先停止仪表盘。",
        "Reset the password of 'admin' (and unlock it). Password from STRONGTOWN_ADMIN_PASSWORD, --password-stdin or a prompt; at least 12 characters, not a common password, not containing the user name. Stop the dashboard first."})
public class ResetAdminPasswordCommand implements Callable<Integer> {

    static final String ADMIN = "admin";
    static final String PASSWORD_VARIABLE = "STRONGTOWN_ADMIN_PASSWORD";
    static final int MIN_PASSWORD_LENGTH = PasswordRules.MIN_LENGTH;

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Option(names = "--workflow-db", paramLabel = "FILE", defaultValue = "${env:STRONGTOWN_WORKFLOW_DB}",
            description = "工作库文件（默认 $STRONGTOWN_WORKFLOW_DB 或 <state>/workflow.duckdb） / workflow database")
    Path workflowDb;

    @Option(names = "--password-stdin", description = "从标准输入读取新密码（一行） / read the new password from standard input")
    boolean passwordFromStdin;

    @Override
    public Integer call() {
        Path database = workflowDb != null ? workflowDb : where.state().resolve("workflow.duckdb");
        if (!Files.isRegularFile(database)) {
            throw CliFailure.usage("工作库不存在：" + database + "（请先启动一次仪表盘，或用 --workflow-db / --state 指定）");
        }
        String password = password();
        // the dashboard's rules (length, common passwords, the user name) and its hash (PBKDF2, no 72-byte limit)
        PasswordRules.check(password, ADMIN, false).ifPresent(refusal -> {
            throw CliFailure.usage(refusal.chinese());
        });
        String hash = PasswordHashing.encoder().encode(password);
        boolean created = store(database, hash);
        // the one audit trail, in the lake (the workflow database's old audit table is no longer written)
        CliAudit.record(where.lake(), TrailEvent.ACCOUNT, "PASSWORD_RESET", ADMIN, null);
        spec.commandLine().getOut().println((created ? "已创建管理员账户 admin 并设置密码" : "已重置管理员 admin 的密码并解锁")
                + "（工作库 " + database + "）");
        return ExitCodes.OK;
    }

    /** The new password: environment, standard input, or an interactive prompt (asked twice). */
    private String password() {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (passwordFromStdin) {
            try {
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取标准输入", e);
            }
        }
        Console console = System.console();
        if (console == null) {
            throw CliFailure.usage("没有终端可输入密码：请设置环境变量 " + PASSWORD_VARIABLE + " 或使用 --password-stdin");
        }
        char[] first = console.readPassword("新密码 / new password: ");
        char[] second = console.readPassword("再输入一次 / repeat: ");
        if (first == null || second == null || !new String(first).equals(new String(second))) {
            throw CliFailure.usage("两次输入的密码不一致");
        }
        return new String(first);
    }

    /** Writes the hash in one transaction; returns whether the account had to be created. */
    static boolean store(Path database, String hash) {
        try (Connection c = DuckDb.open("jdbc:duckdb:" + database.toAbsolutePath())) {
            c.setAutoCommit(false);
            long now = System.currentTimeMillis();
            boolean created;
            try (PreparedStatement update = c.prepareStatement("UPDATE users SET password_hash = ?, "
                    + "password_changed_epoch_ms = ?, failed_logins = 0, locked_until_epoch_ms = NULL, enabled = TRUE "
                    + "WHERE username = ?")) {
                update.setString(1, hash);
                update.setLong(2, now);
                update.setString(3, ADMIN);
                created = update.executeUpdate() == 0;
            }
            if (created) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO users (username, display_name, role, "
                        + "county_code, enabled, failed_logins, locked_until_epoch_ms, created_epoch_ms, password_hash, "
                        + "password_changed_epoch_ms) VALUES (?, '管理员', 'ADMIN', NULL, TRUE, 0, NULL, ?, ?, ?)")) {
                    insert.setString(1, ADMIN);
                    insert.setLong(2, now);
                    insert.setString(3, hash);
                    insert.setLong(4, now);
                    insert.executeUpdate();
                }
            }
            c.commit();
            return created;
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("lock")) {
                throw new CliFailure(ExitCodes.FAILURE, "工作库正被其他进程使用（仪表盘是否在运行？请先停止它）：" + database, e);
            }
            throw new CliFailure(ExitCodes.FAILURE, "无法写入工作库 " + database + "（是否为本系统的工作库？）", e);
        }
    }
}
