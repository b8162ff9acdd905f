package cn.liaocheng.strongtown.dashboard.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;

/**
 * Queries the published snapshot's marts with DuckDB. The snapshot is held in memory (one
 * {@link LoadedSnapshot}) up to {@code strongtown.snapshot-memory-limit-mb}; a larger one is queried from its
 * Parquet files instead (slower, logged). Each query resolves {@code CURRENT} anew, so a newly published
 * snapshot is loaded and seen at the next query, while a running query keeps its snapshot.
 */
@Component
public class MartReader {

    /** Maps one result row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Default bound of the snapshot held in memory: a province (~1,800 towns × 10 years) takes well under it. */
    public static final long DEFAULT_MEMORY_LIMIT_MB = 1024;

    /** Rows (plus one per entry) the result cache keeps at most: ~100 bytes a row, so well under 100 MB of heap. */
    static final long CACHED_ROWS = 500_000;

    private static final Logger LOG = LoggerFactory.getLogger(MartReader.class);

    private final Lake lake;
    private final Path townsFile;
    private final long memoryLimitBytes;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<LoadedSnapshot> loaded = new AtomicReference<>();
    /**
     * Results of the current snapshot, bounded by rows: the profile caches its queries per town and year (at province
     * scale 1,800 towns × 10 years × 7 queries), so a count of entries would bound nothing useful.
     */
    private final Cache<CacheKey, List<?>> results = Caffeine.newBuilder().maximumWeight(CACHED_ROWS)
            .weigher((CacheKey key, List<?> rows) -> 1 + rows.size()).build();
    /** Held while a snapshot loads; guards {@code replaced}. */
    private final ReentrantLock loading = new ReentrantLock();
    /** The snapshot replaced last (guarded by {@code loading}). */
    private LoadedSnapshot replaced;

    public MartReader(StrongTownProperties properties) {
        this(properties, DEFAULT_MEMORY_LIMIT_MB);
    }

    @Autowired
    public MartReader(StrongTownProperties properties,
                      @Value("${strongtown.snapshot-memory-limit-mb:" + DEFAULT_MEMORY_LIMIT_MB + "}") long memoryLimitMb) {
        this.lake = new Lake(properties.lake());
        this.townsFile = properties.data().resolve("reference").resolve("liaocheng-towns.csv");
        this.memoryLimitBytes = memoryLimitMb * 1024 * 1024;
    }

    public Optional<String> currentSnapshot() {
        return SnapshotPointer.current(lake);
    }

    /** The raw folder's designations table (towns designated per year). */
    private Path designations() {
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
        return run(held(snapshot), sql, mapper, params);
    }

    /** Runs a query on a snapshot already held; takes no lock of this reader (it runs inside the result cache). */
    private <T> List<T> run(LoadedSnapshot held, String sql, RowMapper<T> mapper, Object... params) {
        String resolved = sql;
        for (String mart : ScoringPipeline.MARTS.keySet()) {
            resolved = resolved.replace("{" + mart + "}", mart);
        }
        resolved = resolved.replace("{designations}", LoadedSnapshot.DESIGNATIONS)
                .replace("{towns}", LoadedSnapshot.TOWNS);
        // read on demand: only provenance asks, one value at a time, and uploads add revisions between snapshots
        resolved = resolved.replace("{declarations}", "read_parquet(" + DuckDb.literal(
                lake.rawDeclarations() + "/*/*.parquet") + ", hive_partitioning = true, union_by_name = true)");
        try (Connection conn = held.connect(); PreparedStatement st = conn.prepareStatement(resolved)) {
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
            throw new IllegalStateException("读取快照 " + held.id() + " 失败：" + e.getMessage(), e);
        }
    }

    /**
     * The snapshot in memory, loading it first if it is not the one held; then the results cached for other
     * snapshots are dropped. Never called inside the result cache's compute: emptying the cache waits for running
     * computations, which would deadlock with one that waits here for the load (found by the soak, R3).
     *
     * <p>While one query loads a newly published snapshot (~1 s at city scale), the others are answered from the
     * snapshot held until then instead of queueing behind the load: in the soak every re-scoring stalled every
     * reader for that second. The query that loads it, and every query after the load, reads the new one.
     */
    private LoadedSnapshot held(String snapshot) {
        try {
            LoadedSnapshot current = loaded.get();
            if (current != null && current.id().equals(snapshot)) {
                return current;
            }
            if (current != null && loading.isLocked() && !loading.isHeldByCurrentThread()) {
                return current;
            }
            LoadedSnapshot fresh = load(snapshot);
            results.asMap().keySet().removeIf(key -> !key.snapshot().equals(fresh.id()));
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException("读取快照 " + snapshot + " 失败：" + e.getMessage(), e);
        }
    }

    /**
     * Loads a snapshot unless another thread just did. The one it replaces stays open until the next
     * replacement, so that a query that has just picked it can still connect.
     */
    private LoadedSnapshot load(String snapshot) throws SQLException {
        loading.lock();
        try {
            LoadedSnapshot current = loaded.get();
            if (current != null && current.id().equals(snapshot)) {
                return current;
            }
            LoadedSnapshot fresh = LoadedSnapshot.load(lake, snapshot, designations(), townsFile, memoryLimitBytes);
            if (fresh.inMemory()) {
                LOG.info("快照 {} 已载入内存：约 {} MB（上限 {} MB，strongtown.snapshot-memory-limit-mb）", snapshot,
                        fresh.memoryBytes() / (1024 * 1024), memoryLimitBytes / (1024 * 1024));
            } else {
                LOG.warn("快照 {} 的数据约 {} MB，超过内存上限 {} MB（strongtown.snapshot-memory-limit-mb）："
                        + "不载入内存，每次查询直接读取其 Parquet 文件，页面会变慢；可调高上限或增加内存", snapshot,
                        fresh.estimatedBytes() / (1024 * 1024), memoryLimitBytes / (1024 * 1024));
            }
            loaded.set(fresh);
            if (replaced != null) {
                replaced.close();
            }
            replaced = current;
            return fresh;
        } finally {
            loading.unlock();
        }
    }

    @PreDestroy
    void closeSnapshots() throws SQLException {
        loading.lock();
        try {
            for (LoadedSnapshot held : new LoadedSnapshot[] {loaded.getAndSet(null), replaced}) {
                if (held != null) {
                    held.close();
                }
            }
            replaced = null;
        } finally {
            loading.unlock();
        }
    }

    /** Years with composite scores in the current snapshot, newest first. */
    public List<Integer> scoredYears() {
        return cachedQuery("SELECT DISTINCT year FROM {scores} WHERE item_type = 'composite' ORDER BY year DESC",
                rs -> rs.getInt(1));
    }

    /**
     * Like {@link #query}, but the result is kept for the snapshot and shared by all callers, since a
     * published snapshot never changes. Only for mappers whose result depends on the row alone (no
     * captured locale, user or side effect): the key is the snapshot, the SQL, the mapper's class and
     * the parameters. County scope must be applied to the parameters before the call, as it is.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> cachedQuery(String sql, RowMapper<T> mapper, Object... params) {
        String snapshot = currentSnapshot().orElseThrow(() -> new IllegalStateException("no published snapshot"));
        LoadedSnapshot held = held(snapshot);
        CacheKey key = new CacheKey(held.id(), sql, mapper.getClass(), Arrays.asList(params));
        return (List<T>) results.get(key, k -> Collections.unmodifiableList(run(held, sql, mapper, params)));
    }

    private record CacheKey(String snapshot, String sql, Class<?> mapper, List<Object> params) {
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
