package cn.liaocheng.strongtown.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.spark.launcher.JavaModuleOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Spark standalone cluster on loopback: a master and workers, each in a JVM of its own started
 * from a {@link SparkDistribution} the way {@code sbin/start-master.sh} and {@code start-worker.sh}
 * would, plus {@code spark-submit} runs against it. {@link #close()} stops every process started
 * here and fails if any JVM of this cluster — executors included — outlives the stop.
 */
final class LocalSparkCluster implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    /** What the test cluster gives each worker: one core, 1 GB for its executors. */
    private static final String TEST_WORKER_MEMORY = "1g";

    private final SparkDistribution spark;
    private final Path dir;
    private final String workerMemory;
    private final int masterPort = freePort();
    private final int masterWebUiPort = freePort();
    private final List<JvmProcess> started = new ArrayList<>();
    private final List<Path> workerDirs = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalSparkCluster(SparkDistribution spark, Path dir, String workerMemory) {
        this.spark = spark;
        this.dir = dir.toAbsolutePath();
        this.workerMemory = workerMemory;
    }

    /**
     * Starts a master and {@code workers} workers (1 core, 1 GB each) and waits until all workers
     * have registered. Logs and worker folders go under {@code dir}.
     */
    static LocalSparkCluster start(SparkDistribution spark, Path dir, int workers) {
        return start(spark, dir, workers, TEST_WORKER_MEMORY);
    }

    /** As {@link #start(SparkDistribution, Path, int)}, each worker offering {@code workerMemory} (e.g. "4g") to executors. */
    static LocalSparkCluster start(SparkDistribution spark, Path dir, int workers, String workerMemory) {
        LocalSparkCluster cluster = new LocalSparkCluster(spark, dir, workerMemory);
        try {
            cluster.startMaster();
            for (int i = 1; i <= workers; i++) {
                cluster.startWorker(i);
            }
            cluster.awaitAliveWorkers(workers);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://" + LOOPBACK + ":" + masterPort;
    }

    /** The folder a worker runs its executors in ({@code <app-id>/<executor-id>/}). */
    Path workerDir(int worker) {
        return workerDirs.get(worker - 1);
    }

    /**
     * Runs {@code SparkSubmit} in client mode against this cluster, with the driver on loopback.
     * The caller waits for it; {@link #close()} stops it if it is still running.
     */
    JvmProcess submit(List<String> options, Path jobJar, List<String> appArgs) {
        return submit(options, jobJar, appArgs, List.of("-Xmx1g"));
    }

    /** As {@link #submit(List, Path, List)} with the driver's JVM options given (its heap cap, GC log). */
    JvmProcess submit(List<String> options, Path jobJar, List<String> appArgs, List<String> driverJvmOptions) {
        List<String> args = new ArrayList<>(List.of("--master", masterUrl(), "--conf", "spark.driver.host=" + LOOPBACK,
                "--conf", "spark.driver.bindAddress=" + LOOPBACK));
        args.addAll(options);
        args.add(jobJar.toAbsolutePath().toString());
        args.addAll(appArgs);
        // In client mode the driver lives in this JVM: spark-submit would give it spark.driver.memory (1g).
        return launch("spark-submit", driverJvmOptions, "org.apache.spark.deploy.SparkSubmit", args);
    }

    /**
     * Starts Spark's history server over the event logs in {@code eventLogDir} and returns the base URL
     * of its REST API ({@code …/api/v1}); it is stopped with the cluster.
     */
    String startHistoryServer(Path eventLogDir) {
        int port = freePort();
        List<String> options = List.of("-Xmx512m", "-Dspark.history.fs.logDirectory=" + eventLogDir.toUri(),
                "-Dspark.history.ui.port=" + port);
        JvmProcess history = launch("history", options, "org.apache.spark.deploy.history.HistoryServer", List.of());
        String api = "http://" + LOOPBACK + ":" + port + "/api/v1";
        // not awaitCondition: the driver the history server is started for has exited by now, as it should
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (fetch(api + "/applications").isEmpty()) {
            if (!history.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("history server 未能启动：\n" + history.logTail(40));
            }
            sleep(Duration.ofMillis(500));
        }
        return api;
    }

    /** A JSON document from a REST endpoint of this cluster, if it answers with 200. */
    Optional<JsonNode> fetch(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(new ObjectMapper().readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The master's own view of the cluster (its web UI's {@code /json/}). */
    JsonNode masterState() {
        return fetchMasterState().orElseThrow(() -> new IllegalStateException("Spark master 无响应"));
    }

    private void startMaster() {
        JvmProcess master = launch("master", List.of("-Xmx512m"), "org.apache.spark.deploy.master.Master",
                List.of("--host", LOOPBACK, "--port", String.valueOf(masterPort),
                        "--webui-port", String.valueOf(masterWebUiPort)));
        awaitCondition("master 启动", master, () -> fetchMasterState().isPresent());
    }

    private void startWorker(int n) {
        Path workDir = dir.resolve("worker-" + n);
        workerDirs.add(workDir);
        launch("worker-" + n, List.of("-Xmx512m"), "org.apache.spark.deploy.worker.Worker",
                List.of("--host", LOOPBACK, "--cores", "1", "--memory", workerMemory,
                        "--webui-port", String.valueOf(freePort()), "--work-dir", workDir.toString(), masterUrl()));
    }

    private void awaitAliveWorkers(int expected) {
        awaitCondition(expected + " 个 worker 注册", started.get(0), () -> fetchMasterState()
                .map(state -> StreamSupport.stream(state.path("workers").spliterator(), false)
                        .filter(w -> "ALIVE".equals(w.path("state").asText())).count() == expected)
                .orElse(false));
    }

    private JvmProcess launch(String name, List<String> heap, String mainClass, List<String> args) {
        List<String> jvmOptions = new ArrayList<>(heap);
        // What Spark's launcher adds to every JVM it starts (java.base openings for Java 17).
        jvmOptions.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        JvmProcess process = JvmProcess.start(new JvmProcess.Spec(name, spark.classpath(), jvmOptions, mainClass, args,
                Map.of("SPARK_HOME", spark.home().toString(),
                        // Without it the worker's launcher looks for a source build and executors fail.
                        "SPARK_SCALA_VERSION", "2.13",
                        "SPARK_LOCAL_IP", LOOPBACK),
                dir.resolve("logs").resolve(name + ".log")));
        started.add(process);
        return process;
    }

    private Optional<JsonNode> fetchMasterState() {
        return fetch("http://" + LOOPBACK + ":" + masterWebUiPort + "/json/");
    }

    private void awaitCondition(String what, JvmProcess watched, BooleanSupplier condition) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            for (JvmProcess p : started) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("等待" + what + "时 " + p.name() + " 已退出：\n" + p.logTail(40));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + "超时（" + START_TIMEOUT.toSeconds() + " 秒）：\n" + watched.logTail(40));
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /**
     * Stops the processes in reverse order of starting (SIGTERM, then SIGKILL after a grace period),
     * then looks for any process still running from this cluster's {@code SPARK_HOME} — an executor
     * a worker failed to stop, say — kills it, and fails.
     */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop(STOP_GRACE);
        }
        List<ProcessHandle> leftovers = processesOfThisCluster();
        if (!leftovers.isEmpty()) {
            leftovers.forEach(ProcessHandle::destroyForcibly);
            throw new IllegalStateException("停止集群后仍有进程存活：" + leftovers.stream()
                    .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).collect(Collectors.joining("\n")));
        }
    }

    /** Processes whose command line names this cluster's SPARK_HOME (it is unique to this run). */
    List<ProcessHandle> processesOfThisCluster() {
        String home = spark.home().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(h -> h.pid() != self && h.isAlive())
                .filter(h -> h.info().commandLine().map(c -> c.contains(home)).orElse(false))
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("找不到空闲端口", e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("等待被中断", e);
        }
    }
}
