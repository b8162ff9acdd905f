package cn.liaocheng.strongtown.dashboard.profile;

import cn.liaocheng.strongtown.catalog.Bilingual;

/**
 * A dimension's or indicator's score of the town beside its benchmarks of the same year.
 *
 * @param name the dimension's or indicator's name
 * @param score 0–100, or null (e.g. a value outside the valid range is not scored)
 * @param peerMedian median score of the town's peer group (cluster, else town type)
 * @param cityP90 90th percentile of all towns' scores
 */
public record ItemScore(String itemId, Bilingual name, Double score, Double peerMedian, Double cityP90) {

    /** Points above (positive) or below the peer median, or null if either is missing. */
    public Double gapToPeers() {
        return score == null || peerMedian == null ? null : score - peerMedian;
    }
}
