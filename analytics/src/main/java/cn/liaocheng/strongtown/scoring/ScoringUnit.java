package cn.liaocheng.strongtown.scoring;

import java.util.List;

import cn.liaocheng.strongtown.town.TownRegistry;
import cn.liaocheng.strongtown.town.TownType;

/**
 * A unit that is scored: a town here, a country in the conformance case.
 *
 * @param group the county (towns are ranked within it too)
 * @param peerType the town-type peer group: {@code urban} (街道) or {@code rural} (镇, 乡 and others)
 */
public record ScoringUnit(String code, String group, String peerType) {

    public static List<ScoringUnit> of(TownRegistry towns) {
        return towns.towns().stream()
                .map(t -> new ScoringUnit(t.code(), t.countyCode(), t.type() == TownType.SUBDISTRICT ? "urban" : "rural"))
                .toList();
    }
}
