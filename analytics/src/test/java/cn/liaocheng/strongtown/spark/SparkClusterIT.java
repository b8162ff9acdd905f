package cn.liaocheng.strongtown.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The packaged job on a real Spark standalone cluster: a master and two workers in JVMs of their
 * own on loopback, the shaded jar submitted through Spark's own {@code SparkSubmit} — and the
 * snapshot it publishes equals the one DuckDB publishes for the same lake ({@link SnapshotParityTests}). Runs after
 * {@code package} (Failsafe), which builds the jar; logs stay in {@code target/spark-cluster-it/logs}.
 */
class SparkClusterIT implements SnapshotParityTests {

    private static final Path DATA = DataDir.locate();
    private static final Path WORK = Path.of("target", "spark-cluster-it").toAbsolutePath();
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern PUBLISHED = Pattern.compile("已发布快照 (\\S+)");

    static Lake lake;
    static String duckSnapshot;
    static String sparkSnapshot;
    static String driverLog;
    static JsonNode masterState;
    static List<Path> workerDirs;
    static LocalSparkCluster cluster;

    @BeforeAll
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    static void submitTheJobToAStandaloneCluster() {
        AtomicFiles.deleteTree(WORK);
        Path jobJar = Path.of(System.getProperty("strongtown.sparkJobJar", "target/analytics-0.1.0-SNAPSHOT-spark.jar"));
        assertThat(jobJar).as("先运行 package 生成作业 jar").isRegularFile();
        SparkDistribution spark = SparkDistribution.fromTestClasspath(WORK.resolve("spark-home"));
        // The cluster's JVMs start while this one makes the lake and scores it on DuckDB (separate folders).
        ExecutorService starter = Executors.newSingleThreadExecutor();
        Future<LocalSparkCluster> starting = starter.submit(() -> LocalSparkCluster.start(spark, WORK, 2));
        starter.shutdown();
        try {
            lake = new Lake(WORK.resolve("lake"));
            new DemoDataGenerator(TownRegistry.load(DATA.resolve("reference")),
                    CatalogRepository.load(DATA.resolve("catalog")).newest())
                    .generate(lake, new DemoSpec(29, 0.03, 2019, 2025), ProgressListener.NONE);
            duckSnapshot = ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);
        } catch (RuntimeException | Error e) {
            stopWhenStarted(starting);
            throw e;
        }
        try (LocalSparkCluster running = started(starting)) {
            cluster = running;
            List<String> options = new ArrayList<>(List.of("--class", SparkScoringJob.class.getName(),
                    "--conf", "spark.executor.memory=700m",
                    "--conf", "spark.ui.enabled=false",
                    // A few thousand rows per stage: 200 shuffle partitions would only add scheduling.
                    "--conf", "spark.sql.shuffle.partitions=4"));
            List<String> driverJvm = new ArrayList<>(List.of("-Xmx1g"));
            // JIT options from the pom (spark.test.jit): on this lake the driver and executors run ~100 small Spark
            // jobs, and C2 compiling for them cost more CPU than it saved (docs/benchmarks.md, "Test command duration").
            String jit = System.getProperty("strongtown.sparkJit", "").strip();
            if (!jit.isEmpty()) {
                options.addAll(List.of("--conf", "spark.executor.extraJavaOptions=" + jit));
                driverJvm.add(jit);
            }
            JvmProcess submit = running.submit(options, jobJar,
                    List.of(lake.root().toUri().toString(), DATA.toString(), "demo"), driverJvm);
            OptionalInt exit = submit.waitFor(JOB_TIMEOUT);
            driverLog = submit.logText();
            assertThat(exit).as("spark-submit 退出码（日志 %s）：%n%s", submit.log(), submit.logTail(60)).hasValue(0);
            masterState = running.masterState();
            workerDirs = List.of(running.workerDir(1), running.workerDir(2));
        }
        Matcher published = PUBLISHED.matcher(driverLog);
        assertThat(published.find()).as("驱动程序日志应报告发布的快照").isTrue();
        sparkSnapshot = published.group(1);
    }

    private static LocalSparkCluster started(Future<LocalSparkCluster> starting) {
        try {
            return starting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            stopWhenStarted(starting);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The lake failed or the wait was interrupted: the cluster starting beside it must not outlive the test. */
    private static void stopWhenStarted(Future<LocalSparkCluster> starting) {
        boolean interrupted = Thread.interrupted();
        try {
            starting.get().close();
        } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
            // it failed to start (and stopped what it had started itself)
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Snapshots snapshots() {
        return new Snapshots(lake, duckSnapshot, sparkSnapshot);
    }

    @Test
    void jobPublishesASnapshotOfItsOwnAsCurrent() throws IOException {
        assertThat(sparkSnapshot).isNotEqualTo(duckSnapshot);
        assertThat(SnapshotPointer.current(lake)).contains(sparkSnapshot);
        JsonNode manifest = new ObjectMapper().readTree(lake.snapshot(sparkSnapshot).resolve(ScoringPipeline.MANIFEST).toFile());
        assertThat(manifest.path("engine").asText()).isEqualTo("spark");
        assertThat(manifest.path("demo").asBoolean()).isTrue();
    }

    @Test
    void jobRanAsOneApplicationWithAnExecutorOnEachWorker() throws IOException {
        List<JsonNode> apps = StreamSupport.stream(masterState.path("completedapps").spliterator(), false).toList();
        assertThat(apps).hasSize(1);
        JsonNode app = apps.get(0);
        assertThat(app.path("name").asText()).isEqualTo("strong-town-scoring");
        assertThat(app.path("state").asText()).isEqualTo("FINISHED");
        for (Path worker : workerDirs) {
            // A worker keeps a folder <app-id>/<executor-id>/ with the log of each executor it launched.
            Path appDir = worker.resolve(app.path("id").asText());
            assertThat(appDir).isDirectory();
            try (var executors = Files.list(appDir)) {
                List<Path> launched = executors.toList();
                assertThat(launched).hasSize(1);
                assertThat(launched.get(0).resolve("stderr")).content().contains("Finished task");
            }
        }
    }

    @Test
    void noProcessOfTheClusterOutlivesIt() {
        assertThat(cluster.processesOfThisCluster()).isEmpty();
    }
}
