package cn.liaocheng.strongtown.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import cn.liaocheng.strongtown.lake.DuckDb;

/**
 * The embedded default engine: an in-memory DuckDB that reads and writes the lake's Parquet. Its memory is
 * bounded ({@link DuckDbLimits}) and what does not fit spills to a temporary directory of its own, removed on
 * close: DuckDB's own default (80 % of RAM) on top of the JVM's heap took the whole machine at national scale.
 */
public final class DuckDbEngine implements SqlEngine {

    private final Connection conn;
    private final DuckDbLimits limits;

    /** Limits from the system properties, else the defaults ({@link DuckDbLimits#fromSystem()}). */
    public DuckDbEngine() {
        this(DuckDbLimits.fromSystem());
    }

    public DuckDbEngine(DuckDbLimits limits) {
        this.limits = limits;
        try {
            this.conn = DuckDb.inMemory();
            Files.createDirectories(limits.tempDirectory());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("无法启动 DuckDB：" + e.getMessage(), e);
        }
        execute("SET memory_limit = " + DuckDb.literal(limits.memoryBytes() / (1024 * 1024) + "MiB"));
        execute("SET temp_directory = " + DuckDb.literal(limits.tempDirectory()));
    }

    /** Caps DuckDB's worker threads (the dashboard re-scores with one, so that readers keep a core). */
    public void limitThreads(int threads) {
        execute("SET threads = " + Math.max(1, threads));
    }

    /** Back to DuckDB's default worker threads (one per core), undoing {@link #limitThreads}. */
    public void unlimitThreads() {
        execute("RESET threads");
    }

    /**
     * Drops every table and view this engine registered or materialised, so that an engine kept for the next
     * scoring ({@code scoring/DuckDbScorer}) starts as empty as a new one: no stage table of the last scoring
     * can be read by the next, a raw table registered as a view one time and as a table the next (designations)
     * does not clash, and the memory of the last marts goes back to DuckDB's buffer pool. Settings stay.
     */
    public void reset() {
        List<String> drops = new ArrayList<>();
        for (Map<String, Object> view : query("SELECT view_name FROM duckdb_views() WHERE temporary AND NOT internal")) {
            drops.add("DROP VIEW IF EXISTS temp.main." + quoted(view.get("view_name").toString()));
        }
        for (Map<String, Object> table : query("SELECT table_name FROM duckdb_tables() WHERE temporary")) {
            drops.add("DROP TABLE IF EXISTS temp.main." + quoted(table.get("table_name").toString()));
        }
        drops.forEach(this::execute);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The limits this engine runs under. */
    public DuckDbLimits limits() {
        return limits;
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public void register(InputTable table) {
        String columns = table.columns().stream().map(c -> c.name() + " " + sqlType(c.type()))
                .collect(Collectors.joining(", "));
        execute("CREATE OR REPLACE TEMP TABLE " + table.name() + " (" + columns + ")");
        // The appender, not batched INSERTs: rank intervals and peer groups reach hundreds of thousands of rows.
        try (DuckDBAppender out = ((DuckDBConnection) conn).createAppender("temp", "main", table.name())) {
            for (Object[] row : table.rows()) {
                out.beginRow();
                for (Object value : row) {
                    append(out, value);
                }
                out.endRow();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("无法登记表 " + table.name() + "：" + e.getMessage(), e);
        }
    }

    private static void append(DuckDBAppender out, Object value) throws SQLException {
        if (value == null) {
            out.appendNull();
        } else if (value instanceof String s) {
            out.append(s);
        } else if (value instanceof Integer i) {
            out.append(i.intValue());
        } else if (value instanceof Double d) {
            out.append(d.doubleValue());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else {
            throw new IllegalArgumentException("unsupported input value " + value.getClass());
        }
    }

    private static String sqlType(InputTable.Type type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INT -> "INTEGER";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    @Override
    public void registerParquet(String table, String location) {
        execute("CREATE OR REPLACE TEMP VIEW " + table + " AS SELECT * FROM read_parquet("
                + DuckDb.literal(location + "/**/*.parquet") + ", hive_partitioning = true, union_by_name = true)");
    }

    @Override
    public boolean readsIngestAggregates() {
        return true;
    }

    @Override
    public boolean hasTable(String table) {
        String name = DuckDb.literal(table);
        return !query("SELECT 1 FROM duckdb_views() WHERE view_name = " + name
                + " UNION ALL SELECT 1 FROM duckdb_tables() WHERE table_name = " + name).isEmpty();
    }

    @Override
    public boolean hasParquet(String location) {
        try (Stream<Path> files = Files.walk(Path.of(location))) {
            return files.anyMatch(f -> f.toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void materialise(String table, String selectSql) {
        execute("CREATE OR REPLACE TEMP TABLE " + table + " AS " + selectSql);
    }

    @Override
    public void writeParquet(String table, String location) {
        try {
            Files.createDirectories(Path.of(location));
        } catch (IOException e) {
            throw new IllegalStateException("无法创建目录 " + location, e);
        }
        execute("COPY " + table + " TO " + DuckDb.literal(location + "/part-0.parquet")
                + " (FORMAT PARQUET, COMPRESSION ZSTD)");
    }

    @Override
    public void drop(String table) {
        execute("DROP TABLE IF EXISTS " + table);
    }

    /** Streams the rows straight off the JDBC result set: no map, no list of all rows. */
    @Override
    public void scan(String sql, RowReader reader) {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            JdbcRow row = new JdbcRow(rs);
            while (rs.next()) {
                reader.read(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB 查询失败：" + e.getMessage(), e);
        }
    }

    /** The current row of a result set; columns numbered from 0. */
    private record JdbcRow(ResultSet rs) implements TypedRow {

        @Override
        public String string(int column) {
            try {
                return rs.getString(column + 1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int integer(int column) {
            try {
                return rs.getInt(column + 1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public double number(int column) {
            try {
                double value = rs.getDouble(column + 1);
                return rs.wasNull() ? Double.NaN : value;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public List<Map<String, Object>> query(String sql) {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB 查询失败：" + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB 执行失败：" + e.getMessage() + "\n" + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(limits.tempDirectory());
        }
    }

    /** The spill directory is this engine's alone; DuckDB removes its files, this removes the folder. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // nothing to remove, or already gone
        }
    }
}
