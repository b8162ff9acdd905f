package cn.liaocheng.strongtown.collection.declaration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import cn.liaocheng.strongtown.collection.ValueChange;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeTransaction;

/**
 * The declared values in {@code raw/declarations/year=Y/}: one Parquet file per revision, never
 * rewritten. The current value of a (town, indicator) is the one of its newest revision, exactly as
 * the scoring's stage 02 reads it; a null value there means "withdrawn".
 */
final class DeclarationStore {

    private static final String TABLE_DDL = """
            CREATE TABLE revision_rows (town_code VARCHAR, indicator_id VARCHAR, value DOUBLE, revision INTEGER,
              submitted_by VARCHAR, submitted_at TIMESTAMP, source_sha256 VARCHAR)""";

    private final Lake lake;

    DeclarationStore(Lake lake) {
        this.lake = lake;
    }

    private Path yearFolder(int year) {
        return lake.rawDeclarations().resolve("year=" + year);
    }

    static String revisionFile(int year, int revision) {
        return "raw/declarations/year=" + year + "/" + String.format("rev-%06d.parquet", revision);
    }

    private boolean hasData(int year) {
        Path folder = yearFolder(year);
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String source(int year) {
        return "read_parquet(" + DuckDb.literal(yearFolder(year) + "/*.parquet") + ", union_by_name = true)";
    }

    /** Current values of a year by {@link DeclaredValue#key()}, withdrawn values left out. */
    Map<String, Double> current(int year) {
        return asOf(year, Integer.MAX_VALUE);
    }

    /** The values as they stood right after {@code revision}. */
    Map<String, Double> asOf(int year, int revision) {
        Map<String, Double> values = new HashMap<>();
        if (!hasData(year)) {
            return values;
        }
        query("SELECT town_code, indicator_id, value FROM (SELECT town_code, indicator_id, value, ROW_NUMBER() OVER "
                + "(PARTITION BY town_code, indicator_id ORDER BY revision DESC) AS newest FROM " + source(year)
                + " WHERE revision <= ?) WHERE newest = 1 AND value IS NOT NULL", rs -> {
                    values.put(rs.getString(1) + "/" + rs.getString(2), rs.getDouble(3));
                }, revision);
        return values;
    }

    int latestRevision(int year) {
        if (!hasData(year)) {
            return 0;
        }
        int[] max = {0};
        query("SELECT coalesce(max(revision), 0) FROM " + source(year), rs -> max[0] = rs.getInt(1));
        return max[0];
    }

    List<RevisionInfo> revisions(int year) {
        List<RevisionInfo> list = new ArrayList<>();
        if (!hasData(year)) {
            return list;
        }
        query("SELECT revision, min(submitted_by), min(submitted_at), min(source_sha256), count(*) FROM " + source(year)
                + " GROUP BY revision ORDER BY revision", rs -> list.add(new RevisionInfo(year, rs.getInt(1),
                        rs.getString(2), toLocal(rs.getTimestamp(3)), rs.getString(4), rs.getLong(5))));
        return list;
    }

    List<ValueChange> changes(int year, int revision) {
        List<ValueChange> list = new ArrayList<>();
        if (!hasData(year)) {
            return list;
        }
        query("SELECT town_code, indicator_id, old_value, value FROM (SELECT *, LAG(value) OVER (PARTITION BY town_code, "
                + "indicator_id ORDER BY revision) AS old_value FROM " + source(year) + ") WHERE revision = ? "
                + "ORDER BY town_code, indicator_id", rs -> list.add(new ValueChange(rs.getString(1), rs.getString(2),
                        nullable(rs, 3), nullable(rs, 4))), revision);
        return list;
    }

    /** Writes the revision's Parquet file into the transaction's staging and checks it reads back whole. */
    void stage(LakeTransaction tx, int year, int revision, List<DeclaredValue> values, String user,
               LocalDateTime at, String sha256) {
        Path staged = tx.stage(revisionFile(year, revision));
        try (Connection conn = DuckDb.inMemory(); Statement st = conn.createStatement()) {
            st.execute(TABLE_DDL);
            double sum = 0;
            try (DuckDBAppender out = ((DuckDBConnection) conn).createAppender("revision_rows")) {
                for (DeclaredValue v : values) {
                    out.beginRow().append(v.townCode()).append(v.indicatorId());
                    if (v.value() == null) {
                        out.appendNull();
                    } else {
                        out.append(v.value());
                        sum += v.value();
                    }
                    out.append(revision).append(user).append(at);
                    if (sha256 == null) {
                        out.appendNull();
                    } else {
                        out.append(sha256);
                    }
                    out.endRow();
                }
            }
            st.execute("COPY (SELECT * FROM revision_rows ORDER BY town_code, indicator_id) TO "
                    + DuckDb.literal(staged) + " (FORMAT PARQUET, COMPRESSION ZSTD)");
            try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(value), 0), min(revision), max(revision) FROM "
                    + "read_parquet(" + DuckDb.literal(staged) + ")")) {
                rs.next();
                if (rs.getLong(1) != values.size() || Math.abs(rs.getDouble(2) - sum) > 1e-6 * Math.max(1, Math.abs(sum))
                        || rs.getInt(3) != revision || rs.getInt(4) != revision) {
                    throw new IllegalStateException("暂存的修订文件校验失败，未发布：" + staged);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("写入修订文件失败：" + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(String sql, RowConsumer consumer, Object... params) {
        try (Connection conn = DuckDb.inMemory(); PreparedStatement st = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("读取申报数据失败：" + e.getMessage(), e);
        }
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static LocalDateTime toLocal(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime();
    }
}
