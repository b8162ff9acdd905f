package cn.liaocheng.strongtown.dashboard.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.catalog.Band;
import cn.liaocheng.strongtown.catalog.Bilingual;
import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.methodology.PublishedCatalog;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The town profile (issue 5 §5) from the published snapshot: header and ranks, dimensions against the
 * peer median and the city P90, indicators with trends, rank history, rank drivers and similar towns.
 * County staff may read only their own county's towns; other towns are denied.
 */
@Service
@PreAuthorize(Access.LEAGUE_READERS)
public class ProfileService {

    private final MartReader marts;
    private final TownRegistry towns;
    private final PublishedCatalog catalogs;
    private final CountyScope scope;

    public ProfileService(MartReader marts, TownRegistry towns, PublishedCatalog catalogs, CountyScope scope) {
        this.marts = marts;
        this.towns = towns;
        this.catalogs = catalogs;
        this.scope = scope;
    }

    /**
     * Years in which the town has a composite score, newest first: the years whose {@link #headerRows} hold the town
     * (read once per snapshot and year for every town) — no query per town.
     */
    public List<Integer> years(String townCode) {
        readable(townCode);
        return marts.scoredYears().stream().filter(y -> headerRow(townCode, y).isPresent()).toList();
    }

    /** The town's profile in a year; empty if the town has no composite score that year. */
    public Optional<TownProfile> profile(String townCode, int year) {
        Town town = readable(townCode);
        Catalog catalog = catalogs.forYear(year);
        Optional<ProfileHeader> found = header(town, year, catalog);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProfileHeader header = found.get();
        String peerScope = header.cluster() != null ? "cluster" : "type";
        String peerId = header.cluster() != null ? String.valueOf(header.cluster()) : header.peerType();
        Map<String, ItemScore> scores = itemScores(townCode, year, peerScope, peerId, catalog);
        List<ItemScore> dimensions = catalog.dimensions().stream()
                .map(d -> scores.getOrDefault("dimension:" + d.id(), new ItemScore(d.id(), d.name(), null, null, null)))
                .toList();
        List<RankPoint> history = rankHistory(townCode, year);
        List<Integer> trendYears = history.stream().map(RankPoint::year).toList();
        return Optional.of(new TownProfile(year, header, peerScope, dimensions,
                indicators(townCode, year, trendYears, scores, catalog), trendYears, history, drivers(townCode, year, catalog),
                similar(townCode, year)));
    }

    /**
     * The town's dimension and indicator scores in the year with the peer median and the city P90 of each. The
     * benchmarks are read once per snapshot, year and peer group and joined here, so that the query per town reads
     * only the town's own rows (one range of the score table, which is held in town order).
     */
    private Map<String, ItemScore> itemScores(String townCode, int year, String peerScope, String peerId, Catalog catalog) {
        record BenchmarkRow(String scope, String key, Double median, Double p90) {
        }
        Map<String, Double> peerMedians = new HashMap<>();
        Map<String, Double> cityP90s = new HashMap<>();
        marts.cachedQuery("""
                SELECT scope, item_type, item_id, score_median, score_p90 FROM {benchmarks}
                WHERE year = ? AND item_type IN ('dimension', 'indicator')
                  AND (scope = 'city' OR (scope = ? AND scope_id = ?))""",
                rs -> new BenchmarkRow(rs.getString("scope"), rs.getString("item_type") + ":" + rs.getString("item_id"),
                        number(rs, "score_median"), number(rs, "score_p90")), year, peerScope, peerId)
                .forEach(b -> {
                    if (b.scope().equals(peerScope)) {
                        peerMedians.put(b.key(), b.median());
                    } else {
                        cityP90s.put(b.key(), b.p90());
                    }
                });
        record ScoreRow(String type, String id, Double score) {
        }
        return marts.cachedQuery("""
                SELECT item_type, item_id, score FROM {scores}
                WHERE town_code = ? AND year = ? AND item_type IN ('dimension', 'indicator')""",
                rs -> new ScoreRow(rs.getString("item_type"), rs.getString("item_id"), number(rs, "score")),
                townCode, year).stream().collect(Collectors.toMap(r -> r.type() + ":" + r.id(),
                        r -> new ItemScore(r.id(), name(catalog, r.type(), r.id()), r.score(),
                                peerMedians.get(r.type() + ":" + r.id()), cityP90s.get(r.type() + ":" + r.id()))));
    }

