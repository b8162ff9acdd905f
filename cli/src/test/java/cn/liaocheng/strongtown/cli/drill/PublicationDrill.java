package cn.liaocheng.strongtown.cli.drill;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailCheck;
import cn.liaocheng.strongtown.cli.CliRun;
import cn.liaocheng.strongtown.drill.ChildKill;
import cn.liaocheng.strongtown.drill.PublicationDrillBase;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Publication drill R2: {@code kill -9} of a process running {@code strongtown upload} and {@code strongtown score}
 * in a loop ({@link PublicationLoop}) at a random moment, again and again. After every kill, opening the lake (its
 * recovery, as every intake and the dashboard's start run it) must leave {@code marts/CURRENT} naming a complete
 * snapshot (every mart, the manifest, readable scores), every revision the child reported as accepted must be in
 * the lake and in the audit trail, and the trail's chain must hold. After the last kill the next {@code score} and
 * {@code upload} must succeed. {@link PublicationDrillTest} runs a handful; {@code bench/publication-drill.sh}
 * runs 50 and prints the figures.
 */
public final class PublicationDrill extends PublicationDrillBase {

    /** What a drill saw; every "violation" list must be empty. */
    public record Figures(int kills, int killedWhileUploading, int killedWhileScoring, int killedOtherwise,
                          int accepted, int published, double meanSecondsToKill, double maxRecoverySeconds,
                          int stagingLeftBeforeNextScore, List<String> violations, boolean nextScoreSucceeded,
                          boolean nextUploadSucceeded, long trailEntries) {

        String describe() {
            return String.format("kills %d (during upload %d, during scoring/publishing %d, otherwise %d); accepted uploads %d,"
                    + " all present in the lake and the audit trail: %s; snapshots published %d; mean time to kill %.1f s;"
                    + " longest recovery %.2f s; unfinished snapshot folders before the next score %d (removed by it);"
                    + " next score %s, next upload %s; audit trail %d entries, chain intact: %s",
                    kills, killedWhileUploading, killedWhileScoring, killedOtherwise, accepted, violations.isEmpty() ? "yes" : "NO",
                    published, meanSecondsToKill, maxRecoverySeconds, stagingLeftBeforeNextScore,
                    nextScoreSucceeded ? "ok" : "FAILED", nextUploadSucceeded ? "ok" : "FAILED", trailEntries,
                    violations.isEmpty() ? "yes" : "see violations");
        }
    }


    public PublicationDrill(Path data, Path work, PrintStream log) {
        super(data, work, log, PublicationLoop.YEAR);
    }

    /** Kills the child {@code kills} times at moments drawn between {@code minMs} and {@code maxMs} after it is ready. */
    public Figures run(int kills, long seed, int minMs, int maxMs) throws Exception {
        Random random = new Random(seed);
        List<String> violations = new ArrayList<>();
        List<Integer> accepted = new ArrayList<>();
        int uploading = 0;
        int scoring = 0;
        int otherwise = 0;
        int published = 0;
        double waited = 0;
        double maxRecovery = 0;
        for (int kill = 0; kill < kills; kill++) {
            int delay = minMs + random.nextInt(maxMs - minMs);
            ChildKill.Killed killed = ChildKill.run(ChildKill.javaChild(List.of("-Xmx512m"), PublicationLoop.class,
                    data.toString(), lake.root().toString(), work.resolve("state").toString(),
                    work.resolve("scratch").toString(), String.valueOf(kill))
                    .redirectError(childrenLog()),
                    "READY"::equals, Duration.ofSeconds(90), delay);
            waited += delay / 1000.0;
            killed.after("ACCEPTED ").forEach(revision -> accepted.add(Integer.parseInt(revision)));
            published += (int) killed.count("PUBLISHED");
            String phase = killed.last();
            if (phase.equals("UPLOAD")) {
                uploading++;
            } else if (phase.equals("SCORE")) {
                scoring++;
            } else {
                otherwise++;
            }
            maxRecovery = Math.max(maxRecovery, afterKill.recover());
            violations.addAll(afterKill.violations("kill " + (kill + 1), PublicationLoop.YEAR, accepted));
            log.printf("kill %2d after %4d ms while %-9s accepted so far %3d, snapshot %s%n", kill + 1, delay,
                    phase.isEmpty() ? "starting" : phase.toLowerCase(), accepted.size(), SnapshotPointer.current(lake).orElse("-"));
        }
        int staging = afterKill.stagingLeft();
        String before = SnapshotPointer.current(lake).orElseThrow();
        CliRun score = CliRun.onData(lake.root(), work.resolve("state"), "score");
        boolean scored = score.exitCode() == 0 && !SnapshotPointer.current(lake).orElseThrow().equals(before)
                && afterKill.currentProblem().isEmpty() && afterKill.stagingLeft() == 0;
        Path csv = work.resolve("scratch").resolve("after-the-drill.csv");
        String town = TownRegistry.load(data.resolve("reference")).towns().get(30).code();
        Files.writeString(csv, "乡镇代码,常住人口（万人）,地区生产总值（万元）\n" + town + ",5,777777\n", StandardCharsets.UTF_8);
        CliRun upload = CliRun.onData(lake.root(), work.resolve("state"), "upload", "--year",
                String.valueOf(PublicationLoop.YEAR), "--file", csv.toString(), "--user", "drill");
        boolean uploaded = upload.exitCode() == 0 && upload.out().contains("已接受");
        if (!uploaded) {
            log.println(upload.out() + upload.err());
        }
        TrailCheck trail = AuditTrail.of(lake).verify();
        if (!trail.intact()) {
            violations.add("after the drill: audit chain broken: " + trail.problem());
        }
        return new Figures(kills, uploading, scoring, otherwise, accepted.size(), published, waited / kills, maxRecovery,
                staging, violations, scored, uploaded, trail.entries());
    }

    /** {@code bench/publication-drill.sh}: [kills] [scale] [min-ms] [max-ms] [work folder]. */
    public static void main(String[] args) throws Exception {
        BenchArguments bench = BenchArguments.of(args, "strongtown-publication-drill");
        PublicationDrill drill = new PublicationDrill(CliRun.DATA, bench.work(), System.out);
        long start = System.nanoTime();
        drill.prepare(bench.scale());
        System.out.printf("lake %s, demo scale %.2f, kill moments %d–%d ms after the child is ready%n", bench.work(), bench.scale(),
                bench.minMs(), bench.maxMs());
        Figures figures = drill.run(bench.kills(), 20261130L, bench.minMs(), bench.maxMs());
        System.out.println(figures.describe());
        figures.violations().forEach(v -> System.out.println("VIOLATION " + v));
        System.out.printf("wall time %.0f s%n", (System.nanoTime() - start) / 1e9);
        System.exit(figures.violations().isEmpty() && figures.nextScoreSucceeded() && figures.nextUploadSucceeded() ? 0 : 1);
    }
}
