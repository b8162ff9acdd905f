package cn.liaocheng.strongtown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import cn.liaocheng.strongtown.lake.DuckDb;

/** The shaded jar as a user runs it: {@code java -jar cli/target/strongtown.jar …}. */
class CliJarIT {

    private static final Path JAR = Path.of(System.getProperty("strongtown.cliJar"));

    private static CliRun java(String... args) throws Exception {
        return javaWithInput("", args);
    }

    private static CliRun javaWithInput(String input, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CliRun(process.exitValue(), out, err);
    }

    @Test
    void helpOfTheJarListsEverySubcommand() throws Exception {
        CliRun help = java("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("demo", "score", "score-spark", "template", "upload", "extract", "revisions",
                "restore", "backup", "restore-backup", "reset-admin-password");
    }

    @Test
    void resetsTheAdminPasswordWithTheJarsOwnLibraries(@TempDir Path state) throws Exception {
        Path schema = CliRun.DATA.getParent().resolve("dashboard/src/main/resources/db/workflow/V001__users_and_audit_log.sql");
        try (Connection c = DuckDb.open("jdbc:duckdb:" + state.resolve("workflow.duckdb")); Statement s = c.createStatement()) {
            for (String sql : Files.readString(schema).replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
        // a lake of its own: the reset writes to the lake's audit trail, never into the module folder
        CliRun run = javaWithInput("a-new-long-password\n", "reset-admin-password", "--state", state.toString(),
                "--lake", state.resolve("lake").toString(), "--password-stdin");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("已创建管理员账户 admin");
        try (Connection c = DuckDb.open("jdbc:duckdb:" + state.resolve("workflow.duckdb")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash FROM users WHERE username = 'admin'")) {
            assertThat(rs.next()).isTrue();
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("a-new-long-password",
                    rs.getString(1))).isTrue();
        }
    }

    @Test
    void scoreSparkWithoutSparkExplainsHowToProvideIt() throws Exception {
        CliRun run = java("score-spark", "--data", CliRun.DATA.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("类路径中没有 Spark").contains("$SPARK_HOME/jars/*");
    }
}
