package cn.liaocheng.strongtown.dashboard.league;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/** League tables of towns and counties from the published snapshot. */
@Service
public class LeagueService {

    private static final String LEAGUE_SQL = """
            SELECT s.town_code, s.item_type, s.item_id, s.score, s.rank_city, s.rank_county,
                   s.rank_change_city, s.coverage, d.year AS designated_in
            FROM {scores} s
            LEFT JOIN {designations} d ON d.town_code = s.town_code AND d.year <= s.year
            WHERE s.year = ? AND s.item_type IN ('composite', 'dimension')
            """;

    private final MartReader marts;
    private final TownRegistry towns;
    private final Catalog catalog;

    public LeagueService(MartReader marts, StrongTownProperties properties) {
        this.marts = marts;
        this.towns = TownRegistry.load(properties.data().resolve("reference"));
        this.catalog = CatalogRepository.load(properties.data().resolve("catalog")).newest();
    }

    public List<Dimension> dimensions() {
        return catalog.dimensions();
    }

    public List<County> counties() {
        return towns.counties();
    }

    /** Years with composite scores, newest first. */
    public List<Integer> years() {
        return marts.query("SELECT DISTINCT year FROM {scores} WHERE item_type = 'composite' ORDER BY year DESC",
                rs -> rs.getInt(1));
    }

    /** Whether the published data are synthetic demo data. */
    public boolean isDemo() {
        return marts.manifest().path("demo").asBoolean(false);
    }

    /** All towns of a year by city rank; {@code countyCode} null for the whole city. */
    public List<LeagueRow> townLeague(int year, String countyCode) {
        Map<String, Map<String, Object[]>> byTown = new LinkedHashMap<>();
        Map<String, Integer> designated = new HashMap<>();
        marts.query(LEAGUE_SQL, rs -> {
            byTown.computeIfAbsent(rs.getString("town_code"), k -> new HashMap<>()).put(rs.getString("item_id"),
                    new Object[] {rs.getDouble("score"), rs.getInt("rank_city"), rs.getInt("rank_county"),
                            nullableInt(rs, "rank_change_city"), rs.getDouble("coverage")});
            Integer d = nullableInt(rs, "designated_in");
            if (d != null) {
                designated.put(rs.getString("town_code"), d);
            }
            return null;
        }, year);
        List<LeagueRow> rows = new ArrayList<>();
        byTown.forEach((code, items) -> {
            Town town = towns.byCode(code);
            Object[] composite = items.get("composite");
            if (composite == null || (countyCode != null && !countyCode.equals(town.countyCode()))) {
                return;
            }
            Map<String, Double> dims = new LinkedHashMap<>();
            catalog.dimensions().forEach(d -> dims.put(d.id(), items.containsKey(d.id()) ? (Double) items.get(d.id())[0] : null));
            rows.add(new LeagueRow(code, town.name(), town.countyCode(), town.countyName(), town.type().name(),
                    (Double) composite[0], dims, (Integer) composite[1], (Integer) composite[2],
                    (Integer) composite[3], (Double) composite[4], designated.get(code)));
        });
        rows.sort(Comparator.comparingInt(LeagueRow::rankCity).thenComparing(LeagueRow::townCode));
        return rows;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** Mean composite per county in a year, best first. */
    public List<CountyAverage> countyAverages(int year) {
        return townLeague(year, null).stream()
                .collect(Collectors.groupingBy(LeagueRow::countyCode, LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream()
                .map(e -> new CountyAverage(e.getKey(), towns.county(e.getKey()).name(),
                        e.getValue().stream().mapToDouble(LeagueRow::composite).average().orElse(0), e.getValue().size()))
                .sorted(Comparator.comparingDouble(CountyAverage::meanComposite).reversed())
                .toList();
    }
}
