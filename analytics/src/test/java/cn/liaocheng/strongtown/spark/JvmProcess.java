package cn.liaocheng.strongtown.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class running in a JVM of its own, with stdout and stderr going to one log file (kept
 * under {@code target/} for diagnosis).
 */
final class JvmProcess {

    /**
     * What to start.
     *
     * @param name short name for messages ("master", "worker-1", "spark-submit")
     * @param jvmOptions options before the main class (heap, module openings)
     */
    record Spec(String name, String classpath, List<String> jvmOptions, String mainClass, List<String> args,
                Map<String, String> env, Path log) {
    }

    private final Spec spec;
    private final Process process;

    private JvmProcess(Spec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    static JvmProcess start(Spec spec) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        command.add("-cp");
        command.add(spec.classpath());
        command.add(spec.mainClass());
        command.addAll(spec.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(spec.log().toFile());
        builder.environment().putAll(spec.env());
        try {
            Files.createDirectories(spec.log().getParent());
            return new JvmProcess(spec, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动进程 " + spec.name(), e);
        }
    }

    String name() {
        return spec.name();
    }

    Path log() {
        return spec.log();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or empty if the process is still running after {@code timeout}. */
    OptionalInt waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /**
     * Asks the JVM to shut down (SIGTERM, so its shutdown hooks run: a worker kills its executors),
     * and kills it if it has not exited within {@code grace}.
     */
    void stop(Duration grace) {
        process.destroy();
        if (waitFor(grace).isEmpty()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    /** The last lines of the log, for failure messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(spec.log(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(无法读取日志 " + spec.log() + "：" + e.getMessage() + ")";
        }
    }

    String logText() {
        try {
            return Files.readString(spec.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
