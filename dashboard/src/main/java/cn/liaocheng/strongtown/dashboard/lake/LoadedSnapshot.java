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
                st.execute("CREATE " + (inMemory ? "TABLE " : "VIEW ") + mart + " AS SELECT * FROM read_parquet("
                        + DuckDb.literal(lake.snapshot(id).resolve(mart) + "/*.parquet") + ")");
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
