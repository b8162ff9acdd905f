package cn.liaocheng.strongtown.dashboard.selection;

import java.util.Map;

/**
 * A scored application as the ranking sees it.
 *
 * @param indicatorScore the composite score of the town in the round's pinned snapshot (0–100)
 * @param stageScores    each expert stage's trimmed mean (0–100)
 * @param combined       the weighted combination; null while a weighted part is missing
 */
public record Candidate(long applicationId, String townCode, String countyCode, Double indicatorScore,
                        Map<ReviewStage, Double> stageScores, Double combined) {

    public Candidate {
        stageScores = Map.copyOf(stageScores);
    }

    public static Candidate of(long applicationId, String townCode, String countyCode, Double indicatorScore,
                               Map<ReviewStage, Double> stageScores, StageWeights weights) {
        return new Candidate(applicationId, townCode, countyCode, indicatorScore, stageScores,
                weights.combine(indicatorScore, stageScores));
    }

    double stage(ReviewStage stage) {
        Double s = stageScores.get(stage);
        return s == null ? Double.NEGATIVE_INFINITY : s;
    }
}
