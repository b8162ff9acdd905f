package cn.liaocheng.strongtown.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.engine.DuckDbEngine;
import cn.liaocheng.strongtown.engine.SqlEngine;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;
import cn.liaocheng.strongtown.spark.SparkEngine;
import cn.liaocheng.strongtown.spark.SparkScoringJob;

/**
 * Benchmark (a) of issue 4 — registry aggregation, enterprise-year rows → town-year measures (stage
 * {@code 01_registry_measures}) — on four contestants: the project's stage through
 * {@link DuckDbEngine}, the same computation hand-written as raw DuckDB SQL over plain JDBC, the
 * project's stage through {@link SparkEngine} on {@code local[2]}, and pandas (a Python subprocess
 * reading a CSV export). Checks that all four results agree, then prints timings and ratios.
 * Not a test: run it through {@code bench/registry-aggregation.sh}.
 *
 * <p>{@code RegistryAggregationBench LAKE WORK_DIR RUNS PANDAS_SCRIPT} ({@code -} for PANDAS_SCRIPT leaves pandas out)
 */
public final class RegistryAggregationBench {

    private static final String STAGE = "01_registry_measures";
    private static final String RESULT = "registry_measures";
    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    static final String SPARK_SIZED = "spark-local[2]-sized";
    private static final int WARM_UP_RUNS = 1;
    /** DuckDB runs take seconds; more rounds than the others make the 1.2× comparison steadier. */
    private static final int DUCKDB_ROUNDS = 5;

    private final Lake lake;
    private final Path work;
    private final int runs;
    private final long rows;

    private RegistryAggregationBench(Lake lake, Path work, int runs) {
        this.lake = lake;
        this.work = work.toAbsolutePath();
        this.runs = runs;
        this.rows = countRows();
    }

    public static void main(String[] args) {
        Lake lake = new Lake(Path.of(args[0]).toAbsolutePath());
        Path work = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path pandasScript = Path.of(args[3]);
        AtomicFiles.deleteTree(work.resolve("results"));
        RegistryAggregationBench bench = new RegistryAggregationBench(lake, work, runs);
        System.out.printf("企业年度记录 %,d 行（%s）；每个参赛者先预热 %d 次，再计时取中位数（DuckDB 两者交替 %d 轮，其余 %d 次）%n",
                bench.rows, lake.rawEnterprises(), WARM_UP_RUNS, DUCKDB_ROUNDS, runs);

        List<Timing> timings = new ArrayList<>();
        timings.addAll(bench.duckDbContestants());
        timings.addAll(bench.projectOnSparkLocal2());
        PandasResult pandas = null;
        List<String> compared = new ArrayList<>(List.of("duckdb-raw", "spark", "spark-sized"));
        if (!"-".equals(args[3])) {
            pandas = bench.pandas(pandasScript);
            timings.add(pandas.aggregation());
            compared.add("pandas");
        }

        Map<String, Long> mismatches = bench.compareWithProject(compared);
        new Report(bench.rows, timings, pandas, mismatches).print(System.out);
    }

    private long countRows() {
        try (DuckDbEngine duck = new DuckDbEngine()) {
            duck.registerParquet("enterprises", lake.rawEnterprises().toString());
            return ((Number) duck.query("SELECT count(*) AS n FROM enterprises").get(0).get("n")).longValue();
        }
    }

    /**
     * The project's stage and the raw query, run in alternating order round by round: the two are
     * close, and on a shared machine background load would otherwise favour whichever ran second.
     */
    private List<Timing> duckDbContestants() {
        List<Double> project = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        int rounds = WARM_UP_RUNS + DUCKDB_ROUNDS;
        for (int round = 0; round < rounds; round++) {
            boolean last = round == rounds - 1;
            double p;
            double r;
            if (round % 2 == 0) {
                p = projectOnDuckDb(last);
                r = rawDuckDb(last);
            } else {
                r = rawDuckDb(last);
                p = projectOnDuckDb(last);
            }
            if (round >= WARM_UP_RUNS) {
                project.add(p);
                raw.add(r);
            }
        }
        return List.of(new Timing("duckdb-project", rows, project), new Timing("duckdb-raw", rows, raw));
    }

    /** The project's stage file through the project's engine, as the pipeline runs it. */
    private double projectOnDuckDb(boolean keepResult) {
        try (DuckDbEngine engine = new DuckDbEngine()) {
            double seconds = timeStage(engine);
            if (keepResult) {
                engine.writeParquet(RESULT, result("duckdb-project").toString());
            }
            return seconds;
        }
    }

    private double timeStage(SqlEngine engine) {
        long start = System.nanoTime();
        engine.registerParquet("enterprises", lake.rawEnterprises().toString());
        engine.materialise(RESULT, ScoringPipeline.sql(STAGE));
        return (System.nanoTime() - start) / 1e9;
    }

