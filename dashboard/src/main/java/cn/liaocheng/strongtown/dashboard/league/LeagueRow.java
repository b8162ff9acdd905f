package cn.liaocheng.strongtown.dashboard.league;

import java.util.Map;

import cn.liaocheng.strongtown.town.TownType;

/**
 * One town's line in the league table of a year. Ranks and change refer to the item the query ranks
 * by (the composite score unless a dimension was chosen).
 *
 * @param composite the composite score, null when the town has too little data for one (数据不足: its coverage is
 *                  below the catalog's minimum; it has no composite rank and is listed last)
 * @param dimensionScores dimension id → score (0–100), null where a dimension has no score
 * @param rankChange places gained since last year (negative: lost); null in the first year
 * @param designatedIn first year the town was designated a strong town, up to the table's year, or null
 * @param rankType rank among towns of the same type (街道 or 镇/乡), for the ranked item
 * @param band performance band id of the composite (catalog {@code bands}), or null
 * @param rankP5 lower end of the composite rank's P5–P95 interval (Monte Carlo), or null
 * @param rankP95 upper end of that interval, or null
 * @param qualityFlags data-quality findings of the town in the year (out of range, jumps, disagreements)
 * @param peerGroup the town's peer group (cluster) in the year, or null
 * @param rankPeerGroup rank within that peer group, for the ranked item, or null
 */
public record LeagueRow(String townCode, String townName, String countyCode, String countyName, TownType townType,
                        Double composite, Map<String, Double> dimensionScores, Integer rankCity, Integer rankCounty,
                        Integer rankChange, Double coverage, Integer designatedIn, Integer rankType, String band,
                        Double rankP5, Double rankP95, int qualityFlags, Integer peerGroup, Integer rankPeerGroup) {

    /** Whether the town has no composite for want of data (数据不足). */
    public boolean insufficientData() {
        return composite == null;
    }

    /** The dimensions without a score, in the order given. */
    public java.util.List<String> missingDimensions() {
        return dimensionScores.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }
}
