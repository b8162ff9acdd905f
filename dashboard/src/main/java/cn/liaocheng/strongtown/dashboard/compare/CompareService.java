package cn.liaocheng.strongtown.dashboard.compare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.catalog.Band;
import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.dashboard.methodology.PublishedCatalog;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Compare (issue 5 §6): two to five towns of a year side by side, or a town and its peers. County staff
 * compare only towns of their own county: asking for another county's town is denied.
 */
@Service
@PreAuthorize(Access.LEAGUE_READERS)
public class CompareService {

    public static final int MIN_TOWNS = 2;
    public static final int MAX_TOWNS = 5;

    private final MartReader marts;
    private final TownRegistry towns;
    private final PublishedCatalog catalogs;
    private final CountyScope scope;

    public CompareService(MartReader marts, TownRegistry towns, PublishedCatalog catalogs, CountyScope scope) {
        this.marts = marts;
        this.towns = towns;
        this.catalogs = catalogs;
        this.scope = scope;
    }

    /** Years with composite scores, newest first. */
    public List<Integer> years() {
        return marts.scoredYears();
    }

    /** The towns the caller may compare: all of them, or a county user's own county's. */
    public List<Town> towns() {
        String county = scope.restrict(null);
        return towns.towns().stream().filter(t -> county == null || t.countyCode().equals(county)).toList();
    }

    /**
     * The town and up to four peers the caller may see, nearest first: the most similar towns by economic
     * structure (mart {@code similar_towns}, of the year or else the nearest year that has the list), then,
     * to fill up (county staff lose the other counties' similar towns), the towns of its structural peer
     * cluster closest to it in composite score.
     */
    public List<String> peersOf(int year, String townCode) {
        Town town = allowed(townCode);
        String county = scope.restrict(null);
        List<String> candidates = marts.query("""
                WITH nearest AS (
                  SELECT similar_town_code AS code, similarity_rank AS ord FROM {similar_towns}
                  WHERE town_code = ? AND year = (SELECT year FROM {similar_towns} WHERE town_code = ?
                                                  ORDER BY abs(year - ?), year DESC LIMIT 1)
                ),
                me AS (SELECT cluster, score FROM {scores} WHERE town_code = ? AND year = ? AND item_type = 'composite'),
                same_cluster AS (
                  SELECT s.town_code AS code, 1000 + row_number() OVER (ORDER BY abs(s.score - me.score), s.town_code) AS ord
                  FROM {scores} s, me
                  WHERE s.year = ? AND s.item_type = 'composite' AND s.cluster = me.cluster AND s.town_code <> ?
                )
                SELECT code FROM (SELECT * FROM nearest UNION ALL SELECT * FROM same_cluster)
                GROUP BY code ORDER BY min(ord)""", rs -> rs.getString(1),
                townCode, townCode, year, townCode, year, year, townCode);
        Set<String> peers = new LinkedHashSet<>(List.of(town.code()));
        for (String code : candidates) {
            if (peers.size() == MAX_TOWNS) {
                break;
            }
            towns.find(code).filter(t -> county == null || t.countyCode().equals(county)).ifPresent(t -> peers.add(t.code()));
        }
        return List.copyOf(peers);
    }

