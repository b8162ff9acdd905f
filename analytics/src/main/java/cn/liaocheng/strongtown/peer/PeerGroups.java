package cn.liaocheng.strongtown.peer;

import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

import cn.liaocheng.strongtown.catalog.Peers;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;
import cn.liaocheng.strongtown.engine.SqlEngine;

/**
 * Structural peer groups (分类指导): k-means++ over standardised structure variables of every
 * town-year — manufacturing and service shares of private firms, above-scale share, log firm count and
 * log revenue per firm, all from the registry. One model is fitted on all years at once, so a cluster
 * means the same in every year and labels are stable; clusters are numbered by falling manufacturing
 * share. Also lists each town's most similar towns of its own cluster in the newest year ({@link SimilarTowns}).
 *
 * <p>Only the fit runs in this JVM, on at most {@value #FIT_SAMPLE} town-years (every n-th in code and
 * year order, so deterministic and the same on every engine). Everything that touches every town-year —
 * the standardisation and assigning each to its nearest centre — is SQL over the engine, with the centres
 * as a small input table: on Spark it runs on the executors and nothing of the size of the registry comes
 * to the driver, and DuckDB and Spark run the very same statements. The similar-town search over the newest
 * year runs next to the data as well (Spark: one executor task per cluster). The results are the tables
 * {@code peer_groups} and {@code similar_towns} in the engine.
 */
public final class PeerGroups {

    static final int FIT_SAMPLE = 5000;

    /** Structure variables of stage 01, unscaled; towns without registry data or firms get no cluster. */
    static final String STRUCTURE_SQL = """
            SELECT town_code, year,
                   manufacturing / entities AS x1, services / entities AS x2, above_scale / entities AS x3,
                   ln(1 + entities) AS x4, ln(1 + revenue / entities) AS x5
            FROM (
              SELECT r.town_code, r.year,
                     MAX(CASE WHEN r.measure = 'private_entities_alive' THEN r.value END) AS entities,
                     COALESCE(MAX(CASE WHEN r.measure = 'manufacturing_firms' THEN r.value END), 0) AS manufacturing,
                     COALESCE(MAX(CASE WHEN r.measure = 'service_firms' THEN r.value END), 0) AS services,
                     COALESCE(MAX(CASE WHEN r.measure = 'above_scale_firms' THEN r.value END), 0) AS above_scale,
                     COALESCE(MAX(CASE WHEN r.measure = 'private_revenue' THEN r.value END), 0) AS revenue
              FROM registry_measures r
              JOIN towns t ON t.town_code = r.town_code
              GROUP BY r.town_code, r.year) s
            WHERE entities > 0""";

    /** Sample standard deviation, as before in Java; a constant variable (or a single town-year) scales to 0. */
    static final String POINTS_SQL = """
            SELECT s.town_code, CAST(s.year AS INT) AS year,
                   CASE WHEN m.s1 > 0 THEN (s.x1 - m.m1) / m.s1 ELSE 0 END AS z1,
                   CASE WHEN m.s2 > 0 THEN (s.x2 - m.m2) / m.s2 ELSE 0 END AS z2,
                   CASE WHEN m.s3 > 0 THEN (s.x3 - m.m3) / m.s3 ELSE 0 END AS z3,
                   CASE WHEN m.s4 > 0 THEN (s.x4 - m.m4) / m.s4 ELSE 0 END AS z4,
                   CASE WHEN m.s5 > 0 THEN (s.x5 - m.m5) / m.s5 ELSE 0 END AS z5
            FROM peer_structure s
            CROSS JOIN (SELECT avg(x1) AS m1, avg(x2) AS m2, avg(x3) AS m3, avg(x4) AS m4, avg(x5) AS m5,
                               stddev_samp(x1) AS s1, stddev_samp(x2) AS s2, stddev_samp(x3) AS s3,
                               stddev_samp(x4) AS s4, stddev_samp(x5) AS s5
                        FROM peer_structure) m""";

    /** Every n-th town-year in code and year order: the bounded, deterministic sample the model is fitted on. */
    static final String SAMPLE_SQL = """
            SELECT z1, z2, z3, z4, z5, rn FROM (
              SELECT z1, z2, z3, z4, z5, row_number() OVER (ORDER BY town_code, year) AS rn FROM peer_points) p
            WHERE (rn - 1) %% %d = 0
            ORDER BY rn""";

