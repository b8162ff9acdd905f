package cn.liaocheng.strongtown.dashboard.overview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.security.Access;

/**
 * The city overview (首页): key figures, the tile map of all towns and the year's designated towns.
 * It shows every county's towns, so it is for the city-wide roles only.
 */
@Service
@PreAuthorize(Access.CITY_WIDE)
public class OverviewService {

    /** Indicators summed over all towns for the key figures, in display order. */
    static final List<Kpi> KPI_INDICATORS = List.of(
            new Kpi("private_entities", Kpi.Kind.ENTITIES, 0, null),
            new Kpi("above_scale_firms", Kpi.Kind.FIRMS, 0, null),
            new Kpi("srdi_firms", Kpi.Kind.FIRMS, 0, null),
            new Kpi("high_tech_firms", Kpi.Kind.FIRMS, 0, null),
            new Kpi("private_revenue", Kpi.Kind.AMOUNT_WAN, 0, null),
            new Kpi("rd_spend", Kpi.Kind.AMOUNT_WAN, 0, null));

    private final MartReader marts;

    public OverviewService(MartReader marts) {
        this.marts = marts;
    }

    /** Years with scores, newest first. */
    public List<Integer> years() {
        return marts.scoredYears();
    }

    /** Towns scored and mean composite, then the city totals of the key indicators, each with last year's. */
    public List<Kpi> kpis(int year) {
        // both queries through the per-snapshot result cache: the overview asks on every open and year change
        Map<String, double[]> totals = new HashMap<>();
        for (Object[] row : marts.cachedQuery("""
                SELECT indicator_id, year, SUM(value) AS total FROM {indicator_values}
                WHERE year IN (?, ?) AND value IS NOT NULL GROUP BY indicator_id, year
                """, rs -> new Object[] {rs.getString(1), rs.getInt(2), rs.getDouble(3)}, year, year - 1)) {
            pair(totals, (String) row[0])[(int) row[1] == year ? 0 : 1] = (double) row[2];
        }
        for (Object[] row : marts.cachedQuery("""
                SELECT year, COUNT(*) AS towns, AVG(score) AS mean FROM {scores}
                WHERE item_type = 'composite' AND score IS NOT NULL AND year IN (?, ?) GROUP BY year
                """, rs -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getDouble(3)}, year, year - 1)) {
            int slot = (int) row[0] == year ? 0 : 1;
            pair(totals, "_towns")[slot] = (int) row[1];
            pair(totals, "_mean")[slot] = (double) row[2];
        }
        List<Kpi> kpis = new ArrayList<>();
        add(kpis, "towns", Kpi.Kind.TOWNS, totals.get("_towns"));
        add(kpis, "mean_composite", Kpi.Kind.SCORE, totals.get("_mean"));
        for (Kpi k : KPI_INDICATORS) {
            add(kpis, k.id(), k.kind(), totals.get(k.id()));
        }
        return kpis;
    }

    private static double[] pair(Map<String, double[]> totals, String id) {
        return totals.computeIfAbsent(id, k -> new double[] {Double.NaN, Double.NaN});
    }

    private static void add(List<Kpi> kpis, String id, Kpi.Kind kind, double[] pair) {
        if (pair != null && !Double.isNaN(pair[0])) {
            kpis.add(new Kpi(id, kind, pair[0], Double.isNaN(pair[1]) ? null : pair[1]));
        }
    }

    /** Every town of the reference list, with its score and rank in the year where it has one. */
    public List<TownTile> tiles(int year) {
        return marts.cachedQuery("""
                SELECT t.town_code, t.town_name, t.county_code, t.county_name, s.score, s.rank_city
                FROM {towns} t
                LEFT JOIN {scores} s ON s.town_code = t.town_code AND s.year = ? AND s.item_type = 'composite'
                ORDER BY t.town_code
                """, rs -> {
            double score = rs.getDouble("score");
            Double composite = rs.wasNull() ? null : score;
            int rank = rs.getInt("rank_city");
            return new TownTile(rs.getString("town_code"), rs.getString("town_name"), rs.getString("county_code"),
                    rs.getString("county_name"), composite, rs.wasNull() ? null : rank);
        }, year);
    }

    /** The towns designated in the year, best rank first. */
    public List<DesignatedTown> designated(int year) {
        return marts.cachedQuery("""
                SELECT d.town_code, t.town_name, t.county_name, d.year, s.score, s.rank_city, s.rank_change_city
                FROM {designations} d
                JOIN {towns} t ON t.town_code = d.town_code
                LEFT JOIN {scores} s ON s.town_code = d.town_code AND s.year = d.year AND s.item_type = 'composite'
                WHERE d.year = ?
                ORDER BY s.rank_city NULLS LAST, d.town_code
                """, rs -> {
            double score = rs.getDouble("score");
            Double composite = rs.wasNull() ? null : score;
            int rank = rs.getInt("rank_city");
            Integer cityRank = rs.wasNull() ? null : rank;
            int change = rs.getInt("rank_change_city");
            return new DesignatedTown(rs.getString("town_code"), rs.getString("town_name"), rs.getString("county_name"),
                    rs.getInt("year"), composite, cityRank, rs.wasNull() ? null : change);
        }, year);
    }
}
