package cn.liaocheng.strongtown.dashboard.whatif;

/**
 * A town under what-if weights.
 *
 * @param composite the composite score under the what-if weights
 * @param rank the city rank under the what-if weights (competition ranks, ties share)
 */
public record WhatIfRow(WhatIfTown town, double composite, int rank) {

    /**
     * Places gained against the official rank (negative: lost), as the league table counts rank changes;
     * null for a town without an official rank (数据不足 under the official weights).
     */
    public Integer rankChange() {
        return town.officialRank() == null ? null : town.officialRank() - rank;
    }
}
