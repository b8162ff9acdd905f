package cn.liaocheng.strongtown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The shaded jar as a user runs it: {@code java -jar cli/target/strongtown.jar …}. */
class CliJarIT {

    private static final Path JAR = Path.of(System.getProperty("strongtown.cliJar"));

    private static CliRun java(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
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
    void scoreSparkWithoutSparkExplainsHowToProvideIt() throws Exception {
        CliRun run = java("score-spark", "--data", CliRun.DATA.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("类路径中没有 Spark").contains("$SPARK_HOME/jars/*");
    }
}
