package cn.liaocheng.strongtown.dashboard.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;

/**
 * Queries the published snapshot's marts with DuckDB. Each query resolves {@code CURRENT} anew, so
 * a newly published snapshot is seen at the next query and a running query keeps its snapshot.
 */
@Component
public class MartReader {

    /** Maps one result row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Lake lake;
    private final Path townsFile;
    private final ObjectMapper json = new ObjectMapper();

    public MartReader(StrongTownProperties properties) {
        this.lake = new Lake(properties.lake());
        this.townsFile = properties.data().resolve("reference").resolve("liaocheng-towns.csv");
    }

    public Optional<String> currentSnapshot() {
        return SnapshotPointer.current(lake);
    }

    /** The raw folder's designations table (towns designated per year). */
    public Path designations() {
        return lake.rawDesignations().resolve("designations.parquet");
    }

    /**
     * Runs a query in which {@code {scores}}, {@code {indicator_values}} and {@code {designations}}
     * stand for the current snapshot's tables, {@code {towns}} for the reference town list
     * ({@code town_code, town_name, county_code, county_name, town_type}) and {@code {declarations}} for
     * the raw declared values of all years and revisions (with {@code year}, for provenance); parameters
     * bind to {@code ?}.
     */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        String snapshot = currentSnapshot().orElseThrow(() -> new IllegalStateException("no published snapshot"));
        String resolved = sql;
        for (String mart : ScoringPipeline.MARTS.keySet()) {
            resolved = resolved.replace("{" + mart + "}",
                    "read_parquet(" + DuckDb.literal(lake.snapshot(snapshot).resolve(mart) + "/*.parquet") + ")");
        }
        resolved = resolved.replace("{designations}", Files.exists(designations())
                ? "read_parquet(" + DuckDb.literal(designations()) + ")"
                : "(SELECT CAST(NULL AS INTEGER) AS year, CAST(NULL AS VARCHAR) AS town_code WHERE FALSE)");
        resolved = resolved.replace("{declarations}", "read_parquet(" + DuckDb.literal(
                lake.rawDeclarations() + "/*/*.parquet") + ", hive_partitioning = true, union_by_name = true)");
        resolved = resolved.replace("{towns}", "read_csv(" + DuckDb.literal(townsFile)
                + ", header = true, all_varchar = true)");
        try (Connection conn = DuckDb.inMemory(); PreparedStatement st = conn.prepareStatement(resolved)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    st.setNull(i + 1, Types.VARCHAR);
                } else {
                    st.setObject(i + 1, params[i]);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("读取快照 " + snapshot + " 失败：" + e.getMessage(), e);
        }
    }

    /** Years with composite scores in the current snapshot, newest first. */
    public List<Integer> scoredYears() {
        return query("SELECT DISTINCT year FROM {scores} WHERE item_type = 'composite' ORDER BY year DESC",
                rs -> rs.getInt(1));
    }

    /** The current snapshot's manifest (engine, catalog version, demo flag). */
    public JsonNode manifest() {
        String snapshot = currentSnapshot().orElseThrow(() -> new IllegalStateException("no published snapshot"));
        try {
            return json.readTree(lake.snapshot(snapshot).resolve(ScoringPipeline.MANIFEST).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
