package cn.liaocheng.strongtown.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.demo.SyntheticTowns;
import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.LocalSnapshotStore;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.scoring.ScoringUnit;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The cluster proof of issue 15: a synthetic lake of N towns × 10 years scored once on DuckDB and once
 * by the packaged job on a Spark standalone cluster (master + 2 workers, one core each, on loopback)
 * with the driver's heap capped; prints the times, the driver's peak heap (from its GC log), the rows
 * the driver collected, the stage summary from the history server's REST API, and the parity of every
 * mart with DuckDB's snapshot ({@link SnapshotDiff}). Not a test: run it through
 * {@code bench/spark-cluster.sh} (see docs/benchmarks.md).
 *
 * <p>{@code SparkClusterBench TOWNS ENTERPRISE_SCALE DRIVER_HEAP WORKER_MEMORY EXECUTOR_MEMORY TIMEOUT_MINUTES}
 */
public final class SparkClusterBench {

    private static final Path WORK = Path.of("target", "spark-cluster-bench").toAbsolutePath();
    private static final Pattern PUBLISHED = Pattern.compile("已发布快照 (\\S+)");
    private static final Pattern COLLECTED = Pattern.compile("驱动程序收集：.*");
    /** Unified-logging GC lines: "… 312M->41M(1024M) …" — heap before, after, committed. */
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private SparkClusterBench() {
    }

    public static void main(String[] args) throws IOException {
        if ("report".equals(args[0])) {
            report(args[1], args[2]);
            return;
        }
        int count = Integer.parseInt(args[0]);
        double scale = Double.parseDouble(args[1]);
        String driverHeap = args[2];
        String workerMemory = args[3];
        String executorMemory = args[4];
        Duration timeout = Duration.ofMinutes(Long.parseLong(args[5]));

        AtomicFiles.deleteTree(WORK);
        Path data = DataDir.locate();
        Catalog catalog = CatalogRepository.load(data.resolve("catalog")).newest();
        TownRegistry city = TownRegistry.load(data.resolve("reference"));
        TownRegistry towns = count == city.towns().size() ? city : SyntheticTowns.of(city, count);
        Path jobData = jobDataDir(data, towns);

        Lake lake = new Lake(WORK.resolve("lake"));
        long t0 = System.nanoTime();
        var summary = new DemoDataGenerator(towns, catalog)
                .generate(lake, new DemoSpec(DemoSpec.DEFAULT_SEED, scale, 2016, 2025), ProgressListener.NONE);
        double generate = seconds(t0);
        System.out.printf("lake: %,d towns, %,d enterprise-year rows, 2016–2025, generated in %.1f s%n", count,
                summary.enterpriseYearRows(), generate);

        long t1 = System.nanoTime();
        String duckSnapshot;
        try (DuckDbEngine engine = new DuckDbEngine()) {
            duckSnapshot = new ScoringPipeline(catalog, ScoringUnit.of(towns)).run(engine, lake.root().toString(),
                    new LocalSnapshotStore(lake), true, ProgressListener.NONE);
        }
        System.out.printf("DuckDB (in this JVM): snapshot %s in %.1f s%n", duckSnapshot, seconds(t1));

        Path jobJar = Path.of(System.getProperty("strongtown.sparkJobJar", "analytics/target/analytics-0.1.0-SNAPSHOT-spark.jar"));
        if (!Files.isRegularFile(jobJar)) {
            throw new IllegalStateException("先运行 package 生成作业 jar：" + jobJar);
        }
        Path events = Files.createDirectories(WORK.resolve("events"));
        Path gcLog = WORK.resolve("logs").resolve("driver-gc.log");
        SparkDistribution spark = SparkDistribution.fromTestClasspath(WORK.resolve("spark-home"));
        String driverLog;
        OptionalInt exit;
        double sparkSeconds;
        long driverPeakRssKb;
        try (LocalSparkCluster cluster = LocalSparkCluster.start(spark, WORK, 2, workerMemory)) {
            long t2 = System.nanoTime();
            JvmProcess submit = cluster.submit(List.of("--class", SparkScoringJob.class.getName(),
                            "--conf", "spark.executor.memory=" + executorMemory,
                            "--conf", "spark.ui.enabled=false",
                            "--conf", "spark.eventLog.enabled=true",
                            "--conf", "spark.eventLog.dir=" + events.toUri()),
                    jobJar, List.of(lake.root().toUri().toString(), jobData.toString(), "demo"),
                    List.of("-Xmx" + driverHeap, "-Xlog:gc:file=" + gcLog));
            driverPeakRssKb = watchPeakRss(submit, timeout);
            exit = submit.waitFor(Duration.ofSeconds(1));
            sparkSeconds = seconds(t2);
            driverLog = submit.logText();
            System.out.printf("Spark standalone (master + 2 workers × 1 core, executors %s, driver -Xmx%s): exit %s after %.1f s%n",
                    executorMemory, driverHeap, exit.isPresent() ? exit.getAsInt() : "none (timed out, stopped)", sparkSeconds);
            System.out.printf("driver: peak heap after GC / before GC %s, peak RSS %,d MB%n", gcPeaks(gcLog), driverPeakRssKb / 1024);
            Matcher collected = COLLECTED.matcher(driverLog);
            System.out.println(collected.find() ? collected.group() : "driver collected: (not reported — the job did not finish)");
            printStages(cluster, events);
            if (exit.isEmpty() || exit.getAsInt() != 0) {
                System.out.println("spark-submit log tail:\n" + submit.logTail(40));
            }
        }
        Matcher published = PUBLISHED.matcher(driverLog);
        if (exit.isEmpty() || exit.getAsInt() != 0 || !published.find()) {
            System.out.println("parity: not checked, the Spark job published no snapshot");
            System.exit(1);
        }
        String sparkSnapshot = published.group(1);
        long mismatches = parity(lake, duckSnapshot, sparkSnapshot);
        System.out.printf("parity with DuckDB: %s (%d differing rows or cells over every mart)%n",
                mismatches == 0 ? "identical" : "DIFFERENT", mismatches);
        System.exit(mismatches == 0 ? 0 : 1);
    }

