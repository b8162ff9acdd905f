package cn.liaocheng.strongtown.dashboard.county;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.security.Access;

/**
 * The county league table and its trends, as scoring stage 11 publishes them ({@code county_scores}: means
 * over the towns with a composite, ranks at the catalog's precision) — read, not recomputed. It compares
 * counties with each other, so it is for the city-wide roles only (not county staff).
 */
@Service
@PreAuthorize(Access.CITY_WIDE)
public class CountyService {

    private static final String COUNTY_NAMES = "(SELECT DISTINCT county_code, county_name FROM {towns})";

    private final MartReader marts;

    public CountyService(MartReader marts) {
        this.marts = marts;
    }

    /** Years with scores, newest first. */
    public List<Integer> years() {
        return marts.scoredYears();
    }

    /** The counties of a year, best mean first. */
    public List<CountyRow> league(int year) {
        return marts.cachedQuery("""
                WITH best AS (
                  SELECT t.county_code, arg_max(t.town_name, s.score) AS best_town
                  FROM {scores} s JOIN {towns} t ON t.town_code = s.town_code
                  WHERE s.year = ? AND s.item_type = 'composite' AND s.score IS NOT NULL
                  GROUP BY t.county_code
                )
                SELECT c.county_code, n.county_name, c.towns, c.mean_score, c.rank, p.mean_score AS prev_mean,
                       c.rank_change, b.best_town, c.best_score, c.designated_towns
                FROM {county_scores} c
                JOIN %s n ON n.county_code = c.county_code
                LEFT JOIN {county_scores} p ON p.county_code = c.county_code AND p.year = c.year - 1
                LEFT JOIN best b ON b.county_code = c.county_code
                WHERE c.year = ?
                ORDER BY c.rank, c.county_code
                """.formatted(COUNTY_NAMES), rs -> {
            double prev = rs.getDouble("prev_mean");
            Double previous = rs.wasNull() ? null : prev;
            int change = rs.getInt("rank_change");
            Integer rankChange = rs.wasNull() ? null : change;
            return new CountyRow(rs.getString("county_code"), rs.getString("county_name"), rs.getInt("towns"),
                    rs.getDouble("mean_score"), rs.getInt("rank"), previous, rankChange, rs.getString("best_town"),
                    rs.getDouble("best_score"), rs.getInt("designated_towns"));
        }, year, year);
    }

    /** Every county's mean composite by year, counties in code order. */
    public List<CountyTrend> trends() {
        Map<String, CountyTrend> byCounty = new LinkedHashMap<>();
        // through the per-snapshot result cache: the county table asks on every open
        for (Object[] row : marts.cachedQuery("SELECT c.county_code, n.county_name, c.year, c.mean_score FROM {county_scores} c JOIN "
                + COUNTY_NAMES + " n ON n.county_code = c.county_code ORDER BY c.county_code, c.year",
                rs -> new Object[] {rs.getString("county_code"), rs.getString("county_name"), rs.getInt("year"),
                    rs.getDouble("mean_score")})) {
            byCounty.computeIfAbsent((String) row[0], code -> new CountyTrend(code, (String) row[1], new TreeMap<>()))
                    .meanByYear().put((Integer) row[2], (Double) row[3]);
        }
        return new ArrayList<>(byCounty.values());
    }
}
