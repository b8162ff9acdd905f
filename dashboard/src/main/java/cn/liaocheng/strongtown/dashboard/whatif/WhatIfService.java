package cn.liaocheng.strongtown.dashboard.whatif;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.methodology.PublishedCatalog;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * What-if weights (issue 5 §7): the published dimension scores of a year, to be re-ranked under other
 * dimension weights. It ranks the whole city, so it is for the city-wide roles only.
 */
@Service
@PreAuthorize(Access.CITY_WIDE)
public class WhatIfService {

    private final MartReader marts;
    private final TownRegistry towns;
    private final PublishedCatalog catalogs;

    public WhatIfService(MartReader marts, TownRegistry towns, PublishedCatalog catalogs) {
        this.marts = marts;
        this.towns = towns;
        this.catalogs = catalogs;
    }

    /** Years with composite scores, newest first. */
    public List<Integer> years() {
        return marts.scoredYears();
    }

    public List<County> counties() {
        return towns.counties();
    }

    /**
     * The towns of a year with their dimension scores and official rank, under the catalog version that
     * scored that year as the snapshot publishes it (its dimensions, official weights and aggregation). One query; re-ranking is then
     * done by {@link WhatIfModel#rank} without reading the lake again.
     */
    public WhatIfModel model(int year) {
        record Item(String townCode, String itemType, String itemId, Double score, Double coverage, Integer rank) {
        }
        List<Item> items = marts.query("""
                SELECT town_code, item_type, item_id, score, coverage, rank_city FROM {scores}
                WHERE year = ? AND item_type IN ('dimension', 'composite')
                ORDER BY town_code""", rs -> {
            double score = rs.getDouble("score");
            Double scoreOrNull = rs.wasNull() ? null : score;
            double coverage = rs.getDouble("coverage");
            Double coverageOrNull = rs.wasNull() ? null : coverage;
            int rank = rs.getInt("rank_city");
            return new Item(rs.getString("town_code"), rs.getString("item_type"), rs.getString("item_id"),
                    scoreOrNull, coverageOrNull, rs.wasNull() ? null : rank);
        }, year);
        Map<String, Map<String, Double>> dimensions = new HashMap<>();
        Map<String, Map<String, Double>> coverage = new HashMap<>();
        Map<String, Item> composites = new LinkedHashMap<>();
        for (Item item : items) {
            if (item.itemType().equals("composite")) {
                composites.put(item.townCode(), item);
            } else if (item.score() != null) {
                dimensions.computeIfAbsent(item.townCode(), k -> new HashMap<>()).put(item.itemId(), item.score());
                if (item.coverage() != null) {
                    coverage.computeIfAbsent(item.townCode(), k -> new HashMap<>()).put(item.itemId(), item.coverage());
                }
            }
        }
        // every town with a composite row, scored or not: other weights may lift a town over the coverage rule
        List<WhatIfTown> rows = composites.values().stream().map(c -> {
            Town town = towns.byCode(c.townCode());
            return new WhatIfTown(town.code(), town.name(), town.countyCode(), town.countyName(),
                    dimensions.getOrDefault(town.code(), Map.of()), coverage.getOrDefault(town.code(), Map.of()),
                    c.score(), c.rank());
        }).toList();
        return new WhatIfModel(year, catalogs.forYear(year), rows);
    }
}
