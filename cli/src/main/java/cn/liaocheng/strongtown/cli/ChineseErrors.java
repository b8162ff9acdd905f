package cn.liaocheng.strongtown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import cn.liaocheng.strongtown.synth.SynthInputException;

/**
 * Turns every error into one Chinese line on standard error and an exit code ({@link ExitCodes}); the stack
 * trace goes to the log file ({@code $STRONGTOWN_CLI_LOG}, default {@code <tmp>/strongtown-cli.log}) and, with
 * {@code --verbose}, to standard error too. No English exception text reaches the user.
 */
final class ChineseErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final String LOG_VARIABLE = "STRONGTOWN_CLI_LOG";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        command.getErr().println("错误：" + describe(ex) + "。用法见 " + command.getCommandSpec().qualifiedName()
                + " --help");
        return ExitCodes.USAGE;
    }

    static String describe(ParameterException ex) {
        if (ex instanceof MissingParameterException missing) {
            return "缺少参数 " + names(missing.getMissing());
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return "无法识别的参数 " + String.join(" ", unmatched.getUnmatched());
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg != null && ex.getValue() != null) {
            return "参数 " + name(arg) + " 的值“" + ex.getValue() + "”无效，应为" + typeName(arg.type());
        }
        if (arg != null) {
            return "参数 " + name(arg) + " 有误";
        }
        return "参数有误";
    }

    private static String names(List<ArgSpec> args) {
        return args.stream().map(ChineseErrors::name).collect(Collectors.joining("、"));
    }

    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return ((PositionalParamSpec) arg).paramLabel();
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "整数";
        }
        if (type == double.class || type == Double.class) {
            return "数字";
        }
        if (type == Path.class) {
            return "路径";
        }
        return "有效值";
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        Path log = logFile();
        boolean logged = writeLog(log, parseResult.originalArgs(), ex);
        if (parseResult.originalArgs().contains("--verbose")) {
            ex.printStackTrace(command.getErr());
        }
        String where = logged ? "（详情见 " + log + "，或加 --verbose）" : "（加 --verbose 查看详情）";
        if (ex instanceof CliFailure failure) {
            command.getErr().println("错误：" + failure.getMessage());
            return failure.exitCode();
        }
        if (ex instanceof SynthInputException input) {
            command.getErr().println("错误：" + input.getMessage());
            return ExitCodes.REJECTED;
        }
        String chinese = chineseMessage(ex);
        if (ex instanceof IllegalArgumentException && chinese != null) {
            command.getErr().println("错误：" + chinese);
            return ExitCodes.USAGE;
        }
        command.getErr().println("失败：" + (chinese != null ? chinese : "内部错误（" + ex.getClass().getSimpleName() + "）")
                + where);
        return ExitCodes.FAILURE;
    }

    /** A JVM error outside picocli's handling: one line, the trace in the log file (and with --verbose). */
    static int fatal(Throwable error, String[] args, java.io.PrintWriter err) {
        Path log = logFile();
        boolean logged = writeLog(log, List.of(args), error);
        if (List.of(args).contains("--verbose")) {
            error.printStackTrace(err);
        }
        String kind = error instanceof OutOfMemoryError ? "内存不足（可用 java -Xmx 加大）" : "运行环境错误（" + error.getClass().getSimpleName() + "）";
        err.println("失败：" + kind + (logged ? "（详情见 " + log + "）" : ""));
        err.flush();
        return ExitCodes.FAILURE;
    }

    /** The first message in the cause chain written in Chinese (our own code's messages), else null. */
    static String chineseMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                return message.lines().findFirst().orElse(message);
            }
        }
        return null;
    }

    static Path logFile() {
        String configured = System.getenv(LOG_VARIABLE);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "strongtown-cli.log");
    }

    private static boolean writeLog(Path log, List<String> args, Throwable ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        String entry = OffsetDateTime.now() + " strongtown " + String.join(" ", args) + System.lineSeparator() + trace;
        try {
            Files.writeString(log, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
