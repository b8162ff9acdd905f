package cn.liaocheng.strongtown.dashboard.league;

import java.util.List;

import cn.liaocheng.strongtown.town.TownType;

/**
 * Which towns of a year to list, ranked by what, in which order.
 *
 * @param countyCode one county, or null for the whole city (a county user always gets their own)
 * @param townType one kind of town, or null for all
 * @param dimension the dimension that ranks and orders the table, or null for the composite score
 * @param sort sort keys, first first; empty means by rank
 */
public record LeagueQuery(int year, String countyCode, TownType townType, String dimension, List<LeagueSort> sort) {

    public LeagueQuery {
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    public static LeagueQuery of(int year) {
        return new LeagueQuery(year, null, null, null, List.of());
    }

    public LeagueQuery withCounty(String county) {
        return new LeagueQuery(year, county, townType, dimension, sort);
    }

    public LeagueQuery withSort(List<LeagueSort> newSort) {
        return new LeagueQuery(year, countyCode, townType, dimension, newSort);
    }
}