    /**
     * {@code report DUCK_SNAPSHOT SPARK_SNAPSHOT}: the stage summary and parity of a run whose job
     * finished (its lake and event log are still in the work folder), without running it again.
     */
    private static void report(String duckSnapshot, String sparkSnapshot) throws IOException {
        SparkDistribution spark = SparkDistribution.fromTestClasspath(WORK.resolve("spark-home"));
        try (LocalSparkCluster cluster = LocalSparkCluster.start(spark, WORK.resolve("report"), 0)) {
            printStages(cluster, WORK.resolve("events"));
        }
        long mismatches = parity(new Lake(WORK.resolve("lake")), duckSnapshot, sparkSnapshot);
        System.out.printf("parity with DuckDB: %s (%d differing rows or cells over every mart)%n",
                mismatches == 0 ? "identical" : "DIFFERENT", mismatches);
    }

    /**
     * A data folder for the job: the project's catalog and a reference folder written from the
     * (synthetic) registry, so that the job scores the same towns as DuckDB did.
     */
    private static Path jobDataDir(Path data, TownRegistry towns) throws IOException {
        Path dir = Files.createDirectories(WORK.resolve("data"));
        Files.createSymbolicLink(dir.resolve("catalog"), data.resolve("catalog").toAbsolutePath());
        Path reference = Files.createDirectories(dir.resolve("reference"));
        CSVFormat csv = CSVFormat.DEFAULT;
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(reference.resolve("liaocheng-towns.csv"), StandardCharsets.UTF_8), csv)) {
            out.printRecord("county_code", "county_name", "town_code", "town_name", "town_type", "source_edition");
            for (Town t : towns.towns()) {
                out.printRecord(t.countyCode(), t.countyName(), t.code(), t.name(), t.type().label(), "synthetic");
            }
        }
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(reference.resolve("liaocheng-counties.csv"), StandardCharsets.UTF_8), csv)) {
            out.printRecord("county_code", "county_name", "year", "resident_population_10k", "gdp_100m_yuan", "source");
            for (County c : towns.counties()) {
                out.printRecord(c.code(), c.name(), c.populationYear() == null ? "" : c.populationYear(),
                        c.residentPopulation10k() == null ? "" : c.residentPopulation10k(), "", "synthetic");
            }
        }
        Files.writeString(reference.resolve("liaocheng-towns-nbs-mca-crosswalk.csv"),
                "county_code,county_name,nbs2023_town_code,nbs2023_town_name,mca_town_code,mca_town_name,note\n");
        TownRegistry written = TownRegistry.load(reference);
        if (!written.towns().equals(towns.towns())) {
            throw new IllegalStateException("写出的参考名录与合成名录不一致");
        }
        return dir;
    }

    /** Waits for the driver, sampling its resident memory each second; returns the peak in kB. */
    private static long watchPeakRss(JvmProcess driver, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long peak = 0;
        Path status = Path.of("/proc", String.valueOf(driver.handle().pid()), "status");
        while (driver.isAlive() && System.nanoTime() < deadline) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                break; // the process ended between the check and the read
            }
            LocalSparkCluster.sleep(Duration.ofSeconds(1));
        }
        if (driver.isAlive()) {
            driver.stop(Duration.ofSeconds(10));
        }
        return peak;
    }

    /** The largest heap occupancy before a collection and after one, from the driver's GC log. */
    private static String gcPeaks(Path gcLog) throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_HEAP.matcher(line);
                if (m.find()) {
                    before = Math.max(before, Long.parseLong(m.group(1)));
                    after = Math.max(after, Long.parseLong(m.group(2)));
                    committed = Math.max(committed, Long.parseLong(m.group(3)));
                }
            }
        }
        return "%d MB / %d MB (committed at most %d MB)".formatted(after, before, committed);
    }

    /**
     * The stage summary of the application as Spark's REST API gives it (history server over the
     * event log): every stage's tasks, run time, input and shuffle, the longest ones listed; the full
     * JSON is kept next to the logs. Also the tasks each executor ran.
     */
    private static void printStages(LocalSparkCluster cluster, Path events) throws IOException {
        String api = cluster.startHistoryServer(events);
        JsonNode apps = null;
        for (int attempt = 0; attempt < 60 && (apps == null || apps.isEmpty()); attempt++) {
            apps = cluster.fetch(api + "/applications").orElse(null);
            if (apps == null || apps.isEmpty()) {
                LocalSparkCluster.sleep(Duration.ofSeconds(2));
            }
        }
        if (apps == null || apps.isEmpty()) {
            System.out.println("stages: the history server lists no application");
            return;
        }
        String app = apps.get(0).path("id").asText();
        JsonNode stages = cluster.fetch(api + "/applications/" + app + "/stages").orElseThrow();
        JsonNode executors = cluster.fetch(api + "/applications/" + app + "/allexecutors").orElseThrow();
        ObjectMapper json = new ObjectMapper();
        json.writerWithDefaultPrettyPrinter().writeValue(WORK.resolve("logs").resolve("stages.json").toFile(), stages);
        json.writerWithDefaultPrettyPrinter().writeValue(WORK.resolve("logs").resolve("executors.json").toFile(), executors);

        List<JsonNode> all = StreamSupport.stream(stages.spliterator(), false).toList();
        long tasks = all.stream().mapToLong(s -> s.path("numTasks").asLong()).sum();
        long runMs = all.stream().mapToLong(s -> s.path("executorRunTime").asLong()).sum();
        long input = all.stream().mapToLong(s -> s.path("inputBytes").asLong()).sum();
        long shuffleRead = all.stream().mapToLong(s -> s.path("shuffleReadBytes").asLong()).sum();
        long shuffleWrite = all.stream().mapToLong(s -> s.path("shuffleWriteBytes").asLong()).sum();
        long spilled = all.stream().mapToLong(s -> s.path("diskBytesSpilled").asLong()).sum();
        System.out.printf("stages (REST %s/applications/%s/stages): %d stages, %,d tasks, executor run time %.1f s, "
                        + "input %,d MB, shuffle read %,d MB / write %,d MB, spilled to disk %,d MB%n",
                api, app, all.size(), tasks, runMs / 1e3, input >> 20, shuffleRead >> 20, shuffleWrite >> 20, spilled >> 20);
        Map<String, long[]> byCallSite = new LinkedHashMap<>();
        for (JsonNode s : all) {
            long[] sums = byCallSite.computeIfAbsent(s.path("name").asText(), k -> new long[3]);
            sums[0]++;
            sums[1] += s.path("numTasks").asLong();
            sums[2] += s.path("executorRunTime").asLong();
        }
        System.out.printf("  %-58s %6s %7s %10s%n", "stage name (call site)", "stages", "tasks", "run s");
        byCallSite.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[2]))
                .forEach(e -> System.out.printf("  %-58s %6d %7d %10.1f%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2] / 1e3));
        List<JsonNode> longest = new ArrayList<>(all);
        longest.sort(Comparator.comparingLong((JsonNode s) -> -s.path("executorRunTime").asLong()));
        System.out.printf("  longest stages: %s%n", longest.stream().limit(5).map(s -> "#%d %s %d tasks %.1f s".formatted(
                s.path("stageId").asInt(), s.path("name").asText(), s.path("numTasks").asInt(),
                s.path("executorRunTime").asLong() / 1e3)).toList());
        for (JsonNode e : executors) {
            System.out.printf("  executor %-6s %-16s tasks %,6d  task time %7.1f s  max memory %,d MB%n",
                    e.path("id").asText(), e.path("hostPort").asText(), e.path("totalTasks").asLong(),
                    e.path("totalDuration").asLong() / 1e3, e.path("maxMemory").asLong() >> 20);
        }
    }

    /** Compares every published mart of the two snapshots; returns the differing rows and cells in all. */
    private static long parity(Lake lake, String duck, String other) {
        List<SnapshotDiff.MartColumns> marts = new ArrayList<>(List.of(SnapshotDiff.SCORES, SnapshotDiff.INDICATOR_VALUES));
        marts.addAll(SnapshotDiff.OTHER_MARTS);
        long total = 0;
        for (SnapshotDiff.MartColumns mart : marts) {
            SnapshotDiff.Result r = SnapshotDiff.compare(lake, duck, other, mart);
            System.out.printf("  %-18s %,12d rows, %d on one side only, differing %s%n", mart.mart(), r.rows(),
                    r.unmatched(), r.differingByColumn().entrySet().stream().filter(e -> e.getValue() > 0).toList());
            total += r.mismatches();
        }
        return total;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
