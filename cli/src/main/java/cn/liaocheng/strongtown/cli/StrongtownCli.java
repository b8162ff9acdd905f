package cn.liaocheng.strongtown.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import cn.liaocheng.strongtown.cli.audit.AuditCommand;
import cn.liaocheng.strongtown.cli.backup.BackupCommand;
import cn.liaocheng.strongtown.cli.backup.RestoreBackupCommand;
import cn.liaocheng.strongtown.cli.collection.ExtractCommand;
import cn.liaocheng.strongtown.cli.collection.RestoreCommand;
import cn.liaocheng.strongtown.cli.collection.RevisionsCommand;
import cn.liaocheng.strongtown.cli.collection.TemplateCommand;
import cn.liaocheng.strongtown.cli.collection.UploadCommand;
import cn.liaocheng.strongtown.cli.demo.DemoCommand;
import cn.liaocheng.strongtown.cli.scoring.ScoreCommand;
import cn.liaocheng.strongtown.cli.scoring.ScoreSparkCommand;
import cn.liaocheng.strongtown.cli.user.ResetAdminPasswordCommand;
import cn.liaocheng.strongtown.synth.SynthCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code strongtown}: the one command-line tool (README, "Command line"). A new feature adds its command class to
 * {@code subcommands} below — one line; the options {@code --help} and {@code --verbose}, the Chinese help
 * headings, error messages and exit codes apply to it without more code.
 */
@Command(name = "strongtown", versionProvider = StrongtownCli.Version.class,
        description = {"聊城市民营经济高质量发展强镇监测系统的命令行工具。",
                "Strong-Town Monitor command line: demo data, scoring, data collection, backups, accounts."},
        subcommands = {
                DemoCommand.class,
                ScoreCommand.class,
                ScoreSparkCommand.class,
                TemplateCommand.class,
                UploadCommand.class,
                ExtractCommand.class,
                RevisionsCommand.class,
                RestoreCommand.class,
                BackupCommand.class,
                RestoreBackupCommand.class,
                ResetAdminPasswordCommand.class,
                SynthCommand.class,
                AuditCommand.class,
        },
        exitCodeListHeading = "%n退出码 Exit codes:%n",
        exitCodeList = {
                "0:完成（数据已接受或无变化） / done (accepted or unchanged)",
                "1:用法错误：参数缺失或无效、文件不存在 / wrong use: missing or invalid argument, missing file",
                "2:数据未通过校验，未写入任何内容 / data rejected by validation, nothing written",
                "3:运行失败（详情见日志文件或 --verbose） / failure (details in the log file or with --verbose)"})
public class StrongtownCli implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "显示帮助 / show this help")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "显示版本 / show the version")
    boolean version;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "出错时显示完整堆栈 / print the full stack trace on failure")
    boolean verbose;

    /** Without a subcommand: one line and the help on standard error, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("错误：缺少子命令。");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        // POI and Spring's crypto log through the Log4j API, which has no provider in this jar (a bridge to SLF4J
        // would clash with Spark's own binding in score-spark); its English start-up notice is not for users.
        if (System.getProperty("log4j2.statusLoggerLevel") == null) {
            System.setProperty("log4j2.statusLoggerLevel", "OFF");
        }
        CommandLine commandLine = commandLine();
        int exit;
        try {
            exit = commandLine.execute(args);
        } catch (LinkageError | VirtualMachineError error) {
            // picocli hands only exceptions to the handler; errors (a missing library, out of memory) end here.
            exit = ChineseErrors.fatal(error, args, commandLine.getErr());
        }
        System.exit(exit);
    }

    /** The configured command line (tests run it with their own output streams). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new StrongtownCli());
        ChineseErrors errors = new ChineseErrors();
        commandLine.setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors)
                .setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        chineseHeadings(commandLine);
        return commandLine;
    }

    private static void chineseHeadings(CommandLine commandLine) {
        UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        usage.synopsisHeading("用法 Usage: ").descriptionHeading("%n").parameterListHeading("%n参数 Parameters:%n")
                .optionListHeading("%n选项 Options:%n").commandListHeading("%n子命令 Commands:%n");
        commandLine.getSubcommands().values().forEach(StrongtownCli::chineseHeadings);
    }

    /** The version of the jar (from its manifest), or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StrongtownCli.class.getPackage().getImplementationVersion();
            return new String[] {"strongtown " + (version != null ? version : "dev")};
        }
    }
}
