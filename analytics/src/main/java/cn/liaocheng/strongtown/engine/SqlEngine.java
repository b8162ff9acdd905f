package cn.liaocheng.strongtown.engine;

import java.util.ArrayList;
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

    /**
     * Whether the scoring reads what ingest computed and kept in a local lake (the registry measures per town and
     * year, {@code lake/RegistryAggregate}) instead of computing it from the raw rows. DuckDB does; Spark reads
     * lakes on any Hadoop file system, where the aggregate's fingerprint (file sizes and times) is not checked,
     * and aggregates the raw registry on its executors.
     */
    default boolean readsIngestAggregates() {
        return false;
    }

    /** Whether a table or view of this name is registered. */
    boolean hasTable(String table);

    /** Whether a folder holds Parquet files. */
    boolean hasParquet(String location);

    /** Runs a stage's SELECT and keeps its result as a table named {@code table} for later stages. */
    void materialise(String table, String selectSql);

    /** Writes a table as Parquet into the folder {@code location}. */
    void writeParquet(String table, String location);

    /** Runs a query and returns all rows (small results only: manifests, tests). */
    List<Map<String, Object>> query(String sql);

    /**
     * Reads a large result row by row, typed, without a map per row (the rank intervals read every score).
     * Columns are numbered from 0 in the SELECT's order. This default goes through {@link #query}; engines
     * that can stream override it.
     */
    default void scan(String sql, RowReader reader) {
        for (Map<String, Object> values : query(sql)) {
            List<Object> row = new ArrayList<>(values.values());
            reader.read(new TypedRow() {
                @Override
                public String string(int column) {
                    Object v = row.get(column);
                    return v == null ? null : v.toString();
                }

                @Override
                public int integer(int column) {
                    Object v = row.get(column);
                    return v == null ? 0 : ((Number) v).intValue();
                }

                @Override
                public double number(int column) {
                    Object v = row.get(column);
                    return v == null ? Double.NaN : ((Number) v).doubleValue();
                }
            });
        }
    }

    /** One row of a {@link #scan}, valid only during the call that receives it. */
    interface TypedRow {
        String string(int column);

        /** 0 for NULL, as JDBC. */
        int integer(int column);

        /** NaN for NULL. */
        double number(int column);
    }

    @FunctionalInterface
    interface RowReader {
        void read(TypedRow row);
    }

    /**
     * Forgets a table no later stage reads, so that its memory is free for the next ones. Engines that keep
     * nothing between stages need not do anything.
     */
    default void drop(String table) {
    }

    @Override
    void close();
}
