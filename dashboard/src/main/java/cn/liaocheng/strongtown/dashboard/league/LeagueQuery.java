package cn.liaocheng.strongtown.dashboard.league;

import java.util.List;

import cn.liaocheng.strongtown.town.TownType;

/**
 * Which towns of a year to list, ranked by what, in which order.
 *
 * @param countyCode one county, or null for the whole city (a county user always gets their own)
 * @param townType one kind of town, or null for all
 * @param peerGroup one peer group (the k-means cluster of the {@code peer_groups} mart), or null for all
 * @param dimension the dimension that ranks and orders the table, or null for the composite score
 * @param sort sort keys, first first; empty means by rank
 */
public record LeagueQuery(int year, String countyCode, TownType townType, Integer peerGroup, String dimension,
                          List<LeagueSort> sort) {

    public LeagueQuery {
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    /** A query over all peer groups. */
    public LeagueQuery(int year, String countyCode, TownType townType, String dimension, List<LeagueSort> sort) {
        this(year, countyCode, townType, null, dimension, sort);
    }

    public static LeagueQuery of(int year) {
        return new LeagueQuery(year, null, null, null, null, List.of());
    }

    public LeagueQuery withCounty(String county) {
        return new LeagueQuery(year, county, townType, peerGroup, dimension, sort);
    }

    public LeagueQuery withPeerGroup(Integer group) {
        return new LeagueQuery(year, countyCode, townType, group, dimension, sort);
    }

    public LeagueQuery withSort(List<LeagueSort> newSort) {
        return new LeagueQuery(year, countyCode, townType, peerGroup, dimension, newSort);
    }
}
