package cn.liaocheng.strongtown.demo;

import java.util.ArrayList;
import java.util.List;

import cn.liaocheng.strongtown.town.County;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * A made-up registry of any size for scale tests — province (~1,800 towns) or nation (~38,000):
 * the real towns' names and types repeated under synthetic codes (prefix 99), 15 towns a county.
 */
public final class SyntheticTowns {

    static final int TOWNS_PER_COUNTY = 15;

    private SyntheticTowns() {
    }

    public static TownRegistry of(TownRegistry template, int count) {
        List<Town> pattern = template.towns();
        List<Town> towns = new ArrayList<>();
        List<County> counties = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int county = i / TOWNS_PER_COUNTY;
            String countyCode = String.format("99%04d", county);
            if (i % TOWNS_PER_COUNTY == 0) {
                counties.add(new County(countyCode, "合成县" + county, null, null));
            }
            Town like = pattern.get(i % pattern.size());
            towns.add(new Town(String.format("%s%06d", countyCode, i), like.name() + "#" + i, countyCode,
                    "合成县" + county, like.type(), List.of()));
        }
        return TownRegistry.of(towns, counties);
    }
}
