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
 * The county league table and its trends, computed from the published town scores. It compares
 * counties with each other, so it is for the city-wide roles only (not county staff).
 */
@Service
@PreAuthorize(Access.CITY_WIDE)
public class CountyService {

    private static final String MEANS = """
            WITH c AS (
              SELECT s.year, t.county_code, t.county_name, AVG(s.score) AS mean, COUNT(*) AS towns,
                     MAX(s.score) AS best_score, arg_max(t.town_name, s.score) AS best_town
              FROM {scores} s JOIN {towns} t ON t.town_code = s.town_code
              WHERE s.item_type = 'composite' AND s.score IS NOT NULL
              GROUP BY s.year, t.county_code, t.county_name
            ),
            r AS (SELECT *, RANK() OVER (PARTITION BY year ORDER BY ROUND(mean, 6) DESC) AS rnk FROM c)
            """;

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
        return marts.cachedQuery(MEANS + """
                , d AS (
                  SELECT t.county_code, COUNT(DISTINCT d.town_code) AS designated
                  FROM {designations} d JOIN {towns} t ON t.town_code = d.town_code
                  WHERE d.year <= ? GROUP BY t.county_code
                )
                SELECT r.county_code, r.county_name, r.towns, r.mean, r.rnk, p.mean AS prev_mean,
                       p.rnk - r.rnk AS rank_change, r.best_town, r.best_score, COALESCE(d.designated, 0) AS designated
                FROM r
                LEFT JOIN r p ON p.county_code = r.county_code AND p.year = r.year - 1
                LEFT JOIN d ON d.county_code = r.county_code
                WHERE r.year = ?
                ORDER BY r.rnk, r.county_code
                """, rs -> {
            double prev = rs.getDouble("prev_mean");
            Double previous = rs.wasNull() ? null : prev;
            int change = rs.getInt("rank_change");
            Integer rankChange = rs.wasNull() ? null : change;
            return new CountyRow(rs.getString("county_code"), rs.getString("county_name"), rs.getInt("towns"),
                    rs.getDouble("mean"), rs.getInt("rnk"), previous, rankChange, rs.getString("best_town"),
                    rs.getDouble("best_score"), rs.getInt("designated"));
        }, year, year);
    }

    /** Every county's mean composite by year, counties in code order. */
    public List<CountyTrend> trends() {
        Map<String, CountyTrend> byCounty = new LinkedHashMap<>();
        marts.query(MEANS + "SELECT county_code, county_name, year, mean FROM r ORDER BY county_code, year", rs -> {
            String name = rs.getString("county_name");
            byCounty.computeIfAbsent(rs.getString("county_code"), code -> new CountyTrend(code, name, new TreeMap<>()))
                    .meanByYear().put(rs.getInt("year"), rs.getDouble("mean"));
            return null;
        });
        return new ArrayList<>(byCounty.values());
    }
}
