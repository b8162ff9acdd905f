package cn.liaocheng.strongtown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class StrongtownCliTest {

    private static final String[] SUBCOMMANDS = {"demo", "score", "score-spark", "template", "upload", "extract",
            "revisions", "restore", "backup", "restore-backup", "reset-admin-password", "synth", "audit"};

    @Test
    void helpListsEverySubcommandAndTheExitCodes() {
        CliRun help = CliRun.run("--help");
        assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).contains(SUBCOMMANDS).contains("用法 Usage: strongtown").contains("子命令 Commands:")
                .contains("退出码 Exit codes:").contains("2   数据未通过校验");
    }

    @Test
    void everySubcommandHasHelpInChineseWithEnglishAlongside() {
        CommandLine root = StrongtownCli.commandLine();
        assertThat(root.getSubcommands().keySet()).containsExactlyInAnyOrder(SUBCOMMANDS);
        for (String name : SUBCOMMANDS) {
            CliRun help = CliRun.run(name, "--help");
            assertThat(help.exitCode()).as(name).isEqualTo(ExitCodes.OK);
            String[] description = root.getSubcommands().get(name).getCommandSpec().usageMessage().description();
            assertThat(description[0]).as(name).matches(".*\\p{IsHan}.*");
            assertThat(description[description.length - 1]).as(name).matches("[A-Z][\\x20-\\x7E]*");
            assertThat(help.out()).as(name).contains("用法 Usage: strongtown " + name).contains("显示帮助 / show this help");
        }
    }

    @Test
    void withoutSubcommandItExplainsAndExitsAsMisuse() {
        CliRun run = CliRun.run();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("错误：缺少子命令。").contains("子命令 Commands:");
    }

    @Test
    void unknownSubcommandIsOneChineseLine() {
        CliRun run = CliRun.run("upload-everything");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("无法识别的参数 upload-everything");
    }

    @Test
    void aYearWithALetterOIsRefusedInChineseWithoutAStackTrace() {
        CliRun run = CliRun.run("revisions", "--year", "2O25");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("参数 --year 的值“2O25”无效，应为整数").contains("strongtown revisions --help");
    }

    @Test
    void aMissingOptionIsNamed() {
        CliRun run = CliRun.run("upload", "--year", "2025", "--file", "x.xlsx");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("缺少参数 --user");
    }

    @Test
    void stackTracesGoToTheLogFileAndOnlyWithVerboseToStandardError() throws Exception {
        // A data folder that is a file: reading the reference data fails inside the library.
        CliRun quiet = CliRun.run("revisions", "--year", "2025", "--data", "pom.xml");
        assertThat(quiet.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(quiet.oneChineseErrorLine()).as(quiet.err()).isTrue();
        assertThat(quiet.err()).contains("没有 catalog 与 reference");
        assertThat(Files.readString(ChineseErrors.logFile())).contains("strongtown revisions --year 2025 --data pom.xml");
        CliRun verbose = CliRun.run("revisions", "--year", "2025", "--data", "pom.xml", "--verbose");
        assertThat(verbose.err()).contains("CliFailure").contains("\tat ");
    }
}
