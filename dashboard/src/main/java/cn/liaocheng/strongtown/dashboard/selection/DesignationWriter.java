package cn.liaocheng.strongtown.dashboard.selection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.LakeLock;
import cn.liaocheng.strongtown.lake.LakeTransaction;

/**
 * Writes the designations (raw/designations/designations.parquet: year INTEGER, town_code VARCHAR) that
 * the overview, league tables and profiles show. A write replaces the file in one lake transaction under
 * the lake lock; the file replaced is kept under {@code designation-history/}. A re-scoring then
 * publishes a snapshot that carries the new designations.
 */
@Component
class DesignationWriter {

    static final String TARGET = "raw/designations/designations.parquet";

    /** One designation row. */
    record Row(int year, String townCode) implements Comparable<Row> {
        @Override
        public int compareTo(Row o) {
            return year != o.year ? Integer.compare(year, o.year) : townCode.compareTo(o.townCode);
        }
    }

    private final Lake lake;
    private final LakePreparation preparation;

    DesignationWriter(StrongTownProperties properties, LakePreparation preparation) {
        this.lake = new Lake(properties.lake());
        this.preparation = preparation;
    }

    List<Row> read() {
        Path file = lake.root().resolve(TARGET);
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT year, town_code FROM read_parquet(" + DuckDb.literal(file)
                     + ") ORDER BY year, town_code")) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Row(rs.getInt(1), rs.getString(2)));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("读取命名名单失败：" + e.getMessage(), e);
        }
    }

    /** Sets the towns designated in a year (replacing that year's rows) and re-scores. */
    void designate(int year, List<String> townCodes) {
        rewrite(rows -> {
            rows.removeIf(r -> r.year() == year);
            townCodes.forEach(t -> rows.add(new Row(year, t)));
        });
    }

    /** Removes one town's designation (摘牌) and re-scores. */
    void revoke(int year, String townCode) {
        rewrite(rows -> rows.removeIf(r -> r.year() == year && r.townCode().equals(townCode)));
    }

    private void rewrite(java.util.function.Consumer<Set<Row>> change) {
        try (LakeLock lock = LakeLock.acquire(lake)) {
            Set<Row> rows = new TreeSet<>(read());
            change.accept(rows);
            try (LakeTransaction tx = LakeTransaction.begin(lake)) {
                if (Files.exists(lake.root().resolve(TARGET))) {
                    tx.retire(TARGET, "designation-history/designations-" + System.currentTimeMillis() + ".parquet");
                }
                Path staged = tx.stage(TARGET);
                write(staged, rows);
                tx.commit();
            }
        }
        preparation.rescoreInBackground();
    }

    private static void write(Path file, Set<Row> rows) {
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE designations (year INTEGER, town_code VARCHAR)");
            try (var insert = c.prepareStatement("INSERT INTO designations VALUES (?, ?)")) {
                for (Row r : rows) {
                    insert.setInt(1, r.year());
                    insert.setString(2, r.townCode());
                    insert.executeUpdate();
                }
            }
            st.execute("COPY (SELECT * FROM designations ORDER BY year, town_code) TO " + DuckDb.literal(file)
                    + " (FORMAT PARQUET, COMPRESSION ZSTD)");
        } catch (SQLException e) {
            throw new IllegalStateException("写入命名名单失败：" + e.getMessage(), e);
        }
    }
}
