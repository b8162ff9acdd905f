package cn.liaocheng.strongtown.dashboard.selection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;

/**
 * Scores from one named snapshot rather than the current one: a round pins its snapshot, so that a
 * later re-scoring cannot change a running round. Snapshots never change once published, so each
 * (snapshot, year) is read once and kept.
 */
@Component
class PinnedScores {

    private final Lake lake;
    private final Map<String, Map<String, TownScore>> cache = new ConcurrentHashMap<>();

    PinnedScores(StrongTownProperties properties) {
        this.lake = new Lake(properties.lake());
    }

    Optional<String> currentSnapshot() {
        return SnapshotPointer.current(lake);
    }

    /** Published snapshots still in the lake, newest first. */
    List<String> snapshots() {
        if (!Files.isDirectory(lake.marts())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(lake.marts())) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("snapshot=")
                            && Files.isDirectory(d.resolve("scores")))
                    .map(d -> d.getFileName().toString().substring("snapshot=".length()))
                    .sorted(java.util.Comparator.reverseOrder()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The years with composite scores in a snapshot, newest first. */
    List<Integer> years(String snapshot) {
        return read(snapshot, "SELECT DISTINCT year FROM s WHERE item_type = 'composite' ORDER BY year DESC",
                rs -> rs.getInt(1));
    }

    /** The last scored year before the round's year: the data a round of that year judges. */
    Optional<Integer> dataYear(String snapshot, int roundYear) {
        return years(snapshot).stream().filter(y -> y < roundYear).findFirst();
    }

    Map<String, TownScore> scores(String snapshot, int year) {
        return cache.computeIfAbsent(snapshot + "/" + year, k -> load(snapshot, year));
    }

    Optional<TownScore> score(String snapshot, int year, String townCode) {
        return Optional.ofNullable(scores(snapshot, year).get(townCode));
    }

    private Map<String, TownScore> load(String snapshot, int year) {
        record Row(String town, String type, String item, Double score, Double coverage, Integer rankCity,
                   Integer rankCounty) {
        }
        List<Row> rows = read(snapshot, "SELECT town_code, item_type, item_id, score, coverage, rank_city, rank_county"
                + " FROM s WHERE year = " + year + " AND item_type IN ('composite', 'dimension') ORDER BY town_code, item_id",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), (Double) rs.getObject(4),
                        (Double) rs.getObject(5), toInt(rs.getObject(6)), toInt(rs.getObject(7))));
        Map<String, List<Row>> byTown = new LinkedHashMap<>();
        rows.forEach(r -> byTown.computeIfAbsent(r.town(), t -> new ArrayList<>()).add(r));
        Map<String, TownScore> scores = new HashMap<>();
        byTown.forEach((town, list) -> {
            Row composite = list.stream().filter(r -> r.type().equals("composite")).findFirst().orElse(null);
            List<TownScore.Item> dims = list.stream().filter(r -> r.type().equals("dimension"))
                    .map(r -> new TownScore.Item(r.item(), r.score(), r.rankCity())).toList();
            scores.put(town, new TownScore(town, year, composite == null ? null : composite.score(),
                    composite == null ? null : composite.coverage(), composite == null ? null : composite.rankCity(),
                    composite == null ? null : composite.rankCounty(), dims));
        });
        return Map.copyOf(scores);
    }

    private static Integer toInt(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> read(String snapshot, String sql, Mapper<T> mapper) {
        if (!snapshot.matches("[A-Za-z0-9_.:-]+")) {
            throw new SelectionException("selection.error.snapshot");
        }
        Path scores = lake.snapshot(snapshot).resolve("scores");
        if (!Files.isDirectory(scores)) {
            throw new SelectionException("selection.error.snapshotGone", snapshot);
        }
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement()) {
            st.execute("CREATE VIEW s AS SELECT * FROM read_parquet(" + DuckDb.literal(scores + "/*.parquet") + ")");
            List<T> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("读取快照 " + snapshot + " 的得分失败：" + e.getMessage(), e);
        }
    }
}
