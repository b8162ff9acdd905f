package cn.liaocheng.strongtown.dashboard.league;

import java.util.Map;

/**
 * One town's line in the league table of a year.
 *
 * @param dimensionScores dimension id → score (0–100)
 * @param rankChange places gained since last year (negative: lost); null in the first year
 * @param designatedIn year the town was designated a strong town, or null
 */
public record LeagueRow(String townCode, String townName, String countyCode, String countyName, String townType,
                        double composite, Map<String, Double> dimensionScores, int rankCity, int rankCounty,
                        Integer rankChange, double coverage, Integer designatedIn) {
}
