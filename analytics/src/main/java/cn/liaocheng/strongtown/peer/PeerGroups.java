package cn.liaocheng.strongtown.peer;

import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;
import static cn.liaocheng.strongtown.engine.InputTable.Type.STRING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
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
 * share. Also lists each town's most similar towns in the newest year.
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

    private PeerGroups() {
    }

    public static Result compute(SqlEngine engine, Peers settings, long seed) {
        List<StructurePoint> points = standardised(engine.query(STRUCTURE_SQL));
        List<Object[]> groups = new ArrayList<>();
        List<Object[]> similar = new ArrayList<>();
        if (!points.isEmpty()) {
            cluster(points, Math.min(settings.clusters(), points.size()), seed)
                    .forEach((p, label) -> groups.add(new Object[] {p.townCode(), p.year(), label}));
            similar.addAll(similarTowns(points, settings.similar()));
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
        List<CentroidCluster<StructurePoint>> clusters =
                new KMeansPlusPlusClusterer<StructurePoint>(k, 200, new EuclideanDistance(), random).cluster(points);
        List<CentroidCluster<StructurePoint>> ordered = new ArrayList<>(clusters);
        ordered.sort(Comparator.comparingDouble((CentroidCluster<StructurePoint> c) -> -c.getCenter().getPoint()[0]));
        Map<StructurePoint, Integer> labels = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            for (StructurePoint p : ordered.get(i).getPoints()) {
                labels.put(p, i + 1);
            }
        }
        return labels;
    }

    /** For each town in the newest year, the {@code n} nearest other towns. */
    static List<Object[]> similarTowns(List<StructurePoint> points, int n) {
        int newest = points.stream().mapToInt(StructurePoint::year).max().orElseThrow();
        List<StructurePoint> latest = points.stream().filter(p -> p.year() == newest).toList();
        List<Object[]> rows = new ArrayList<>();
        for (StructurePoint town : latest) {
            List<StructurePoint> nearest = latest.stream().filter(o -> !o.townCode().equals(town.townCode()))
                    .sorted(Comparator.comparingDouble(town::distanceTo).thenComparing(StructurePoint::townCode))
                    .limit(n).toList();
            for (int rank = 1; rank <= nearest.size(); rank++) {
                StructurePoint o = nearest.get(rank - 1);
                rows.add(new Object[] {town.townCode(), newest, rank, o.townCode(), town.distanceTo(o)});
            }
        }
        return rows;
    }
}
