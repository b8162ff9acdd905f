package cn.liaocheng.strongtown.dashboard.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Round-trip times and errors by kind, thread-safe. Samples count only while {@link #recording} is on
 * (after the warm-up); errors always count. Percentiles are Commons Math's ({@link DescriptiveStatistics}).
 */
final class LoadStats {

    /** One line of the summary. */
    record Summary(String kind, long count, double p50, double p95, double p99, double max, int errors) {
    }

    private final Map<String, Queue<Double>> millis = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final Queue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errorMessages = new AtomicInteger();
    volatile boolean recording = true;
    /**
     * Names the phase a sample falls in (the soak: whether a re-scoring runs); each sample is also filed under
     * {@code kind + PHASE + phase}, for {@link #phaseGroup}. Null phase: not filed twice.
     */
    volatile java.util.function.Supplier<String> phase = () -> null;
    static final String PHASE = " | ";

    void record(String kind, long nanos) {
        if (recording) {
            millis.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos / 1e6);
            String now = phase.get();
            if (now != null) {
                millis.computeIfAbsent(kind + PHASE + now, k -> new ConcurrentLinkedQueue<>()).add(nanos / 1e6);
            }
        }
    }

    /** The kinds' samples taken in the phase. */
    static List<String> phaseGroup(List<String> kinds, String phase) {
        return kinds.stream().map(k -> k + PHASE + phase).toList();
    }

    /** Records whether or not the window is open (one-off samples such as logins during the ramp-up). */
    void recordAlways(String kind, long nanos) {
        millis.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos / 1e6);
    }

    void error(String kind, Throwable failure) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (errorMessages.incrementAndGet() <= 20) {
            firstErrors.add(kind + ": " + failure);
        }
    }

    int errorCount() {
        return errors.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    List<String> firstErrors() {
        return List.copyOf(firstErrors);
    }

    /** One summary per kind, then one for each group of kinds (name → kinds), in that order. */
    List<Summary> summaries(Map<String, List<String>> groups) {
        List<Summary> lines = new ArrayList<>();
        java.util.TreeSet<String> kinds = new java.util.TreeSet<>(millis.keySet());
        kinds.addAll(errors.keySet());
        for (String kind : kinds) {
            if (!kind.contains(PHASE)) {
                lines.add(summary(kind, List.of(kind)));
            }
        }
        groups.forEach((name, members) -> lines.add(summary(name, members)));
        return lines;
    }

    Summary summary(String name, List<String> kinds) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        int errorSum = 0;
        for (String kind : kinds) {
            millis.getOrDefault(kind, new ConcurrentLinkedQueue<>()).forEach(stats::addValue);
            AtomicInteger e = errors.get(kind);
            errorSum += e == null ? 0 : e.get();
        }
        if (stats.getN() == 0) {
            return new Summary(name, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, errorSum);
        }
        return new Summary(name, stats.getN(), stats.getPercentile(50), stats.getPercentile(95),
                stats.getPercentile(99), stats.getMax(), errorSum);
    }

    static void print(PrintStream out, List<Summary> lines) {
        out.printf(Locale.ROOT, "%-28s %7s %8s %8s %8s %8s %7s%n", "kind", "count", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "errors");
        for (Summary s : lines) {
            out.printf(Locale.ROOT, "%-28s %7d %8.1f %8.1f %8.1f %8.1f %7d%n", s.kind(), s.count(), s.p50(), s.p95(),
                    s.p99(), s.max(), s.errors());
        }
    }
}
