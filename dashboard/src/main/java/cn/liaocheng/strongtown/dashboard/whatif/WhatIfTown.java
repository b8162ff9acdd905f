package cn.liaocheng.strongtown.dashboard.whatif;

import java.util.Map;

/**
 * One town's published scores of a year, the input of a what-if re-rank.
 *
 * @param dimensionScores dimension id → score; a dimension without a score is absent (it is re-weighted away)
 * @param dimensionCoverage dimension id → its coverage (share of its indicators' weight with data); absent = 1
 * @param officialComposite the published composite, null when the town has none (数据不足)
 * @param officialRank the published city rank of the composite, null when it has none
 */
public record WhatIfTown(String townCode, String townName, String countyCode, String countyName,
                         Map<String, Double> dimensionScores, Map<String, Double> dimensionCoverage,
                         Double officialComposite, Integer officialRank) {

    public WhatIfTown {
        dimensionScores = Map.copyOf(dimensionScores);
        dimensionCoverage = Map.copyOf(dimensionCoverage);
    }

    /** A town whose dimensions are fully covered. */
    public WhatIfTown(String townCode, String townName, String countyCode, String countyName,
                      Map<String, Double> dimensionScores, Double officialComposite, Integer officialRank) {
        this(townCode, townName, countyCode, countyName, dimensionScores, Map.of(), officialComposite, officialRank);
    }
}