    /** Hand-written DuckDB SQL over a plain JDBC connection: no stage file, no engine layer. */
    private double rawDuckDb(boolean keepResult) {
        String sql = resource("registry_measures_raw.sql").replace("${enterprises}", enterprisesParquet());
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:", new Properties());
             Statement st = conn.createStatement()) {
            long start = System.nanoTime();
            st.execute("CREATE TABLE measures AS " + sql);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (keepResult) {
                Files.createDirectories(result("duckdb-raw"));
                st.execute("COPY measures TO " + DuckDb.literal(result("duckdb-raw").resolve("part-0.parquet")) + " (FORMAT PARQUET)");
            }
            return seconds;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("原生 DuckDB 查询失败：" + e.getMessage(), e);
        }
    }

    /**
     * The project's stage through {@link SparkEngine} on one local[2] session (its start timed apart),
     * twice: with Spark's defaults (200 shuffle partitions, adaptive execution on), and with the
     * shuffle partitions sized to the cluster as {@link SparkScoringJob} sizes them (two per core).
     */
    private List<Timing> projectOnSparkLocal2() {
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder().appName("registry-aggregation-bench").master("local[2]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        System.out.printf("Spark local[2] 会话启动 %.1f 秒（不计入下表）%n", (System.nanoTime() - start) / 1e9);
        try {
            String defaults = spark.conf().get(SHUFFLE_PARTITIONS);
            Timing byDefault = sparkRuns(spark, "spark-local[2]", "spark");
            spark.conf().set(SHUFFLE_PARTITIONS, String.valueOf(SparkScoringJob.shufflePartitionsFor(spark)));
            System.out.printf("Spark %s: 默认 %s，按集群 %s；adaptive %s%n", SHUFFLE_PARTITIONS, defaults,
                    spark.conf().get(SHUFFLE_PARTITIONS), spark.conf().get("spark.sql.adaptive.enabled"));
            Timing sized = sparkRuns(spark, SPARK_SIZED, "spark-sized");
            return List.of(byDefault, sized);
        } finally {
            spark.stop();
        }
    }

    private Timing sparkRuns(SparkSession spark, String contestant, String resultName) {
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < WARM_UP_RUNS + runs; run++) {
            try (SparkEngine engine = new SparkEngine(spark)) {
                double s = timeStage(engine);
                if (run >= WARM_UP_RUNS) {
                    seconds.add(s);
                }
                if (run == WARM_UP_RUNS + runs - 1) {
                    engine.writeParquet(RESULT, result(resultName).toString());
                }
            }
        }
        return new Timing(contestant, rows, seconds);
    }

    /** pandas load and aggregation times, and the CSV export it needed. */
    record PandasResult(String version, double csvExportSeconds, double loadSeconds, Timing aggregation) {
    }

    /**
     * Debian's pandas has no Parquet reader (no pyarrow, no fastparquet), so DuckDB first exports the
     * columns stage 01 reads to CSV; pandas loads that (timed apart) and then aggregates.
     */
    private PandasResult pandas(Path script) {
        Path csv = work.resolve("enterprises.csv");
        long start = System.nanoTime();
        try (Connection conn = DuckDb.inMemory(); Statement st = conn.createStatement()) {
            st.execute("COPY (SELECT year, town_code, enterprise_id, private, registered_on, deregistered_on, industry, above_scale, "
                    + "srdi_level, gazelle, unicorn, single_champion, high_tech, tech_sme, listed, revenue, rd_spend, "
                    + "loans, energy_tce FROM " + enterprisesParquet() + ") TO " + DuckDb.literal(csv) + " (HEADER)");
        } catch (SQLException e) {
            throw new IllegalStateException("CSV 导出失败：" + e.getMessage(), e);
        }
        double exportSeconds = (System.nanoTime() - start) / 1e9;
        Path out = result("pandas").resolve("result.csv");
        try {
            Files.createDirectories(out.getParent());
            Process python = new ProcessBuilder("/usr/bin/python3", script.toString(), csv.toString(), out.toString(),
                    String.valueOf(WARM_UP_RUNS + runs)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (python.waitFor() != 0) {
                throw new IllegalStateException("pandas 基准失败：" + output);
            }
            JsonNode json = new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElseThrow());
            List<Double> seconds = new ArrayList<>();
            json.path("aggregate_seconds").forEach(s -> seconds.add(s.asDouble()));
            return new PandasResult(json.path("pandas").asText(), exportSeconds, json.path("load_seconds").asDouble(),
                    new Timing("pandas", json.path("rows").asLong(), seconds.subList(WARM_UP_RUNS, seconds.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            csv.toFile().delete();
        }
    }

    /** Rows of each contestant's result that differ from the project's DuckDB result (or exist on one side only). */
    private Map<String, Long> compareWithProject(List<String> contestants) {
        Map<String, Long> mismatches = new LinkedHashMap<>();
        try (DuckDbEngine duck = new DuckDbEngine()) {
            for (String contestant : contestants) {
                String other = "pandas".equals(contestant)
                        ? "read_csv(" + DuckDb.literal(result(contestant).resolve("result.csv"))
                                + ", header = true, types = {'town_code': 'VARCHAR'})"
                        : "read_parquet(" + DuckDb.literal(result(contestant) + "/*.parquet") + ")";
                String sql = "SELECT count(*) AS n FROM read_parquet(" + DuckDb.literal(result("duckdb-project") + "/*.parquet")
                        + ") a FULL OUTER JOIN " + other + " b ON a.town_code = b.town_code AND a.year = b.year "
                        + "AND a.measure = b.measure WHERE a.town_code IS NULL OR b.town_code IS NULL "
                        // Sums of doubles in another order differ in the last bits.
                        + "OR abs(a.value - b.value) > 1e-9 * greatest(1, abs(a.value))";
                mismatches.put(contestant, ((Number) duck.query(sql).get(0).get("n")).longValue());
            }
        }
        return mismatches;
    }

    private String enterprisesParquet() {
        return "read_parquet(" + DuckDb.literal(lake.rawEnterprises() + "/*/*.parquet") + ", hive_partitioning = true)";
    }

    private Path result(String contestant) {
        return work.resolve("results").resolve(contestant);
    }

    private static String resource(String name) {
        try (InputStream in = RegistryAggregationBench.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
