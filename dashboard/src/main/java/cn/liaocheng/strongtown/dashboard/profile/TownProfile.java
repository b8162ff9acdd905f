package cn.liaocheng.strongtown.dashboard.profile;

import java.util.Comparator;
import java.util.List;

/**
 * Everything the town profile shows for one town and year.
 *
 * @param peerScope the benchmark scope of the peer median: {@code cluster} or, without a cluster, {@code type}
 * @param dimensions the six dimensions in catalog order, for the radar
 * @param indicators every catalog indicator in catalog order, with or without a value
 * @param trendYears the years of every indicator's trend, oldest first, up to the profile's year
 * @param rankHistory the composite rank over the years, oldest first, up to the profile's year
 * @param drivers each dimension's contribution to the composite change since last year, largest effect
 *                first; empty in the first year
 * @param similar most similar towns, nearest first, from the newest year the snapshot computed them
 */
public record TownProfile(int year, ProfileHeader header, String peerScope, List<ItemScore> dimensions,
                          List<IndicatorLine> indicators, List<Integer> trendYears, List<RankPoint> rankHistory,
                          List<RankDriver> drivers, List<SimilarTown> similar) {

    public TownProfile {
        dimensions = List.copyOf(dimensions);
        indicators = List.copyOf(indicators);
        trendYears = List.copyOf(trendYears);
        rankHistory = List.copyOf(rankHistory);
        drivers = List.copyOf(drivers);
        similar = List.copyOf(similar);
    }

    /** The {@code n} indicators furthest above their peer median, furthest first. */
    public List<ItemScore> strengths(int n) {
        return byGap(n, true);
    }

    /** The {@code n} indicators furthest below their peer median, furthest first. */
    public List<ItemScore> weakSpots(int n) {
        return byGap(n, false);
    }

    private List<ItemScore> byGap(int n, boolean above) {
        Comparator<ItemScore> byGap = Comparator.comparingDouble(ItemScore::gapToPeers);
        return indicators.stream().map(IndicatorLine::score).filter(s -> s.gapToPeers() != null)
                .filter(s -> above ? s.gapToPeers() > 0 : s.gapToPeers() < 0)
                .sorted(above ? byGap.reversed() : byGap).limit(n).toList();
    }

    /** Sum of the drivers' contributions: the composite change they explain. */
    public double explainedChange() {
        return drivers.stream().mapToDouble(RankDriver::contribution).sum();
    }
}