    /**
     * The towns of a year side by side.
     *
     * @param townCodes two to five distinct town codes, in the order of the columns
     * @throws IllegalArgumentException for fewer than two, more than five or unknown towns
     * @throws org.springframework.security.access.AccessDeniedException for a county user asking for a town
     *         of another county
     */
    public Comparison compare(int year, List<String> townCodes) {
        List<String> codes = List.copyOf(new LinkedHashSet<>(townCodes));
        if (codes.size() < MIN_TOWNS || codes.size() > MAX_TOWNS) {
            throw new IllegalArgumentException("compare " + MIN_TOWNS + "–" + MAX_TOWNS + " towns, not " + codes.size());
        }
        codes.forEach(this::allowed);
        Catalog catalog = catalogs.forYear(year);
        String in = String.join(", ", codes.stream().map(c -> "?").toList());
        Object[] params = new Object[codes.size() + 1];
        params[0] = year;
        for (int i = 0; i < codes.size(); i++) {
            params[i + 1] = codes.get(i);
        }
        List<ScoreItem> scores = marts.query("""
                SELECT s.town_code, s.item_type, s.item_id, s.score, s.rank_city, s.rank_county, s.rank_type,
                       s.rank_cluster, s.band, ri.rank_p5, ri.rank_p95
                FROM {scores} s
                LEFT JOIN {rank_intervals} ri
                       ON s.item_type = 'composite' AND ri.town_code = s.town_code AND ri.year = s.year
                WHERE s.year = ? AND s.town_code IN (%s)""".formatted(in), CompareService::scoreItem, params);
        record RawValue(String townCode, String indicatorId, Double value, String flag) {
        }
        Map<String, Map<String, IndicatorLine.Cell>> cells = new HashMap<>();
        for (RawValue raw : marts.query("SELECT town_code, indicator_id, value, flag FROM {indicator_values}"
                + " WHERE year = ? AND town_code IN (" + in + ")", rs -> new RawValue(rs.getString("town_code"),
                rs.getString("indicator_id"), number(rs, "value"), rs.getString("flag")), params)) {
            cells.computeIfAbsent(raw.indicatorId(), k -> new HashMap<>())
                    .put(raw.townCode(), new IndicatorLine.Cell(raw.value(), null, raw.flag()));
        }
        Map<String, Map<String, ScoreItem>> byTown = new HashMap<>();
        for (ScoreItem item : scores) {
            byTown.computeIfAbsent(item.townCode(), k -> new HashMap<>()).put(item.itemType() + ":" + item.itemId(), item);
            if (item.itemType().equals("indicator")) {
                // the score joins the raw value of the same town and indicator (or stands alone)
                cells.computeIfAbsent(item.itemId(), k -> new HashMap<>()).merge(item.townCode(),
                        new IndicatorLine.Cell(null, item.score(), null),
                        (raw, scored) -> new IndicatorLine.Cell(raw.value(), scored.score(), raw.flag()));
            }
        }
        List<ComparedTown> compared = codes.stream()
                .map(code -> column(towns.byCode(code), byTown.getOrDefault(code, Map.of()), catalog)).toList();
        List<IndicatorLine> indicators = new ArrayList<>();
        catalog.dimensions().forEach(d -> catalog.indicatorsOf(d.id()).forEach(indicator ->
                indicators.add(new IndicatorLine(indicator, cells.getOrDefault(indicator.id(), Map.of())))));
        return new Comparison(year, catalog.dimensions(), compared, indicators);
    }

    /** A town's column from its score rows, keyed "item_type:item_id". */
    private static ComparedTown column(Town town, Map<String, ScoreItem> items, Catalog catalog) {
        Map<String, Double> dims = new HashMap<>();
        catalog.dimensions().forEach(d -> {
            ScoreItem item = items.get("dimension:" + d.id());
            if (item != null && item.score() != null) {
                dims.put(d.id(), item.score());
            }
        });
        ScoreItem composite = items.get("composite:" + Catalog.COMPOSITE);
        if (composite == null) {
            return new ComparedTown(town, null, dims, null, null, null, null, null, null, null);
        }
        Band band = catalog.bands().stream().filter(b -> b.id().equals(composite.band())).findFirst().orElse(null);
        return new ComparedTown(town, composite.score(), dims, composite.rankCity(), composite.rankCounty(),
                composite.rankType(), composite.rankCluster(), composite.p5(), composite.p95(), band);
    }

    private record ScoreItem(String townCode, String itemType, String itemId, Double score, Integer rankCity,
                             Integer rankCounty, Integer rankType, Integer rankCluster, String band, Double p5,
                             Double p95) {
    }

    private static ScoreItem scoreItem(ResultSet rs) throws SQLException {
        return new ScoreItem(rs.getString("town_code"), rs.getString("item_type"), rs.getString("item_id"),
                number(rs, "score"), integer(rs, "rank_city"), integer(rs, "rank_county"), integer(rs, "rank_type"),
                integer(rs, "rank_cluster"), rs.getString("band"), number(rs, "rank_p5"), number(rs, "rank_p95"));
    }

    /** The town, if the caller may see it. */
    private Town allowed(String townCode) {
        Town town = towns.find(townCode).orElseThrow(() -> new IllegalArgumentException("unknown town " + townCode));
        scope.restrict(town.countyCode());
        return town;
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
