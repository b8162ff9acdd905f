package cn.liaocheng.strongtown.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

import cn.liaocheng.strongtown.lake.DataDir;

/** Runs {@code strongtown} in the test JVM with captured output; the result has the exit code and both streams. */
public record CliRun(int exitCode, String out, String err) {

    /** The repository's data folder (reference facts and catalog). */
    public static final Path DATA = DataDir.locate();

    public static CliRun run(String... args) {
        CommandLine commandLine = StrongtownCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Runs a data command on the repository's data folder with the given lake and state folders. */
    public static CliRun onData(Path lake, Path state, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", DATA.toString(), "--lake", lake.toString(), "--state", state.toString()));
        return run(all.toArray(String[]::new));
    }

    /** Standard error holds exactly one line, in Chinese, with no Java exception text. */
    public boolean oneChineseErrorLine() {
        List<String> lines = err.lines().toList();
        return lines.size() == 1 && lines.get(0).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN) && !err.contains("Exception") && !err.contains("\tat ");
    }
}
