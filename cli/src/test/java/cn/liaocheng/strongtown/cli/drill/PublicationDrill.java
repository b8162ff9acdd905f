package cn.liaocheng.strongtown.cli.drill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.liaocheng.strongtown.audit.AuditTrail;
import cn.liaocheng.strongtown.audit.TrailCheck;
import cn.liaocheng.strongtown.audit.TrailEntry;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.cli.CliRun;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.RevisionInfo;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.lake.LakeTransaction;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.task.ProgressListener;
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
public final class PublicationDrill {

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

    private final Path data;
    private final Path work;
    private final Lake lake;
    private final PrintStream log;

    public PublicationDrill(Path data, Path work, PrintStream log) {
        this.data = data;
        this.work = work;
        this.lake = new Lake(work.resolve("lake"));
        this.log = log;
    }

    /** A small scored demo lake (three years, 2 % of the city's enterprises). */
    public void prepare(double scale) {
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        new DemoDataGenerator(towns, CatalogRepository.load(data.resolve("catalog")).newest())
                .generate(lake, new DemoSpec(11, scale, 2023, PublicationLoop.YEAR), ProgressListener.NONE);
        ScoringCli.runDuckDb(data, lake, ProgressListener.NONE);
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
            Process child = new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    PublicationLoop.class.getName(), data.toString(), lake.root().toString(), work.resolve("state").toString(),
                    work.resolve("scratch").toString(), String.valueOf(kill))
                    .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("children.log").toFile())).start();
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> readLines(child, lines));
            reader.start();
            awaitReady(lines);
            int delay = minMs + random.nextInt(maxMs - minMs);
            Thread.sleep(delay);
            waited += delay / 1000.0;
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child did not die");
            }
            reader.join(10_000);
            String phase;
            synchronized (lines) {
                lines.stream().filter(l -> l.startsWith("ACCEPTED ")).forEach(l -> accepted.add(Integer.parseInt(l.substring(9))));
                published += (int) lines.stream().filter("PUBLISHED"::equals).count();
                phase = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            }
            if (phase.equals("UPLOAD")) {
                uploading++;
            } else if (phase.equals("SCORE")) {
                scoring++;
            } else {
                otherwise++;
            }
            long start = System.nanoTime();
            try (LakeLock lock = LakeLock.acquire(lake)) {
                LakeTransaction.recover(lake);
            }
            maxRecovery = Math.max(maxRecovery, (System.nanoTime() - start) / 1e9);
            check(kill, accepted, violations);
            log.printf("kill %2d after %4d ms while %-9s accepted so far %3d, snapshot %s%n", kill + 1, delay,
                    phase.isEmpty() ? "starting" : phase.toLowerCase(), accepted.size(), SnapshotPointer.current(lake).orElse("-"));
        }
        int staging = stagingLeft();
        String before = SnapshotPointer.current(lake).orElseThrow();
        CliRun score = CliRun.onData(lake.root(), work.resolve("state"), "score");
        boolean scored = score.exitCode() == 0 && !SnapshotPointer.current(lake).orElseThrow().equals(before)
                && complete(SnapshotPointer.current(lake).orElseThrow()) == null && stagingLeft() == 0;
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

    /** After one kill: a complete current snapshot, every accepted revision in the lake and in the trail, an intact chain. */
    private void check(int kill, List<Integer> accepted, List<String> violations) throws Exception {
        String current = SnapshotPointer.current(lake).orElse(null);
        String problem = current == null ? "CURRENT names no snapshot" : complete(current);
        if (problem != null) {
            violations.add("kill " + (kill + 1) + ": " + problem);
        }
        Set<Integer> revisions = new HashSet<>();
        new DeclarationIntake(TownRegistry.load(data.resolve("reference")), CatalogRepository.load(data.resolve("catalog")),
                lake).revisions(PublicationLoop.YEAR).stream().map(RevisionInfo::revision).forEach(revisions::add);
        for (int revision : accepted) {
            if (!revisions.contains(revision)) {
                violations.add("kill " + (kill + 1) + ": accepted revision " + revision + " lost");
            }
        }
        // the data events' outbox is forwarded by the next intake; forward now, as that would
        new cn.liaocheng.strongtown.collection.AuditLog(lake).forwardToTrail();
        Set<String> audited = new HashSet<>();
        for (TrailEntry e : AuditTrail.of(lake).entries()) {
            if ("DATA_UPLOADED".equals(e.action()) && e.detail() != null) {
                audited.add(e.detail().replaceFirst("^declarations \\d+ r(\\d+)\\b.*$", "$1"));
            }
        }
        for (int revision : accepted) {
            if (!audited.contains(String.valueOf(revision))) {
                violations.add("kill " + (kill + 1) + ": accepted revision " + revision + " not in the audit trail");
            }
        }
        TrailCheck chain = AuditTrail.of(lake).verify();
        if (!chain.intact()) {
            violations.add("kill " + (kill + 1) + ": audit chain broken at line " + chain.brokenLine() + ": " + chain.problem());
        }
    }

    /** Null when the snapshot folder holds every mart and the manifest and its scores read; else what is wrong. */
    private String complete(String snapshot) throws Exception {
        Path folder = lake.snapshot(snapshot);
        if (!Files.isRegularFile(folder.resolve(ScoringPipeline.MANIFEST))) {
            return "snapshot " + snapshot + " has no manifest";
        }
        for (String mart : ScoringPipeline.MARTS.keySet()) {
            if (!Files.isDirectory(folder.resolve(mart))) {
                return "snapshot " + snapshot + " lacks mart " + mart;
            }
        }
        try (Connection c = DuckDb.inMemory(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM read_parquet("
                + DuckDb.literal(folder + "/scores/*.parquet") + ")")) {
            rs.next();
            return rs.getLong(1) > 0 ? null : "snapshot " + snapshot + " has no scores";
        }
    }

    private int stagingLeft() throws IOException {
        try (Stream<Path> entries = Files.list(lake.marts())) {
            return (int) entries.filter(p -> p.getFileName().toString().startsWith(".staging-")).count();
        }
    }

    private static void awaitReady(List<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                if (lines.contains("READY")) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the drill child did not start within 90 s");
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

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code bench/publication-drill.sh}: [kills] [scale] [min-ms] [max-ms] [work folder]. */
    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 0.05;
        int minMs = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int maxMs = args.length > 3 ? Integer.parseInt(args[3]) : 8000;
        Path work = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("strongtown-publication-drill");
        PublicationDrill drill = new PublicationDrill(CliRun.DATA, work, System.out);
        long start = System.nanoTime();
        drill.prepare(scale);
        System.out.printf("lake %s, demo scale %.2f, kill moments %d–%d ms after the child is ready%n", work, scale, minMs, maxMs);
        Figures figures = drill.run(kills, 20261130L, minMs, maxMs);
        System.out.println(figures.describe());
        figures.violations().forEach(v -> System.out.println("VIOLATION " + v));
        System.out.printf("wall time %.0f s%n", (System.nanoTime() - start) / 1e9);
        System.exit(figures.violations().isEmpty() && figures.nextScoreSucceeded() && figures.nextUploadSucceeded() ? 0 : 1);
    }
}
