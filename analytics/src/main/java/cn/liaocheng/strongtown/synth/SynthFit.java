package cn.liaocheng.strongtown.synth;

import java.util.List;

/**
 * One fitted synthetic control. {@code times}, {@code treatedPath}, {@code syntheticPath} and {@code gap}
 * (treated − synthetic) cover every time of the panel (NaN where data are missing). {@code preRmspe} is over
 * all times before treatment, {@code postRmspe} over the treatment time and after; {@code fitMspe} is the
 * outcome's mean squared error on the fitting window that V was chosen to minimise.
 */
public record SynthFit(String treatedUnit, int treatmentTime, List<String> donors, double[] weights,
        List<Predictor> predictors, double[] predictorWeights, double[] treatedPredictors,
        double[] syntheticPredictors, double[] donorMeanPredictors, int[] times, double[] treatedPath,
        double[] syntheticPath, double[] gap, double fitMspe, double preRmspe, double postRmspe,
        List<String> droppedDonors) {

    /** post/pre RMSPE ratio (Abadie, Diamond & Hainmueller 2010); infinite when the pre-fit is exact. */
    public double rmspeRatio() {
        return postRmspe / preRmspe;
    }

    /** Mean gap over [from, to], times with a gap only. */
    public double averageEffect(int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            if (times[i] >= from && times[i] <= to && !Double.isNaN(gap[i])) {
                sum += gap[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Mean gap from the treatment time to the panel's end. */
    public double averageEffect() {
        return averageEffect(treatmentTime, Integer.MAX_VALUE);
    }

    /** The weight of one donor (0 when it is not in the pool). */
    public double weightOf(String donor) {
        int i = donors.indexOf(donor);
        return i < 0 ? 0.0 : weights[i];
    }

    /** Number of times before treatment with both treated and synthetic values. */
    public int preTimes() {
        int n = 0;
        for (int i = 0; i < times.length; i++) {
            if (times[i] < treatmentTime && !Double.isNaN(gap[i])) {
                n++;
            }
        }
        return n;
    }
}
