package cn.liaocheng.strongtown.peer;

import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;
import static cn.liaocheng.strongtown.engine.InputTable.Type.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.engine.SqlEngine;

/**
 * Each town's most similar towns of its own cluster in the newest year: the n nearest by Euclidean distance over
 * the standardised structure variables, ties by town code — the one home of this rule on every engine. DuckDB
 * runs it in process over the newest year's points ({@link PeerGroups}); Spark runs it on the executors, one
 * task per cluster ({@link Distributed}), so nothing of the points reaches the driver.
 *
 * <p>The search is exact and sweeps the cluster in manufacturing-share order: the distance to a town's current
 * n-th nearest bounds how far in that share a nearer town can be, so the sweep stops there in both directions.
 * The distance is summed as the SQL version did it ({@code (a - b) * (a - b)} dimension by dimension, then the
 * square root), so values and ties come out bit for bit as before. (The SQL version did the same search as a
 * join over bins of the share; at national density it compared each town with thousands of others in sorted
 * windows — 358 s — where this loop takes well under a second.)
 */
public final class SimilarTowns {

    /** The newest year's towns with their cluster and point: town_code, year, cluster, z1 … z5. */
    public static final String NEWEST_SQL = """
            SELECT p.town_code, p.year, g.cluster, p.z1, p.z2, p.z3, p.z4, p.z5
            FROM peer_points p
            JOIN peer_groups g ON g.town_code = p.town_code AND g.year = p.year
            WHERE p.year = (SELECT MAX(year) FROM peer_points)""";

    /** The columns of the similar_towns mart. */
    public static final List<Column> COLUMNS = List.of(new Column("town_code", STRING), new Column("year", INT),
            new Column("similarity_rank", INT), new Column("similar_town_code", STRING), new Column("distance", DOUBLE));

    /** Widens the sweep's bound by far more than rounding in the distance could take off, so no tie is missed. */
    private static final double BOUND_MARGIN = 1e-9;

    /**
     * An engine that runs the search where the points are (Spark: one task per cluster on the executors) instead of
     * handing them to this JVM.
     */
    public interface Distributed {
        /** Materialises {@code table} ({@link #COLUMNS}) from the rows of {@code newestSql} ({@link #NEWEST_SQL}). */
        void materialiseSimilarTowns(String table, String newestSql, int similar);
    }

    private record Point(String town, double[] z) {
    }

    private SimilarTowns() {
    }

    /**
     * The similar-town rows ({@link #COLUMNS}, ordered by town and rank) of the points a reader is fed with
     * ({@link #NEWEST_SQL}'s columns, any order, one cluster or several).
     */
    public static List<Object[]> of(Consumer<SqlEngine.RowReader> points, int similar) {
        Map<Integer, List<Point>> clusters = new TreeMap<>();
        int[] year = {0};
        points.accept(r -> {
            year[0] = r.integer(1);
            clusters.computeIfAbsent(r.integer(2), c -> new ArrayList<>()).add(new Point(r.string(0),
                    new double[] {r.number(3), r.number(4), r.number(5), r.number(6), r.number(7)}));
        });
        List<Object[]> rows = new ArrayList<>();
        clusters.values().forEach(cluster -> rows.addAll(ofCluster(cluster, year[0], similar)));
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[0]).thenComparing(r -> (Integer) r[2]));
        return rows;
    }

    private static List<Object[]> ofCluster(List<Point> cluster, int year, int similar) {
        Point[] p = cluster.toArray(Point[]::new);
        Arrays.sort(p, Comparator.comparingDouble((Point x) -> x.z()[0]).thenComparing(Point::town));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            Nearest nearest = new Nearest(similar);
            for (int j = i + 1; j < p.length && p[j].z()[0] - p[i].z()[0] <= nearest.reach(); j++) {
                nearest.offer(distance(p[i].z(), p[j].z()), p[j].town());
            }
            for (int j = i - 1; j >= 0 && p[i].z()[0] - p[j].z()[0] <= nearest.reach(); j--) {
                nearest.offer(distance(p[i].z(), p[j].z()), p[j].town());
            }
            for (int k = 0; k < nearest.count; k++) {
                rows.add(new Object[] {p[i].town(), year, k + 1, nearest.towns[k], nearest.distances[k]});
            }
        }
        return rows;
    }

    /** As the SQL summed it: {@code (a.z1 - b.z1) * (a.z1 - b.z1) + …} left to right, then the square root. */
    static double distance(double[] a, double[] b) {
        double sum = (a[0] - b[0]) * (a[0] - b[0]);
        for (int d = 1; d < a.length; d++) {
            sum = sum + (a[d] - b[d]) * (a[d] - b[d]);
        }
        return Math.sqrt(sum);
    }

    /**
     * The n nearest so far, by distance then town code (codes compare as the engines order them: the codes are
     * ASCII digits, whose UTF-16 order is their byte order).
     */
    private static final class Nearest {
        final double[] distances;
        final String[] towns;
        int count;

        Nearest(int n) {
            distances = new double[n];
            towns = new String[n];
        }

        /** How far in the first variable a town can be and still come in: unbounded until n are found. */
        double reach() {
            return count < distances.length ? Double.POSITIVE_INFINITY
                    : distances[count - 1] * (1 + BOUND_MARGIN) + BOUND_MARGIN;
        }

        void offer(double distance, String town) {
            int n = distances.length;
            if (n == 0 || count == n && !before(distance, town, n - 1)) {
                return;
            }
            int at = Math.min(count, n - 1);
            while (at > 0 && before(distance, town, at - 1)) {
                distances[at] = distances[at - 1];
                towns[at] = towns[at - 1];
                at--;
            }
            distances[at] = distance;
            towns[at] = town;
            count = Math.min(count + 1, n);
        }

        private boolean before(double distance, String town, int k) {
            return distance < distances[k] || distance == distances[k] && town.compareTo(towns[k]) < 0;
        }
    }
}
