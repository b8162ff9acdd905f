package cn.liaocheng.strongtown.peer;

import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;
import static cn.liaocheng.strongtown.engine.InputTable.Type.STRING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

import cn.liaocheng.strongtown.catalog.Peers;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.engine.SqlEngine;

/**
 * Structural peer groups (分类指导): k-means++ over standardised structure variables of every
 * town-year — manufacturing and service shares of private firms, above-scale share, log firm count and
 * log revenue per firm, all from the registry. One model is fitted on all years at once, so a cluster
 * means the same in every year and labels are stable; clusters are numbered by falling manufacturing
 * share. The model is fitted on at most {@value #FIT_SAMPLE} town-years (every n-th, so still
 * deterministic) and then every town-year is assigned to its nearest centre, which keeps national scale
 * (~380,000 town-years) fast. Also lists each town's most similar towns of its own cluster in the newest year.
 */
public final class PeerGroups {

    /** Reads the structure variables of stage 01; towns without registry data get no cluster. */
    static final String STRUCTURE_SQL = """
            SELECT r.town_code, r.year,
                   MAX(CASE WHEN r.measure = 'private_entities_alive' THEN r.value END) AS entities,
                   MAX(CASE WHEN r.measure = 'manufacturing_firms' THEN r.value END) AS manufacturing,
                   MAX(CASE WHEN r.measure = 'service_firms' THEN r.value END) AS services,
                   MAX(CASE WHEN r.measure = 'above_scale_firms' THEN r.value END) AS above_scale,
                   MAX(CASE WHEN r.measure = 'private_revenue' THEN r.value END) AS revenue
            FROM registry_measures r
            JOIN towns t ON t.town_code = r.town_code
            GROUP BY r.town_code, r.year
            ORDER BY r.town_code, r.year""";

    /** The two tables this step adds: peer_groups and similar_towns. */
    public record Result(InputTable groups, InputTable similar) {
    }

    static final int FIT_SAMPLE = 5000;

    private PeerGroups() {
    }

    public static Result compute(SqlEngine engine, Peers settings, long seed) {
        List<StructurePoint> points = standardised(engine.query(STRUCTURE_SQL));
        List<Object[]> groups = new ArrayList<>();
        List<Object[]> similar = new ArrayList<>();
        if (!points.isEmpty()) {
            Map<StructurePoint, Integer> labels = cluster(points, Math.min(settings.clusters(), points.size()), seed);
            labels.forEach((p, label) -> groups.add(new Object[] {p.townCode(), p.year(), label}));
            similar.addAll(similarTowns(points, labels, settings.similar()));
        }
        groups.sort(Comparator.comparing((Object[] r) -> (String) r[0]).thenComparing(r -> (Integer) r[1]));
        return new Result(
                new InputTable("peer_groups", List.of(new Column("town_code", STRING), new Column("year", INT),
                        new Column("cluster", INT)), groups),
                new InputTable("similar_towns", List.of(new Column("town_code", STRING), new Column("year", INT),
                        new Column("similarity_rank", INT), new Column("similar_town_code", STRING),
                        new Column("distance", DOUBLE)), similar));
    }

    private static List<StructurePoint> standardised(List<Map<String, Object>> rows) {
        List<double[]> raw = new ArrayList<>();
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            double entities = number(r.get("entities"));
            if (entities > 0) {
                raw.add(new double[] {number(r.get("manufacturing")) / entities, number(r.get("services")) / entities,
                        number(r.get("above_scale")) / entities, Math.log1p(entities),
                        Math.log1p(number(r.get("revenue")) / entities)});
                kept.add(r);
            }
        }
        if (raw.isEmpty()) {
            return List.of();
        }
        int dims = raw.get(0).length;
        for (int d = 0; d < dims; d++) {
            double[] column = new double[raw.size()];
            for (int i = 0; i < raw.size(); i++) {
                column[i] = raw.get(i)[d];
            }
            double mean = new Mean().evaluate(column);
            double sd = new StandardDeviation().evaluate(column);
            for (double[] p : raw) {
                p[d] = sd > 0 ? (p[d] - mean) / sd : 0;
            }
        }
        List<StructurePoint> points = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> r = kept.get(i);
            points.add(new StructurePoint((String) r.get("town_code"), ((Number) r.get("year")).intValue(), raw.get(i)));
        }
        return points;
    }

    private static double number(Object v) {
        return v == null ? 0 : ((Number) v).doubleValue();
    }

    /** Cluster label (1 = most manufacturing) of every point; seeded, so the same input gives the same labels. */
    static Map<StructurePoint, Integer> cluster(List<StructurePoint> points, int k, long seed) {
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        int step = Math.max(1, (points.size() + FIT_SAMPLE - 1) / FIT_SAMPLE);
        List<StructurePoint> sample = new ArrayList<>();
        for (int i = 0; i < points.size(); i += step) {
            sample.add(points.get(i));
        }
        List<double[]> centres = new ArrayList<>(new KMeansPlusPlusClusterer<StructurePoint>(k, 200,
                new EuclideanDistance(), random).cluster(sample).stream().map(c -> c.getCenter().getPoint()).toList());
        centres.sort(Comparator.comparingDouble((double[] c) -> -c[0]));
        Map<StructurePoint, Integer> labels = new HashMap<>();
        for (StructurePoint p : points) {
            int best = 0;
            for (int c = 1; c < centres.size(); c++) {
                if (distance(p.point(), centres.get(c)) < distance(p.point(), centres.get(best))) {
                    best = c;
                }
            }
            labels.put(p, best + 1);
        }
        return labels;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum;
    }

    /** The {@code n} nearest others, nearest first (ties by code), in one pass: clusters may hold thousands. */
    private static List<StructurePoint> nearest(StructurePoint town, List<StructurePoint> members, int n) {
        Comparator<StructurePoint> closer = Comparator.comparingDouble(town::distanceTo)
                .thenComparing(StructurePoint::townCode);
        List<StructurePoint> best = new ArrayList<>(n + 1);
        for (StructurePoint other : members) {
            if (other == town || (best.size() == n && closer.compare(other, best.get(n - 1)) >= 0)) {
                continue;
            }
            int at = 0;
            while (at < best.size() && closer.compare(best.get(at), other) <= 0) {
                at++;
            }
            best.add(at, other);
            if (best.size() > n) {
                best.remove(n);
            }
        }
        return best;
    }

    /** For each town in the newest year, the {@code n} nearest other towns of the same cluster. */
    static List<Object[]> similarTowns(List<StructurePoint> points, Map<StructurePoint, Integer> labels, int n) {
        int newest = points.stream().mapToInt(StructurePoint::year).max().orElseThrow();
        Map<Integer, List<StructurePoint>> byCluster = new TreeMap<>();
        points.stream().filter(p -> p.year() == newest)
                .forEach(p -> byCluster.computeIfAbsent(labels.get(p), k -> new ArrayList<>()).add(p));
        List<Object[]> rows = new ArrayList<>();
        for (List<StructurePoint> members : byCluster.values()) {
            for (StructurePoint town : members) {
                List<StructurePoint> nearest = nearest(town, members, n);
                for (int rank = 1; rank <= nearest.size(); rank++) {
                    StructurePoint o = nearest.get(rank - 1);
                    rows.add(new Object[] {town.townCode(), newest, rank, o.townCode(), town.distanceTo(o)});
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[0]).thenComparing(r -> (Integer) r[2]));
        return rows;
    }
}