    /**
     * Why the town has no composite in a year, if it has data but too little (the coverage rule); empty when
     * it has a composite or no data at all.
     */
    public Optional<DataGap> dataGap(String townCode, int year) {
        readable(townCode);
        record Row(String type, String id, Double score, Double coverage) {
        }
        List<Row> rows = marts.cachedQuery("""
                SELECT item_type, item_id, score, coverage FROM {scores}
                WHERE town_code = ? AND year = ? AND item_type IN ('composite', 'dimension')""",
                rs -> new Row(rs.getString(1), rs.getString(2), number(rs, "score"), number(rs, "coverage")),
                townCode, year);
        Optional<Row> composite = rows.stream().filter(r -> r.type().equals("composite")).findFirst();
        if (composite.isEmpty() || composite.get().score() != null) {
            return Optional.empty();
        }
        Catalog catalog = catalogs.forYear(year);
        Map<String, Row> dimensions = rows.stream().filter(r -> r.type().equals("dimension"))
                .collect(Collectors.toMap(Row::id, r -> r));
        List<Bilingual> missing = new ArrayList<>();
        List<Bilingual> partial = new ArrayList<>();
        for (Dimension d : catalog.dimensions()) {
            Row row = dimensions.get(d.id());
            if (row == null || row.score() == null) {
                missing.add(d.name());
            } else if (row.coverage() != null && row.coverage() < 1 - 1e-9) {
                partial.add(d.name());
            }
        }
        Double coverage = composite.get().coverage();
        return Optional.of(new DataGap(year, coverage == null ? 0 : coverage,
                catalog.ranking().minCoverage(Catalog.COMPOSITE), missing, partial));
    }

    /** The town, if the caller may read it: county staff only their own county's. */
    private Town readable(String townCode) {
        Town town = towns.byCode(townCode);
        scope.restrict(town.countyCode());
        return town;
    }

    /** A town's composite, ranks and group sizes in a year (the header's numbers), as the query reads them. */
    private record HeaderRow(String townCode, String peerType, Integer cluster, String band, double score, int rankCity,
                             int townsCity, int rankCounty, int townsCounty, int rankType, int townsType, Integer rankCluster,
                             int townsCluster, Integer rankChange, Double scoreChange, Double rankP5, Double rankP95,
                             Integer designatedIn) {
    }

    /** The town's row of {@link #headerRows}; empty if it has no composite score in the year. */
    private Optional<HeaderRow> headerRow(String townCode, int year) {
        return headerRows(year).stream().filter(r -> r.townCode().equals(townCode)).findFirst();
    }

    /** The header of the town in the year, from {@link #headerRows}. */
    private Optional<ProfileHeader> header(Town town, int year, Catalog catalog) {
        return headerRow(town.code(), year).map(r -> {
            boolean byCluster = r.cluster() != null;
            return new ProfileHeader(town.code(), town.name(), town.countyCode(), town.countyName(), town.type(),
                    r.peerType(), r.cluster(), bandName(catalog, r.band()), r.score(), r.rankCity(),
                    r.townsCity(), r.rankCounty(), r.townsCounty(),
                    byCluster ? (r.rankCluster() == null ? 0 : r.rankCluster()) : r.rankType(),
                    byCluster ? r.townsCluster() : r.townsType(), r.rankChange(), r.scoreChange(), r.rankP5(),
                    r.rankP95(), r.designatedIn());
        });
    }

    /**
     * The header rows of every scored town in the year, computed once per snapshot and year (the group sizes are
     * windows over all towns anyway, so one town costs the same as all; at province scale 1,800 towns).
     */
    private List<HeaderRow> headerRows(int year) {
        return marts.cachedQuery("""
                WITH c AS (
                  SELECT town_code, peer_type, cluster, band, score, rank_city, rank_county, rank_type, rank_cluster,
                         rank_change_city, score_change,
                         COUNT(score) OVER () AS towns_city,
                         COUNT(score) OVER (PARTITION BY county_code) AS towns_county,
                         COUNT(score) OVER (PARTITION BY peer_type) AS towns_type,
                         COUNT(score) OVER (PARTITION BY cluster) AS towns_cluster
                  FROM {scores} WHERE year = ? AND item_type = 'composite' AND score IS NOT NULL
                ),
                d AS (SELECT town_code, MIN(year) AS designated_in FROM {designations} WHERE year <= ? GROUP BY town_code)
                SELECT c.*, r.rank_p5, r.rank_p95, d.designated_in
                FROM c LEFT JOIN {rank_intervals} r ON r.town_code = c.town_code AND r.year = ?
                LEFT JOIN d ON d.town_code = c.town_code""", rs -> new HeaderRow(rs.getString("town_code"),
                rs.getString("peer_type"), integer(rs, "cluster"), rs.getString("band"), rs.getDouble("score"),
                rs.getInt("rank_city"), rs.getInt("towns_city"), rs.getInt("rank_county"), rs.getInt("towns_county"),
                rs.getInt("rank_type"), rs.getInt("towns_type"), integer(rs, "rank_cluster"), rs.getInt("towns_cluster"),
                integer(rs, "rank_change_city"), number(rs, "score_change"), number(rs, "rank_p5"),
                number(rs, "rank_p95"), integer(rs, "designated_in")), year, year, year);
    }