    /**
     * Squared distance summed dimension by dimension in order, as {@code (a - b) * (a - b)}: the same
     * floating-point operations on both engines, and ties go to the lower cluster number.
     */
    private static String squaredDistance(String a, String b) {
        return IntStream.rangeClosed(1, 5).mapToObj(i -> "(%1$s.z%3$d - %2$s.z%3$d) * (%1$s.z%3$d - %2$s.z%3$d)"
                .formatted(a, b, i)).reduce((x, y) -> x + " + " + y).orElseThrow();
    }

    static final String ASSIGN_SQL = """
            SELECT town_code, year, cluster FROM (
              SELECT p.town_code, p.year, c.cluster,
                     row_number() OVER (PARTITION BY p.town_code, p.year ORDER BY %s, c.cluster) AS nearest
              FROM peer_points p CROSS JOIN peer_centres c) d
            WHERE nearest = 1""".formatted(squaredDistance("p", "c"));

    private PeerGroups() {
    }

    /** Computes {@code peer_groups} and {@code similar_towns} as tables of the engine. */
    public static void materialise(SqlEngine engine, Peers settings, long seed) {
        engine.materialise("peer_structure", STRUCTURE_SQL);
        engine.materialise("peer_points", POINTS_SQL);
        Map<String, Object> size = engine.query("SELECT count(*) AS n FROM peer_points").get(0);
        long points = ((Number) size.get("n")).longValue();
        engine.register(centres(fit(engine, points, settings.clusters(), seed)));
        engine.materialise("peer_groups", ASSIGN_SQL);
        similarTowns(engine, settings.similar());
    }

    /** Centres fitted on the sample, numbered 1… by falling manufacturing share. */
    static List<double[]> fit(SqlEngine engine, long points, int clusters, long seed) {
        if (points == 0) {
            return List.of();
        }
        long step = Math.max(1, (points + FIT_SAMPLE - 1) / FIT_SAMPLE);
        List<StructurePoint> sample = new ArrayList<>();
        for (Map<String, Object> r : engine.query(SAMPLE_SQL.formatted(step))) {
            sample.add(new StructurePoint(new double[] {number(r.get("z1")), number(r.get("z2")), number(r.get("z3")),
                    number(r.get("z4")), number(r.get("z5"))}));
        }
        JDKRandomGenerator random = new JDKRandomGenerator();
        random.setSeed(seed);
        int k = (int) Math.min(clusters, points);
        List<double[]> centres = new ArrayList<>(new KMeansPlusPlusClusterer<StructurePoint>(k, 200,
                new EuclideanDistance(), random).cluster(sample).stream().map(c -> c.getCenter().getPoint()).toList());
        centres.sort(Comparator.comparingDouble((double[] c) -> -c[0]));
        return centres;
    }

    private static InputTable centres(List<double[]> centres) {
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            double[] p = centres.get(c);
            rows.add(new Object[] {c + 1, p[0], p[1], p[2], p[3], p[4]});
        }
        return new InputTable("peer_centres", List.of(new Column("cluster", INT), new Column("z1", DOUBLE),
                new Column("z2", DOUBLE), new Column("z3", DOUBLE), new Column("z4", DOUBLE), new Column("z5", DOUBLE)),
                rows);
    }

    /**
     * For each town in the newest year, the n nearest other towns of its cluster (ties by code), by
     * {@link SimilarTowns}: on Spark in one task per cluster on the executors, on DuckDB in this process over the
     * newest year's points (one row per town).
     */
    private static void similarTowns(SqlEngine engine, int n) {
        if (engine instanceof SimilarTowns.Distributed distributed) {
            distributed.materialiseSimilarTowns("similar_towns", SimilarTowns.NEWEST_SQL, n);
            return;
        }
        engine.register(new InputTable("similar_towns", SimilarTowns.COLUMNS,
                SimilarTowns.of(reader -> engine.scan(SimilarTowns.NEWEST_SQL, reader), n)));
    }

    private static double number(Object v) {
        return v == null ? 0 : ((Number) v).doubleValue();
    }
}
