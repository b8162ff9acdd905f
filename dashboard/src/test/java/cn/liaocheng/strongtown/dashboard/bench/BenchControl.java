package cn.liaocheng.strongtown.dashboard.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the load benches share: their {@code --name=value} options, the flag that stops every simulated user,
 * one timed user action followed by a think time, and the machine facts they print.
 */
final class BenchControl {

    private final Map<String, String> options;
    private volatile boolean running = true;

    private BenchControl(Map<String, String> options) {
        this.options = options;
    }

    static BenchControl fromArgs(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return new BenchControl(options);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, String.valueOf(fallback)));
    }

    boolean running() {
        return running;
    }

    void stop() {
        running = false;
    }

    /** Runs one user action (failures carry its kind), then thinks if asked — unless the bench is stopping. */
    void act(String kind, Runnable action, boolean think) throws InterruptedException {
        if (!running) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            throw new BenchFailure.InKind(kind, e);
        }
        think(think);
    }

    /** A user's think time: uniform between {@code --think-min} and {@code --think-max} milliseconds. */
    void think(boolean think) throws InterruptedException {
        if (think && running) {
            Thread.sleep(ThreadLocalRandom.current().nextLong(intOption("think-min", 2000), intOption("think-max", 8000) + 1L));
        }
    }

    /** The sessions still logged in when the simulated users stopped (a user that gave up returns null). */
    static List<UidlSession> openSessions(List<Future<UidlSession>> users) throws InterruptedException, ExecutionException {
        List<UidlSession> open = new ArrayList<>();
        for (Future<UidlSession> user : users) {
            UidlSession session = user.get();
            if (session != null) {
                open.add(session);
            }
        }
        return open;
    }

    /** The {@code ERROR} lines the server logged after byte {@code from} of its log. */
    static List<String> serverErrors(Path log, long from) throws IOException {
        List<String> errors = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            file.seek(Math.min(from, file.length()));
            byte[] rest = new byte[(int) (file.length() - file.getFilePointer())];
            file.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                if (line.contains(" ERROR ")) {
                    errors.add(line);
                }
            }
        }
        return errors;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
