package cn.liaocheng.strongtown.engine;

import java.util.List;
import java.util.Map;

/**
 * What the scoring pipeline needs from an engine. DuckDB and Spark implement it, and both run the
 * very same stage SQL; only registration, materialisation and writing differ.
 */
public interface SqlEngine extends AutoCloseable {

    /** A short name for manifests and logs ("duckdb", "spark"). */
    String name();

    /** Registers a small table given by Java. */
    void register(InputTable table);

    /** Registers a Parquet folder, Hive-partitioned (e.g. {@code raw/enterprises}) or not, as a table. */
    void registerParquet(String table, String location);

    /** Whether a folder holds Parquet files. */
    boolean hasParquet(String location);

    /** Runs a stage's SELECT and keeps its result as a table named {@code table} for later stages. */
    void materialise(String table, String selectSql);

    /** Writes a table as Parquet into the folder {@code location}. */
    void writeParquet(String table, String location);

    /** Runs a query and returns all rows (small results only: manifests, tests). */
    List<Map<String, Object>> query(String sql);

    @Override
    void close();
}
