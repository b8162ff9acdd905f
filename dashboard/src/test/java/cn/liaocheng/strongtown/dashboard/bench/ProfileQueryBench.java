package cn.liaocheng.strongtown.dashboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.duckdb.DuckDBConnection;

/**
 * The profile's queries per town on a published snapshot, outside the server (issue 15 item 4): the snapshot's marts
 * loaded into an in-memory DuckDB as the dashboard holds them — in the order the pipeline wrote them, or in town order
 * as {@code LoadedSnapshot} now loads them — and, for random towns, the per-town queries the profile ran before
 * (with joins over whole tables) and runs now (each reading the town's own rows; the rest comes from results cached
 * per snapshot and year), each on its own duplicated connection as the server does. Prints p50/p95 per query and per
 * town. Usage: {@code ProfileQueryBench <snapshot folder> [threads=1] [towns=200]}; run it under the Maven lock.
 */
public final class ProfileQueryBench {

    private static final int YEAR = 2025;

    /** The profile's per-town queries before issue 15's `dashprof` round (main ac79057), for the newest year. */
    static final Map<String, String> BEFORE = Map.of(
            "1 years", "SELECT year FROM scores WHERE town_code = ? AND item_type = 'composite' AND score IS NOT NULL"
                    + " ORDER BY year DESC",
            "2 scores+benchmarks", "SELECT s.item_type, s.item_id, s.score, p.score_median, c.score_p90 FROM scores s"
                    + " LEFT JOIN benchmarks p ON p.year = s.year AND p.item_type = s.item_type AND p.item_id = s.item_id"
                    + " AND p.scope = 'type' AND p.scope_id = 'x' LEFT JOIN benchmarks c ON c.year = s.year"
                    + " AND c.item_type = s.item_type AND c.item_id = s.item_id AND c.scope = 'city'"
                    + " WHERE s.town_code = ? AND s.year = " + YEAR + " AND s.item_type IN ('dimension', 'indicator')",
            "3 rank history", "SELECT s.year, s.rank_city, r.rank_p5, r.rank_p95 FROM scores s LEFT JOIN rank_intervals r"
                    + " ON r.town_code = s.town_code AND r.year = s.year WHERE s.town_code = ? AND s.item_type = 'composite'"
                    + " AND s.score IS NOT NULL AND s.year <= " + YEAR + " ORDER BY s.year",
            "4 indicator values", "SELECT indicator_id, year, value, source, revision FROM indicator_values"
                    + " WHERE town_code = ? AND year <= " + YEAR,
            "5 drivers", "SELECT item_id, score_change, contribution FROM rank_drivers WHERE town_code = ? AND year = "
                    + YEAR + " AND item_type = 'dimension' ORDER BY driver_rank",
            "6 similar+scores", "SELECT s.similar_town_code, s.similarity_rank, c.score FROM similar_towns s"
                    + " LEFT JOIN scores c ON c.town_code = s.similar_town_code AND c.year = " + YEAR
                    + " AND c.item_type = 'composite' WHERE s.town_code = ?"
                    + " AND s.year = (SELECT MAX(year) FROM similar_towns) ORDER BY s.similarity_rank",
            "7 quality flags", "SELECT q.* FROM quality_flags q WHERE q.town_code = ? AND q.year = " + YEAR
                    + " ORDER BY q.indicator_id");

    /** The per-town queries now: years and rank history come from the cached header rows of every town. */
    static final Map<String, String> NOW = Map.of(
            "2 scores", "SELECT item_type, item_id, score FROM scores WHERE town_code = ? AND year = " + YEAR
                    + " AND item_type IN ('dimension', 'indicator')",
            "4 indicator values", BEFORE.get("4 indicator values"),
            "5 drivers", BEFORE.get("5 drivers"),
            "6 similar", "SELECT similar_town_code, similarity_rank FROM similar_towns WHERE town_code = ? AND year = "
                    + YEAR + " ORDER BY similarity_rank",
            "7 quality flags", BEFORE.get("7 quality flags"));

    private ProfileQueryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path snapshot = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int towns = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        for (boolean townOrder : new boolean[] {false, true}) {
            try (DuckDBConnection db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
                long start = System.nanoTime();
                load(db, snapshot, townOrder);
                System.out.printf("marts %s: loaded in %d ms, %d MB (duckdb_memory)%n",
                        townOrder ? "in town order" : "as written", (System.nanoTime() - start) / 1_000_000, memoryMb(db));
                List<String> codes = codes(db);
                for (Map.Entry<String, Map<String, String>> set : List.of(Map.entry("before", BEFORE), Map.entry("now", NOW))) {
                    run(db, codes, set.getKey(), set.getValue(), threads, towns);
                }
            }
        }
    }

    private static void load(Connection db, Path snapshot, boolean townOrder) throws SQLException {
        try (Statement st = db.createStatement(); Stream<Path> marts = Files.list(snapshot).filter(Files::isDirectory)) {
            for (Path mart : marts.sorted().toList()) {
                String files = "read_parquet('" + mart + "/*.parquet')";
                boolean byTown = false;
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (DESCRIBE SELECT * FROM " + files
                        + ") WHERE column_name = 'town_code'")) {
                    byTown = rs.next() && rs.getInt(1) > 0;
                }
                st.execute("CREATE TABLE " + mart.getFileName() + " AS SELECT * FROM " + files
                        + (townOrder && byTown ? " ORDER BY town_code, year" : ""));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long memoryMb(Connection db) throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(memory_usage_bytes) FROM duckdb_memory()")) {
            return rs.next() ? rs.getLong(1) / (1024 * 1024) : 0;
        }
    }

    private static List<String> codes(Connection db) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT town_code FROM scores ORDER BY 1")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    private static void run(DuckDBConnection db, List<String> codes, String name, Map<String, String> queries,
                            int threads, int towns) throws InterruptedException {
        List<String> keys = queries.keySet().stream().sorted().toList();
        List<long[]> timings = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(17 + t);
            Thread worker = new Thread(() -> {
                for (int i = 0; i < towns / threads; i++) {
                    String town = codes.get(random.nextInt(codes.size()));
                    long[] nanos = new long[keys.size() + 1];
                    long townStart = System.nanoTime();
                    for (int q = 0; q < keys.size(); q++) {
                        long queryStart = System.nanoTime();
                        try (Connection conn = db.duplicate(); PreparedStatement ps = conn.prepareStatement(queries.get(keys.get(q)))) {
                            ps.setString(1, town);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    rs.getObject(1);
                                }
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                        nanos[q] = System.nanoTime() - queryStart;
                    }
                    nanos[keys.size()] = System.nanoTime() - townStart;
                    timings.add(nanos);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        StringBuilder line = new StringBuilder(String.format("  %-6s %d towns, %d thread(s), %d ms: p50/p95 ms",
                name, timings.size(), threads, (System.nanoTime() - start) / 1_000_000));
        for (int q = 0; q <= keys.size(); q++) {
            int column = q;
            long[] sorted = timings.stream().mapToLong(t -> t[column]).sorted().toArray();
            line.append(String.format(" | %s %.1f/%.1f", q < keys.size() ? keys.get(q) : "per town",
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6));
        }
        System.out.println(line);
    }
}
