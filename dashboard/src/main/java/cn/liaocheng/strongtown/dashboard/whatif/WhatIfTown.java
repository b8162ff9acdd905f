package cn.liaocheng.strongtown.dashboard.whatif;

import java.util.Map;

/**
 * One town's published scores of a year, the input of a what-if re-rank.
 *
 * @param dimensionScores dimension id → score; a dimension without a score is absent (it is re-weighted away)
 * @param officialRank the published city rank of the composite
 */
public record WhatIfTown(String townCode, String townName, String countyCode, String countyName,
                         Map<String, Double> dimensionScores, double officialComposite, int officialRank) {

    public WhatIfTown {
        dimensionScores = Map.copyOf(dimensionScores);
    }
}
