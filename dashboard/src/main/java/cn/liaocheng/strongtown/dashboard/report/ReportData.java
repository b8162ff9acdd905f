package cn.liaocheng.strongtown.dashboard.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;


import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.methodology.PublishedCatalog;

/**
 * The published-snapshot numbers the reports quote, read through {@link MartReader}. Callers check
 * roles and county scope first (this is not a service of its own).
 */
@Component
class ReportData {

    /** A town's composite result in a year. */
    record Composite(double score, int rank, int towns, Integer rankChange, Double scoreChange, String band,
                     String peerScope, String peerId, Integer designatedIn) {
    }

    /** A raw indicator value with last year's and its source ({@code registry} or {@code declared}). */
    record Value(Double now, Double before, String origin) {
    }

    /** A dimension's score against the peer median, with the city rank. */
    record DimensionScore(String id, Double score, Double peerMedian, Integer rank) {
    }

    /** A year's composite city rank. */
    record RankPoint(int year, int rank) {
    }

    /** A designated town (designated in or before the year). */
    record Designated(String townCode, int designatedIn, Double score, Integer rank, Integer rankChange) {
    }

    private final MartReader marts;
    private final PublishedCatalog catalogs;
    private final TrackingSummaries tracking;

    ReportData(MartReader marts, PublishedCatalog catalogs, TrackingSummaries tracking) {
        this.marts = marts;
        this.catalogs = catalogs;
        this.tracking = tracking;
    }

    /** The catalog version that scored the year: a report on an older year names and weighs as it was scored. */
    Catalog catalog(int year) {
        return catalogs.forYear(year);
    }

    /** A figure's source: the snapshot and the catalog version that scored it. */
    ReportSource source(String origin, Catalog catalog) {
        return new ReportSource(marts.manifest().path("snapshot_id").asText(), catalog.version(), origin);
    }

    boolean demo() {
        return marts.manifest().path("demo").asBoolean(false);
    }

    List<Integer> years() {
        return marts.scoredYears();
    }

    Optional<TrackingSummary> tracking(String townCode, int year) {
        return tracking.summary(townCode, year);
    }

    Optional<Composite> composite(String townCode, int year) {
        return marts.query("""
                WITH c AS (
                  SELECT town_code, peer_type, cluster, band, score, rank_city, rank_change_city, score_change,
                         COUNT(score) OVER () AS towns_city
                  FROM {scores} WHERE year = ? AND item_type = 'composite' AND score IS NOT NULL
                )
                SELECT c.*, (SELECT MIN(year) FROM {designations} WHERE town_code = c.town_code AND year <= ?)
                       AS designated_in
                FROM c WHERE c.town_code = ?""", rs -> {
            Integer cluster = integer(rs, "cluster");
            return new Composite(rs.getDouble("score"), rs.getInt("rank_city"), rs.getInt("towns_city"),
                    integer(rs, "rank_change_city"), number(rs, "score_change"), rs.getString("band"),
                    cluster != null ? "cluster" : "type", cluster != null ? String.valueOf(cluster) : rs.getString("peer_type"),
                    integer(rs, "designated_in"));
        }, year, year, townCode).stream().findFirst();
    }

    /** Every raw indicator (and input) value of the town in the year, with last year's. */
    Map<String, Value> values(String townCode, int year) {
        Map<String, Value> values = new HashMap<>();
        marts.query("""
                SELECT n.indicator_id, n.value AS now, p.value AS before, n.source
                FROM {indicator_values} n
                LEFT JOIN {indicator_values} p ON p.town_code = n.town_code AND p.indicator_id = n.indicator_id
                     AND p.year = n.year - 1
                WHERE n.town_code = ? AND n.year = ?""", rs -> values.put(rs.getString("indicator_id"),
                new Value(number(rs, "now"), number(rs, "before"), rs.getString("source"))), townCode, year);
        return values;
    }

