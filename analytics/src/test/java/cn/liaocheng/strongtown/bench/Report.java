package cn.liaocheng.strongtown.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The benchmark's printed result: one line per contestant, ratios, and the targets ({@code pandas} null when left out). */
record Report(long rows, List<Timing> timings, RegistryAggregationBench.PandasResult pandas, Map<String, Long> mismatches) {

    private static final double PROJECT_TARGET = 1.2;
    private static final double SPARK_TARGET = 5.0;

    void print(PrintStream out) {
        double raw = timing("duckdb-raw").median();
        double project = timing("duckdb-project").median();
        out.printf("%ninput: %,d enterprise-year rows%n", rows);
        out.printf("%-18s %10s %14s %12s %14s  %s%n", "contestant", "median s", "rows/s", "× raw DuckDB",
                "× project DuckDB", "runs (s)");
        for (Timing t : timings) {
            out.printf("%-18s %10.2f %,14.0f %12.2f %14.2f  %s%n", t.contestant(), t.median(), t.rowsPerSecond(),
                    t.median() / raw, t.median() / project, t.seconds().stream().map(s -> String.format("%.2f", s)).toList());
        }
        if (pandas != null) {
            out.printf("pandas %s: CSV export by DuckDB %.1f s and pandas read_csv %.1f s, not in the table above;%n"
                        + "  with its load, pandas takes %.1f s (%.1f× raw DuckDB on Parquet)%n",
                pandas.version(), pandas.csvExportSeconds(), pandas.loadSeconds(),
                pandas.loadSeconds() + pandas.aggregation().median(),
                (pandas.loadSeconds() + pandas.aggregation().median()) / raw);
        }
        out.println("result rows differing from the project's DuckDB result: " + mismatches);
        out.printf("target project ≤ %.1f× raw DuckDB: %.2f× %s%n", PROJECT_TARGET, project / raw,
                project / raw <= PROJECT_TARGET ? "met" : "MISSED");
        for (String contestant : List.of("spark-local[2]", RegistryAggregationBench.SPARK_SIZED)) {
            double spark = timing(contestant).median();
            out.printf("target Spark ≤ %.0f× DuckDB (%s): %.2f× project DuckDB %s, %.2f× raw DuckDB %s%n", SPARK_TARGET,
                    contestant, spark / project, spark / project <= SPARK_TARGET ? "met" : "MISSED",
                    spark / raw, spark / raw <= SPARK_TARGET ? "met" : "MISSED");
        }
    }

    private Timing timing(String contestant) {
        return timings.stream().filter(t -> t.contestant().equals(contestant)).findFirst().orElseThrow();
    }
}