    private List<IndicatorLine> indicators(String townCode, int year, List<Integer> trendYears,
                                           Map<String, ItemScore> scores, Catalog catalog) {
        record Value(String indicatorId, int year, Double value, String source, Integer revision) {
        }
        Map<String, Map<Integer, Value>> values = new HashMap<>();
        marts.cachedQuery("SELECT indicator_id, year, value, source, revision FROM {indicator_values}"
                        + " WHERE town_code = ? AND year <= ?",
                rs -> new Value(rs.getString("indicator_id"), rs.getInt("year"), number(rs, "value"),
                        rs.getString("source"), integer(rs, "revision")), townCode, year)
                .forEach(v -> values.computeIfAbsent(v.indicatorId(), k -> new HashMap<>()).put(v.year(), v));
        List<IndicatorLine> lines = new ArrayList<>();
        for (Indicator indicator : catalog.indicators()) {
            Map<Integer, Value> byYear = values.getOrDefault(indicator.id(), Map.of());
            Optional<Value> now = Optional.ofNullable(byYear.get(year));
            List<Double> trend = new ArrayList<>();
            trendYears.forEach(y -> trend.add(Optional.ofNullable(byYear.get(y)).map(Value::value).orElse(null)));
            lines.add(new IndicatorLine(indicator.id(), indicator.name(), indicator.unit(), indicator.dimension(), now.map(Value::value).orElse(null),
                    now.map(Value::source).orElse(null), now.map(Value::revision).orElse(null),
                    scores.getOrDefault("indicator:" + indicator.id(),
                            new ItemScore(indicator.id(), indicator.name(), null, null, null)),
                    trend));
        }
        return lines;
    }

    /** The town's city rank and its interval in every scored year up to {@code year}, oldest first, from {@link #headerRows}. */
    private List<RankPoint> rankHistory(String townCode, int year) {
        List<RankPoint> history = new ArrayList<>();
        for (int y : marts.scoredYears()) {
            if (y <= year) {
                headerRow(townCode, y).ifPresent(r -> history.add(new RankPoint(y, r.rankCity(), r.rankP5(), r.rankP95())));
            }
        }
        history.sort(Comparator.comparingInt(RankPoint::year));
        return history;
    }

    private List<RankDriver> drivers(String townCode, int year, Catalog catalog) {
        record DriverRow(String itemId, double scoreChange, double contribution) {
        }
        return marts.cachedQuery("""
                SELECT item_id, score_change, contribution FROM {rank_drivers}
                WHERE town_code = ? AND year = ? AND item_type = 'dimension' ORDER BY driver_rank""",
                rs -> new DriverRow(rs.getString("item_id"), rs.getDouble("score_change"), rs.getDouble("contribution")),
                townCode, year).stream().map(r -> new RankDriver(r.itemId(), name(catalog, "dimension", r.itemId()),
                        r.scoreChange(), r.contribution())).toList();
    }

    /**
     * Similar towns are computed for the newest year only; scores shown are of the profile's year. The rows are
     * cached per snapshot for every caller; a county user's mask (no score, no link outside their county) is applied
     * afterwards, per call. The newest year and the scores come from queries cached per snapshot (and year), so the
     * query per town reads only the town's own rows instead of joining the whole score table.
     */
    private List<SimilarTown> similar(String townCode, int year) {
        Optional<Integer> newest = marts.cachedQuery("SELECT MAX(year) AS year FROM {similar_towns}",
                rs -> Optional.ofNullable(integer(rs, "year"))).get(0);
        if (newest.isEmpty()) {
            return List.of();
        }
        Map<String, Double> composites = new HashMap<>();
        headerRows(year).forEach(r -> composites.put(r.townCode(), r.score()));
        String ownCounty = scope.lockedCounty().orElse(null);
        record SimilarRow(String code, int rank) {
        }
        return marts.cachedQuery("""
                SELECT similar_town_code, similarity_rank FROM {similar_towns}
                WHERE town_code = ? AND year = ? ORDER BY similarity_rank""",
                rs -> new SimilarRow(rs.getString("similar_town_code"), rs.getInt("similarity_rank")),
                townCode, newest.get()).stream().map(r -> {
                    Town other = towns.byCode(r.code());
                    boolean mayOpen = ownCounty == null || Objects.equals(ownCounty, other.countyCode());
                    return new SimilarTown(other.code(), other.name(), other.countyName(), r.rank(),
                            mayOpen ? composites.get(r.code()) : null, mayOpen);
                }).toList();
    }

    private static Bilingual name(Catalog catalog, String itemType, String itemId) {
        return "dimension".equals(itemType) ? catalog.dimension(itemId).map(Dimension::name).orElse(null)
                : catalog.indicator(itemId).map(Indicator::name).orElse(null);
    }

    private static Bilingual bandName(Catalog catalog, String bandId) {
        return catalog.bands().stream().filter(b -> b.id().equals(bandId)).map(Band::name).findFirst().orElse(null);
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