    /** The town's city rank on each scored indicator of the year. */
    Map<String, Integer> indicatorRanks(String townCode, int year) {
        Map<String, Integer> ranks = new HashMap<>();
        marts.query("SELECT item_id, rank_city FROM {scores} WHERE town_code = ? AND year = ? AND item_type = 'indicator'"
                + " AND rank_city IS NOT NULL", rs -> ranks.put(rs.getString(1), rs.getInt(2)), townCode, year);
        return ranks;
    }

    /** The six dimensions in catalog order, against the median of the town's peer group. */
    List<DimensionScore> dimensions(String townCode, int year, Composite composite) {
        Map<String, DimensionScore> found = new HashMap<>();
        marts.query("""
                SELECT s.item_id, s.score, s.rank_city, p.score_median
                FROM {scores} s
                LEFT JOIN {benchmarks} p ON p.year = s.year AND p.item_type = s.item_type AND p.item_id = s.item_id
                     AND p.scope = ? AND p.scope_id = ?
                WHERE s.town_code = ? AND s.year = ? AND s.item_type = 'dimension'""",
                rs -> found.put(rs.getString("item_id"), new DimensionScore(rs.getString("item_id"), number(rs, "score"),
                        number(rs, "score_median"), integer(rs, "rank_city"))),
                composite.peerScope(), composite.peerId(), townCode, year);
        return catalog(year).dimensions().stream()
                .map(d -> found.getOrDefault(d.id(), new DimensionScore(d.id(), null, null, null))).toList();
    }

    List<RankPoint> rankHistory(String townCode, int year) {
        return marts.query("SELECT year, rank_city FROM {scores} WHERE town_code = ? AND item_type = 'composite'"
                + " AND score IS NOT NULL AND year <= ? ORDER BY year", rs -> new RankPoint(rs.getInt(1), rs.getInt(2)),
                townCode, year);
    }

    /** Towns designated in or before the year, best rank first. */
    List<Designated> designated(int year) {
        return marts.query("""
                SELECT d.town_code, MIN(d.year) AS designated_in, s.score, s.rank_city, s.rank_change_city
                FROM {designations} d
                LEFT JOIN {scores} s ON s.town_code = d.town_code AND s.year = ? AND s.item_type = 'composite'
                WHERE d.year <= ?
                GROUP BY d.town_code, s.score, s.rank_city, s.rank_change_city
                ORDER BY s.rank_city NULLS LAST, d.town_code""", rs -> new Designated(rs.getString("town_code"),
                rs.getInt("designated_in"), number(rs, "score"), integer(rs, "rank_city"), integer(rs, "rank_change_city")),
                year, year);
    }

    /** City totals of indicators for the year and the year before ({@code [now, before]}, NaN = none). */
    Map<String, double[]> cityTotals(int year, List<String> indicatorIds) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        indicatorIds.forEach(id -> totals.put(id, new double[] {Double.NaN, Double.NaN}));
        marts.query("""
                SELECT indicator_id, year, SUM(value) FROM {indicator_values}
                WHERE year IN (?, ?) AND value IS NOT NULL GROUP BY indicator_id, year""", rs -> {
            double[] pair = totals.get(rs.getString(1));
            if (pair != null) {
                pair[rs.getInt(2) == year ? 0 : 1] = rs.getDouble(3);
            }
            return null;
        }, year, year - 1);
        return totals;
    }

    /** Towns scored and their mean composite, for the year and the year before ({@code [now, before]}). */
    double[][] scoredTownsAndMean(int year) {
        double[][] result = {{Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}};
        marts.query("""
                SELECT year, COUNT(*), AVG(score) FROM {scores}
                WHERE item_type = 'composite' AND score IS NOT NULL AND year IN (?, ?) GROUP BY year""", rs -> {
            int i = rs.getInt(1) == year ? 0 : 1;
            result[0][i] = rs.getInt(2);
            result[1][i] = rs.getDouble(3);
            return null;
        }, year, year - 1);
        return result;
    }

    static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
