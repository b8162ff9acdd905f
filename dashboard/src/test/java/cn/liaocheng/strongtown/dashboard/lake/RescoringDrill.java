package cn.liaocheng.strongtown.dashboard.lake;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import cn.liaocheng.strongtown.drill.ChildKill;
import cn.liaocheng.strongtown.drill.PublicationDrillBase;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.SnapshotPointer;

/**
 * Publication drill R2 of the dashboard's own re-scoring: {@code kill -9} of the running dashboard
 * ({@link RescoringLoop}: county submission → office acceptance → the dashboard's background re-scoring and
 * publication) at a random moment, again and again. After every kill, opening the lake (as the next start does) must
 * leave {@code marts/CURRENT} naming a complete snapshot; every revision the child reported as accepted must be in the
 * lake and in the audit trail, and its submission must be recorded as accepted in the workflow database; the
 * trail's chain must hold. Every next child is a fresh start of the dashboard, which must come up (readiness 200)
 * serving {@code CURRENT}, and — when the kill interrupted a re-scoring — score anew so that the served snapshot
 * includes every accepted revision. After the last kill one more dashboard runs a whole submission → acceptance →
 * publication and stops cleanly. {@link RescoringDrillTest} runs a handful; {@code bench/publication-drill.sh
 * dashboard} runs 50 and prints the figures.
 */
public final class RescoringDrill extends PublicationDrillBase {

    /** What a drill saw; the violations list must be empty. */
    public record Figures(int kills, Map<String, Integer> killedWhile, int accepted, int published, int servedStarts,
                          int rescoredAtStart, double meanSecondsToKill, double maxRecoverySeconds, List<String> violations,
                          boolean nextRunSucceeded) {

        String describe() {
            return String.format("kills %d (while %s); accepted uploads %d, all in the lake, the audit trail and the"
                    + " workflow database: %s; snapshots published %d; dashboard starts that served CURRENT %d (of which %d first scored anew: the killed re-scoring had"
                    + " not published the newest revision);"
                    + " mean time to kill %.1f s after ready; longest recovery %.2f s; next run (start, submit,"
                    + " accept, publish, stop) %s", kills, killedWhile, accepted,
                    violations.isEmpty() ? "yes" : "NO", published, servedStarts, rescoredAtStart, meanSecondsToKill, maxRecoverySeconds,
                    nextRunSucceeded ? "ok" : "FAILED");
        }
    }

    /** The protocol lines that name a step; the last of them is the step a kill hit. */
    private static final Set<String> STEPS = Set.of("READY", "SUBMIT", "SUBMITTED", "ACCEPT", "ACCEPTED", "SCORE",
            "PUBLISHED");

    private int rescoredAtStart;

    public RescoringDrill(Path data, Path work, PrintStream log) {
        super(data, work, log, RescoringLoop.YEAR);
    }

    /** Kills the dashboard {@code kills} times at moments drawn between {@code minMs} and {@code maxMs} after it is ready. */
    public Figures run(int kills, long seed, int minMs, int maxMs) throws Exception {
        Random random = new Random(seed);
        List<String> violations = new ArrayList<>();
        Map<Integer, Long> accepted = new LinkedHashMap<>(); // revision → submission
        Map<String, Integer> killedWhile = new LinkedHashMap<>();
        int published = 0;
        int served = 0;
        double waited = 0;
        double maxRecovery = 0;
        String expected = SnapshotPointer.current(lake).orElseThrow();
        for (int kill = 0; kill < kills; kill++) {
            int delay = minMs + random.nextInt(maxMs - minMs);
            ChildKill.Killed killed = ChildKill.run(child(kill), "READY"::equals, Duration.ofSeconds(240), delay);
            waited += delay / 1000.0;
            String label = "kill " + (kill + 1);
            served += checkServed(label, killed, expected, accepted.keySet(), violations);
            killed.after("ACCEPTED ").forEach(line -> accepted.put(Integer.parseInt(line.split(" ")[0]),
                    Long.parseLong(line.split(" ")[1])));
            published += (int) killed.lines().stream().filter(l -> l.startsWith("PUBLISHED ")).count();
            String phase = step(killed);
            killedWhile.merge(phase, 1, Integer::sum);
            maxRecovery = Math.max(maxRecovery, afterKill.recover());
            violations.addAll(afterKill.violations(label, RescoringLoop.YEAR, accepted.keySet()));
            violations.addAll(workflowViolations(label, accepted));
            expected = SnapshotPointer.current(lake).orElse("-");
            log.printf("kill %2d after %4d ms while %-9s accepted so far %3d, CURRENT %s, violations so far %d%n",
                    kill + 1, delay, phase.toLowerCase(), accepted.size(), expected, violations.size());
        }
        boolean next = nextRun(kills, expected, accepted.keySet(), violations);
        if (next) {
            served++;
        }
        return new Figures(kills, killedWhile, accepted.size(), published, served, rescoredAtStart, waited / kills, maxRecovery,
                violations, next);
    }

