package cn.liaocheng.strongtown.dashboard.league;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.catalog.Band;
import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.methodology.PublishedCatalog;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.TownRegistry;
import cn.liaocheng.strongtown.town.TownType;

/**
 * The town league table from the published snapshot, one page at a time (DuckDB filters and sorts the whole
 * table once per snapshot, year, filters and sort; pages are slices of that cached list). County staff read only their own county. Towns below the
 * coverage rule (no composite, 数据不足) are listed without a composite rank, after every ranked town.
 */
@Service
@PreAuthorize(Access.LEAGUE_READERS)
public class LeagueService {

    private static final Pattern SAFE_ID = Pattern.compile("[a-z0-9_]+");

    private final MartReader marts;
    private final TownRegistry towns;
    private final PublishedCatalog catalogs;
    private final CountyScope scope;

    public LeagueService(MartReader marts, TownRegistry towns, PublishedCatalog catalogs, CountyScope scope) {
        this.marts = marts;
        this.scope = scope;
        this.towns = towns;
        this.catalogs = catalogs;
    }

    /**
     * The catalog version that scored the year (as the snapshot publishes it), its dimension ids checked for
     * use in SQL: a year's table shows that version's dimensions and bands.
     */
    private Catalog catalog(int year) {
        Catalog catalog = catalogs.forYear(year);
        catalog.dimensions().forEach(d -> {
            if (!SAFE_ID.matcher(d.id()).matches()) {
                throw new IllegalStateException("dimension id not usable in SQL: " + d.id());
            }
        });
        return catalog;
    }

    /** The dimensions of the catalog version that scored the year. */
    public List<Dimension> dimensions(int year) {
        return catalog(year).dimensions();
    }

    /** Performance bands of the composite in the year's catalog version, highest first (names in both languages). */
    public List<Band> bands(int year) {
        return catalog(year).bands().stream().sorted(Comparator.comparingDouble(Band::min).reversed()).toList();
    }

    /** The catalog version that scored the year, as the snapshot publishes it. */
    public String catalogVersion(int year) {
        return catalog(year).version();
    }

    /** The counties the caller may filter by: all of them, or a county user's own. */
    public List<County> counties() {
        return scope.lockedCounty().map(code -> List.of(towns.county(code))).orElseGet(towns::counties);
    }

    /** Years with composite scores, newest first. */
    public List<Integer> years() {
        return marts.scoredYears();
    }

    /** Whether the published data are synthetic demo data. */
    public boolean isDemo() {
        return marts.manifest().path("demo").asBoolean(false);
    }

    /** The peer groups (clusters) of a year with their number of towns in the caller's scope. */
    public List<PeerGroup> peerGroups(int year) {
        String county = scope.restrict(null);
        return marts.cachedQuery("""
                SELECT cluster, count(*) FROM {scores}
                WHERE year = ? AND item_type = 'composite' AND cluster IS NOT NULL
                  AND (CAST(? AS VARCHAR) IS NULL OR county_code = ?)
                GROUP BY cluster ORDER BY cluster""", rs -> new PeerGroup(rs.getInt(1), rs.getInt(2)),
                year, county, county);
    }

    /** Number of towns the query lists. */
    public int count(LeagueQuery query) {
        return sorted(query).size();
    }

    /** One page of the table: {@code limit} rows from {@code offset}, in the query's order. */
    public List<LeagueRow> page(LeagueQuery query, int offset, int limit) {
        List<LeagueRow> all = sorted(query);
        int from = Math.min(Math.max(offset, 0), all.size());
        return all.subList(from, (int) Math.min(all.size(), (long) from + Math.max(limit, 0)));
    }

    /**
     * Every row the query lists, in its order, kept in the per-snapshot result cache: scrolling asks for pages at
     * random offsets, and one sort of the year's table per (year, filters, sort) makes every page after the first a
     * slice (at province scale a page of its own cost a sort of 1,800 towns with joins). The county scope is in the
     * query's parameters, so a county user's list is a cache entry of its own. A new snapshot drops the entries.
     */
    private List<LeagueRow> sorted(LeagueQuery query) {
        Sql sql = sql(query);
        List<Dimension> dimensions = dimensions(query.year());
        return marts.cachedQuery(sql.text + " ORDER BY " + orderBy(query), rs -> row(rs, dimensions),
                sql.params.toArray());
    }

    private record Sql(String text, List<Object> params) {
    }

