package cn.liaocheng.strongtown.drill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One round of a kill drill, shared by every drill (analytics {@code IngestKillTest}, the command line's
 * {@code PublicationDrill}, the dashboard's {@code RescoringDrill}): start a child JVM on this JVM's class path, wait
 * until it says it is ready, let it work for the given time, {@code kill -9} it (SIGKILL on Linux: no shutdown hooks,
 * no finally blocks) and answer every line it printed. Children print one line after each step they finish.
 * Shipped to the other modules' tests as analytics' test jar (only this package).
 */
public final class ChildKill {

    /** What one killed child printed, in order, and how long it worked after it was ready. */
    public record Killed(List<String> lines, int workedMs) {

        /** The lines starting with {@code prefix}, without it. */
        public List<String> after(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }

        public long count(String line) {
            return lines.stream().filter(line::equals).count();
        }

        /** The last line: the step the child was in when it died (empty if it printed nothing). */
        public String last() {
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private ChildKill() {
    }

    /** Names the temporary folder each child gets, which {@link #run} deletes once the child is dead. */
    private static final String CHILD_TEMP = "-Djava.io.tmpdir=";
    private static final String CHILD_TEMP_PREFIX = "strongtown-drill-child-";

    /**
     * A child JVM running {@code main} on this JVM's class path, with the given JVM options and arguments, and a
     * temporary folder of its own: a JVM killed with SIGKILL deletes nothing, and every child that opens DuckDB
     * unpacks its 69 MB native library into the temporary folder ({@code libduckdb_java*.so}) — left in the
     * machine's {@code /tmp}, a few hundred drill runs filled 63 GB there.
     */
    public static ProcessBuilder javaChild(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        try {
            command.add(CHILD_TEMP + Files.createTempDirectory(CHILD_TEMP_PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /**
     * Starts the child, waits (up to {@code readyWithin}) until a printed line satisfies {@code ready}, lets it work
     * {@code workMs}, kills it and answers its lines. The moment counts from readiness, not from the JVM's start,
     * which a loaded machine can stretch past the whole window.
     */
    public static Killed run(ProcessBuilder child, Predicate<String> ready, Duration readyWithin, int workMs)
            throws IOException, InterruptedException {
        Process process = child.start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> readLines(process, lines), "kill-drill-reader");
        reader.start();
        try {
            awaitReady(process, lines, ready, readyWithin);
            Thread.sleep(workMs);
        } finally {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the drill child did not die");
            }
            reader.join(10_000);
            deleteTemp(child);
        }
        synchronized (lines) {
            return new Killed(List.copyOf(lines), workMs);
        }
    }

    /** Deletes the temporary folder {@link #javaChild} gave a child, with what the child left in it. */
    public static void deleteTemp(ProcessBuilder child) throws IOException {
        for (String option : child.command()) {
            if (option.startsWith(CHILD_TEMP) && option.contains(CHILD_TEMP_PREFIX)) {
                Path folder = Path.of(option.substring(CHILD_TEMP.length()));
                if (Files.exists(folder)) {
                    try (Stream<Path> walk = Files.walk(folder)) {
                        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(p);
                        }
                    }
                }
            }
        }
    }

    private static void awaitReady(Process process, List<String> lines, Predicate<String> ready, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                if (lines.stream().anyMatch(ready)) {
                    return;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the drill child ended before it was ready (exit " + process.exitValue()
                        + "): " + lines);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the drill child was not ready within " + within.toSeconds() + " s");
    }

    private static void readLines(Process child, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // killed mid-line: what was read stays
        }
    }
}