    private ProcessBuilder child(int kill, String... extra) {
        List<String> args = new ArrayList<>(List.of(data.toString(), lake.root().toString(),
                work.resolve("state").toString(), String.valueOf(kill)));
        args.addAll(List.of(extra));
        return ChildKill.javaChild(List.of("-Xmx768m"), RescoringLoop.class, args.toArray(String[]::new))
                .redirectError(childrenLog());
    }

    /**
     * The dashboard that just started served {@code CURRENT} as the last check left it — or, when that snapshot
     * predates an accepted revision (a kill during re-scoring), a newer one made at start. Answers 1 if it served.
     */
    private int checkServed(String label, ChildKill.Killed killed, String expected, Set<Integer> accepted,
                            List<String> violations) {
        List<String> serves = killed.after("SERVES ");
        if (serves.isEmpty()) {
            violations.add(label + ": the dashboard did not come up serving a snapshot");
            return 0;
        }
        String snapshot = serves.get(0).split(" ")[0];
        if (snapshot.compareTo(expected) < 0) {
            violations.add(label + ": the dashboard served " + snapshot + ", older than CURRENT " + expected);
        } else if (snapshot.compareTo(expected) > 0) {
            rescoredAtStart++;
        }
        if (Long.parseLong(serves.get(0).split(" ")[1]) <= 0) {
            violations.add(label + ": the served snapshot has no scores");
        }
        return 1;
    }

    /** Every submission reported accepted is recorded as accepted with its revision in the workflow database. */
    private List<String> workflowViolations(String label, Map<Integer, Long> accepted) throws Exception {
        List<String> violations = new ArrayList<>();
        // the killed dashboard held the database; opening it replays its write-ahead log, as the next start would
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work.resolve("state").resolve("workflow.duckdb"));
             PreparedStatement st = c.prepareStatement("SELECT state, revision FROM collection_submission WHERE id = ?")) {
            for (Map.Entry<Integer, Long> e : accepted.entrySet()) {
                st.setLong(1, e.getValue());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        violations.add(label + ": submission " + e.getValue() + " lost from the workflow database");
                    } else if (!"ACCEPTED".equals(rs.getString(1)) || rs.getInt(2) != e.getKey()) {
                        violations.add(label + ": submission " + e.getValue() + " is " + rs.getString(1) + " r"
                                + rs.getInt(2) + ", reported accepted as revision " + e.getKey());
                    }
                }
            }
        }
        return violations;
    }

    /** After the last kill: a dashboard starts, serves, runs one whole submission → acceptance → publication, stops. */
    private boolean nextRun(int kills, String expected, Set<Integer> accepted, List<String> violations) throws Exception {
        ProcessBuilder child = child(kills, "once");
        Process process = child.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (ended) {
            ChildKill.deleteTemp(child);
        }
        List<String> lines = out.lines().toList();
        ChildKill.Killed run = new ChildKill.Killed(lines, 0);
        int before = violations.size();
        checkServed("next run", run, expected, accepted, violations);
        List<String> published = run.after("PUBLISHED ");
        boolean ok = ended && process.exitValue() == 0 && !run.after("ACCEPTED ").isEmpty() && !published.isEmpty()
                && published.get(0).equals(SnapshotPointer.current(lake).orElse(""))
                && afterKill.currentProblem().isEmpty() && violations.size() == before;
        if (!ok) {
            log.println("next run: exit " + (ended ? process.exitValue() : "none (still running)") + ", lines " + lines);
        }
        return ok;
    }

    private static String step(ChildKill.Killed killed) {
        for (int i = killed.lines().size() - 1; i >= 0; i--) {
            String word = killed.lines().get(i).split(" ")[0];
            if (STEPS.contains(word)) {
                return word;
            }
        }
        return "STARTING";
    }

    /** {@code bench/publication-drill.sh dashboard}: [kills] [scale] [min-ms] [max-ms] [work folder]. */
    public static void main(String[] args) throws Exception {
        BenchArguments bench = BenchArguments.of(args, "strongtown-rescoring-drill");
        RescoringDrill drill = new RescoringDrill(DataDir.locate(), bench.work(), System.out);
        long start = System.nanoTime();
        drill.prepare(bench.scale());
        System.out.printf("lake %s, demo scale %.2f, kill moments %d–%d ms after the dashboard is ready%n", bench.work(),
                bench.scale(), bench.minMs(), bench.maxMs());
        Figures figures = drill.run(bench.kills(), 20261130L, bench.minMs(), bench.maxMs());
        System.out.println(figures.describe());
        figures.violations().forEach(v -> System.out.println("VIOLATION " + v));
        System.out.printf("wall time %.0f s%n", (System.nanoTime() - start) / 1e9);
        System.exit(figures.violations().isEmpty() && figures.nextRunSucceeded() ? 0 : 1);
    }
}
