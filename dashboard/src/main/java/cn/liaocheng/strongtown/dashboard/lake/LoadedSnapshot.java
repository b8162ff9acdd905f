package cn.liaocheng.strongtown.dashboard.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.duckdb.DuckDBConnection;

import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;

/**
 * One published snapshot held in an in-memory DuckDB: its marts, the designations and the town list
 * as tables, read from the lake once. Every query gets its own connection to this database
 * ({@link #connect}), so sessions query in parallel without re-reading Parquet. A snapshot is never
 * changed after it is published, so the copy stays true until the next one replaces it.
 *
 * <p>Bounded: when the marts' uncompressed size (from the Parquet footers) exceeds the memory limit, the marts
 * become views over the snapshot's Parquet files instead of tables — every query then reads Parquet, slower but
 * within memory. The memory the loaded tables take is measured ({@code duckdb_memory()}).
 */
final class LoadedSnapshot implements AutoCloseable {

    /** Table of the raw designations (towns designated per year). */
    static final String DESIGNATIONS = "designations";
    /** Table of the reference town list. */
    static final String TOWNS = "towns";

    private final String id;
    private final DuckDBConnection database;
    private final boolean inMemory;
    private final long estimatedBytes;
    private final long memoryBytes;

    private LoadedSnapshot(String id, DuckDBConnection database, boolean inMemory, long estimatedBytes, long memoryBytes) {
        this.id = id;
        this.database = database;
        this.inMemory = inMemory;
        this.estimatedBytes = estimatedBytes;
        this.memoryBytes = memoryBytes;
    }

    static LoadedSnapshot load(Lake lake, String id, Path designations, Path townsFile, long memoryLimitBytes)
            throws SQLException {
        DuckDBConnection database = DuckDb.inMemory().unwrap(DuckDBConnection.class);
        try (Statement st = database.createStatement()) {
            long estimated = uncompressedBytes(st, lake, id);
            boolean inMemory = estimated <= memoryLimitBytes;
            for (String mart : ScoringPipeline.MARTS.keySet()) {
                String files = "read_parquet(" + DuckDb.literal(lake.snapshot(id).resolve(mart) + "/*.parquet") + ")";
                st.execute(inMemory ? "CREATE TABLE " + mart + " AS SELECT * FROM " + files + townOrder(st, files)
                        : "CREATE VIEW " + mart + " AS SELECT * FROM " + files);
            }
            st.execute("CREATE TABLE " + DESIGNATIONS + " AS " + (Files.exists(designations)
                    ? "SELECT * FROM read_parquet(" + DuckDb.literal(designations) + ")"
                    : "SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR) AS town_code WHERE FALSE"));
            st.execute("CREATE TABLE " + TOWNS + " AS SELECT * FROM read_csv(" + DuckDb.literal(townsFile)
                    + ", header = true, all_varchar = true)");
            return new LoadedSnapshot(id, database, inMemory, estimated, memoryBytes(st));
        } catch (SQLException e) {
            database.close();
            throw e;
        }
    }

    /**
     * {@code ORDER BY town_code, year} for a mart keyed by town (else nothing). The profile asks for one town's rows at
     * a time; stored in town order they are one contiguous range, and DuckDB skips every other row group and segment
     * by its min/max statistics instead of scanning the whole table. Measured on the province snapshot (1,800 towns
     * × 10 years, 800,000 score rows): the profile's seven per-town queries 38–47 ms → 22–23 ms a town on one thread,
     * 55 → 33 ms on two (docs/benchmarks.md, province scale); loading takes ~0.5 s longer, memory the same.
     */
    static String townOrder(Statement st, String files) throws SQLException {
        boolean town = false;
        boolean year = false;
        try (var rs = st.executeQuery("SELECT column_name FROM (DESCRIBE SELECT * FROM " + files + ")")) {
            while (rs.next()) {
                town |= "town_code".equals(rs.getString(1));
                year |= "year".equals(rs.getString(1));
            }
        }
        return !town ? "" : year ? " ORDER BY town_code, year" : " ORDER BY town_code";
    }

    /** The marts' size uncompressed, from the Parquet footers (no data read). */
    private static long uncompressedBytes(Statement st, Lake lake, String id) throws SQLException {
        try (var rs = st.executeQuery("SELECT coalesce(sum(total_uncompressed_size), 0) FROM parquet_metadata("
                + DuckDb.literal(lake.snapshot(id) + "/*/*.parquet") + ")")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** What this database holds in memory now (DuckDB's own accounting: tables, indexes, buffers). */
    private static long memoryBytes(Statement st) throws SQLException {
        try (var rs = st.executeQuery("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Whether the marts are tables in memory (else views over the snapshot's Parquet files). */
    boolean inMemory() {
        return inMemory;
    }

    /** The marts' uncompressed size from the Parquet footers: what decided {@link #inMemory()}. */
    long estimatedBytes() {
        return estimatedBytes;
    }

    /** Memory the loaded database takes, measured right after loading. */
    long memoryBytes() {
        return memoryBytes;
    }

    String id() {
        return id;
    }

    /** A new connection to the snapshot's database; the caller closes it. */
    synchronized Connection connect() throws SQLException {
        return database.duplicate();
    }

    /** Drops this holder's connection; queries still running on their own connections finish first. */
    @Override
    public synchronized void close() throws SQLException {
        database.close();
    }
}
