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
 */
final class LoadedSnapshot implements AutoCloseable {

    /** Table of the raw designations (towns designated per year). */
    static final String DESIGNATIONS = "designations";
    /** Table of the reference town list. */
    static final String TOWNS = "towns";

    private final String id;
    private final DuckDBConnection database;

    private LoadedSnapshot(String id, DuckDBConnection database) {
        this.id = id;
        this.database = database;
    }

    static LoadedSnapshot load(Lake lake, String id, Path designations, Path townsFile) throws SQLException {
        DuckDBConnection database = DuckDb.inMemory().unwrap(DuckDBConnection.class);
        try (Statement st = database.createStatement()) {
            for (String mart : ScoringPipeline.MARTS.keySet()) {
                st.execute("CREATE TABLE " + mart + " AS SELECT * FROM read_parquet("
                        + DuckDb.literal(lake.snapshot(id).resolve(mart) + "/*.parquet") + ")");
            }
            st.execute("CREATE TABLE " + DESIGNATIONS + " AS " + (Files.exists(designations)
                    ? "SELECT * FROM read_parquet(" + DuckDb.literal(designations) + ")"
                    : "SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR) AS town_code WHERE FALSE"));
            st.execute("CREATE TABLE " + TOWNS + " AS SELECT * FROM read_csv(" + DuckDb.literal(townsFile)
                    + ", header = true, all_varchar = true)");
        } catch (SQLException e) {
            database.close();
            throw e;
        }
        return new LoadedSnapshot(id, database);
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
