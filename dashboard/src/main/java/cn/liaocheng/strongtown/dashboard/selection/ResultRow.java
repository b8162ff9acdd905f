package cn.liaocheng.strongtown.dashboard.selection;

import java.util.Map;

/**
 * A line of a round's result table.
 *
 * @param rank   the rank by the written rule; null while not all weighted parts are scored
 * @param experts how many experts have submitted sheets, per stage
 */
public record ResultRow(Application application, Double indicatorScore, Map<ReviewStage, Double> stageScores,
                        Double combined, Integer rank, boolean tied, Map<ReviewStage, Integer> experts) {
}
