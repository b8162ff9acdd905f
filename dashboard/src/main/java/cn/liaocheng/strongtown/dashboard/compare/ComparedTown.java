package cn.liaocheng.strongtown.dashboard.compare;

import java.util.Map;

import cn.liaocheng.strongtown.catalog.Band;
import cn.liaocheng.strongtown.town.Town;

/**
 * One town's column of a comparison: composite, dimension scores, ranks with the composite rank's interval,
 * and band. Any value may be null where the snapshot has none for the year.
 *
 * @param dimensionScores dimension id → score (0–100)
 * @param rankType rank among towns of the same type (街道 or 镇/乡)
 * @param rankCluster rank within the town's structural peer cluster
 * @param rankP5 lower end of the composite rank's P5–P95 interval (Monte Carlo)
 */
public record ComparedTown(Town town, Double composite, Map<String, Double> dimensionScores, Integer rankCity,
                           Integer rankCounty, Integer rankType, Integer rankCluster, Double rankP5, Double rankP95,
                           Band band) {

    public ComparedTown {
        dimensionScores = Map.copyOf(dimensionScores);
    }
}
