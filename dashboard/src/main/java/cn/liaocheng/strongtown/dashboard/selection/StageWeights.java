package cn.liaocheng.strongtown.dashboard.selection;

import java.util.Map;

/**
 * Weights of the indicator score and the three expert stages in a round's combined score. The
 * programme publishes none, so there is no default: the office enters them when it opens a round.
 * Any non-negative numbers with a positive sum; they are used in proportion to their sum.
 */
public record StageWeights(double indicator, double materials, double siteVisit, double defence) {

    public StageWeights {
        for (double w : new double[] {indicator, materials, siteVisit, defence}) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new SelectionException("selection.error.weightNegative");
            }
        }
        if (indicator + materials + siteVisit + defence <= 0) {
            throw new SelectionException("selection.error.weightSum");
        }
    }

    public double total() {
        return indicator + materials + siteVisit + defence;
    }

    public double of(ReviewStage stage) {
        return switch (stage) {
            case MATERIALS -> materials;
            case SITE_VISIT -> siteVisit;
            case DEFENCE -> defence;
        };
    }

    /**
     * The combined score: the weighted mean of the indicator score and the stage scores (all on 0–100).
     * A stage with weight zero may be missing; a weighted one that is missing yields null.
     */
    public Double combine(Double indicatorScore, Map<ReviewStage, Double> stageScores) {
        double sum = 0;
        if (indicator > 0) {
            if (indicatorScore == null) {
                return null;
            }
            sum += indicator * indicatorScore;
        }
        for (ReviewStage stage : ReviewStage.values()) {
            if (of(stage) > 0) {
                Double s = stageScores.get(stage);
                if (s == null) {
                    return null;
                }
                sum += of(stage) * s;
            }
        }
        return sum / total();
    }
}
