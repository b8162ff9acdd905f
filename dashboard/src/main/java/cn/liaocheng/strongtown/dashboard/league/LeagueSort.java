package cn.liaocheng.strongtown.dashboard.league;

/**
 * One sort key of the league table: {@code rank}, {@code town}, {@code county}, {@code type},
 * {@code composite}, {@code rankCounty}, {@code rankPeerGroup}, {@code change} or {@code dim:<dimension id>}.
 */
public record LeagueSort(String key, boolean descending) {

    public static final String RANK = "rank";
    public static final String TOWN = "town";
    public static final String COUNTY = "county";
    public static final String TYPE = "type";
    public static final String COMPOSITE = "composite";
    public static final String RANK_COUNTY = "rankCounty";
    public static final String RANK_PEER_GROUP = "rankPeerGroup";
    public static final String CHANGE = "change";
    public static final String DIMENSION_PREFIX = "dim:";

    public static LeagueSort ascending(String key) {
        return new LeagueSort(key, false);
    }

    public static LeagueSort descending(String key) {
        return new LeagueSort(key, true);
    }
}