    private Sql sql(LeagueQuery query) {
        String county = scope.restrict(query.countyCode());
        String itemType = query.dimension() == null ? "composite" : "dimension";
        String itemId = query.dimension() == null ? "composite" : validDimension(query.dimension(), query.year());
        StringBuilder dims = new StringBuilder();
        for (Dimension d : catalog(query.year()).dimensions()) {
            dims.append(", MAX(score) FILTER (WHERE item_type = 'dimension' AND item_id = '").append(d.id())
                    .append("') AS \"dim_").append(d.id()).append('"');
        }
        String text = """
                WITH w AS (
                  SELECT town_code,
                         MAX(score) FILTER (WHERE item_type = 'composite') AS composite,
                         MAX(coverage) FILTER (WHERE item_type = 'composite') AS coverage,
                         MAX(rank_city) FILTER (WHERE item_type = ? AND item_id = ?) AS rank_city,
                         MAX(rank_county) FILTER (WHERE item_type = ? AND item_id = ?) AS rank_county,
                         MAX(rank_change_city) FILTER (WHERE item_type = ? AND item_id = ?) AS rank_change,
                         MAX(rank_type) FILTER (WHERE item_type = ? AND item_id = ?) AS rank_type,
                         MAX(rank_cluster) FILTER (WHERE item_type = ? AND item_id = ?) AS rank_peer_group,
                         MAX(cluster) AS peer_group,
                         MAX(band) FILTER (WHERE item_type = 'composite') AS band,
                         MAX(score) FILTER (WHERE item_type = ? AND item_id = ?) AS ranked_score
                         %s
                  FROM {scores}
                  WHERE year = ? AND item_type IN ('composite', 'dimension')
                  GROUP BY town_code
                ),
                d AS (SELECT town_code, MIN(year) AS designated_in FROM {designations} WHERE year <= ? GROUP BY town_code),
                ri AS (SELECT town_code, rank_p5, rank_p95 FROM {rank_intervals} WHERE year = ?),
                q AS (SELECT town_code, COUNT(*) AS quality_flags FROM {quality_flags}
                      WHERE year = ? AND flag <> 'missing' GROUP BY town_code)
                SELECT w.*, t.town_name, t.county_code, t.county_name, t.town_type, d.designated_in,
                       ri.rank_p5, ri.rank_p95, COALESCE(q.quality_flags, 0) AS quality_flags
                FROM w
                JOIN {towns} t ON t.town_code = w.town_code
                LEFT JOIN d ON d.town_code = w.town_code
                LEFT JOIN ri ON ri.town_code = w.town_code
                LEFT JOIN q ON q.town_code = w.town_code
                WHERE w.coverage IS NOT NULL
                  AND (CAST(? AS VARCHAR) IS NULL OR t.county_code = ?)
                  AND (CAST(? AS VARCHAR) IS NULL OR t.town_type = ?)
                  AND (CAST(? AS INTEGER) IS NULL OR w.peer_group = ?)
                """.formatted(dims);
        String type = query.townType() == null ? null : query.townType().label();
        List<Object> params = new ArrayList<>();
        for (int rankedColumn = 0; rankedColumn < 6; rankedColumn++) {
            params.add(itemType);
            params.add(itemId);
        }
        params.addAll(List.of(query.year(), query.year(), query.year(), query.year()));
        params.add(county);
        params.add(county);
        params.add(type);
        params.add(type);
        params.add(query.peerGroup());
        params.add(query.peerGroup());
        return new Sql(text, params);
    }

    private String validDimension(String id, int year) {
        return catalog(year).dimension(id).map(Dimension::id)
                .orElseThrow(() -> new IllegalArgumentException("unknown dimension " + id));
    }

    /** Whitelisted sort expressions; ties always end in the town code so that pages never overlap. */
    private String orderBy(LeagueQuery query) {
        List<String> terms = new ArrayList<>();
        for (LeagueSort sort : query.sort()) {
            String expression = switch (sort.key()) {
                case LeagueSort.RANK -> "rank_city";
                case LeagueSort.TOWN -> "town_name";
                case LeagueSort.COUNTY -> "county_name";
                case LeagueSort.TYPE -> "town_type";
                case LeagueSort.COMPOSITE -> "composite";
                case LeagueSort.RANK_COUNTY -> "rank_county";
                case LeagueSort.CHANGE -> "rank_change";
                case LeagueSort.RANK_PEER_GROUP -> "rank_peer_group";
                default -> {
                    if (sort.key().startsWith(LeagueSort.DIMENSION_PREFIX)) {
                        yield "\"dim_" + validDimension(sort.key().substring(LeagueSort.DIMENSION_PREFIX.length()),
                                query.year()) + "\"";
                    }
                    throw new IllegalArgumentException("unknown sort key " + sort.key());
                }
            };
            terms.add(expression + (sort.descending() ? " DESC" : " ASC") + " NULLS LAST");
        }
        terms.add("rank_city ASC NULLS LAST");
        terms.add("ranked_score DESC NULLS LAST"); // within a shared rank (equal as shown), the higher score first
        terms.add("w.town_code");
        return String.join(", ", terms);
    }

    private LeagueRow row(ResultSet rs, List<Dimension> dimensions) throws SQLException {
        Map<String, Double> dims = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            dims.put(d.id(), nullableDouble(rs, "dim_" + d.id()));
        }
        return new LeagueRow(rs.getString("town_code"), rs.getString("town_name"), rs.getString("county_code"),
                rs.getString("county_name"), TownType.fromLabel(rs.getString("town_type")), nullableDouble(rs, "composite"),
                dims, nullableInt(rs, "rank_city"), nullableInt(rs, "rank_county"), nullableInt(rs, "rank_change"),
                nullableDouble(rs, "coverage"), nullableInt(rs, "designated_in"), nullableInt(rs, "rank_type"),
                rs.getString("band"), nullableDouble(rs, "rank_p5"), nullableDouble(rs, "rank_p95"),
                rs.getInt("quality_flags"), nullableInt(rs, "peer_group"), nullableInt(rs, "rank_peer_group"));
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
