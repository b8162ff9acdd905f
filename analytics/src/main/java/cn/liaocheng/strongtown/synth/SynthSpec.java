package cn.liaocheng.strongtown.synth;

import java.util.List;

/**
 * What to estimate: the outcome of {@code treatedUnit} from {@code treatmentTime} on, against a weighted
 * combination of {@code donors} (empty = every other unit of the panel). {@code fitTimes} is the window whose
 * outcome error the predictor weights V minimise (Synth's {@code time.optimize.ssr}); {@code inTimePlacebo},
 * when set, is a fake earlier treatment time for the in-time placebo. {@code maxEvaluations} bounds the outer
 * (V) search per starting value.
 */
public record SynthSpec(String unitColumn, String timeColumn, String outcome, String treatedUnit, int treatmentTime,
        List<String> donors, List<Predictor> predictors, List<Integer> fitTimes, boolean inSpacePlacebo,
        Integer inTimePlacebo, int maxEvaluations) {

    public static final int DEFAULT_MAX_EVALUATIONS = 4000;

    public SynthSpec {
        donors = List.copyOf(donors);
        predictors = List.copyOf(predictors);
        fitTimes = List.copyOf(fitTimes);
    }

    /** The same spec with another treated unit and donor pool (in-space placebo). */
    public SynthSpec withTreated(String unit, List<String> donorPool) {
        return new SynthSpec(unitColumn, timeColumn, outcome, unit, treatmentTime, donorPool, predictors, fitTimes,
                false, null, maxEvaluations);
    }

    /**
     * The in-time placebo: {@code fakeTime} as treatment time, every window cut to the times before it; a window
     * left empty by the cut moves back by (treatment − fake time) instead.
     */
    public SynthSpec shiftedTo(int fakeTime) {
        int offset = fakeTime - treatmentTime;
        List<Predictor> cut = predictors.stream().map(p -> {
            List<Integer> before = p.times().stream().filter(t -> t < fakeTime).toList();
            return before.isEmpty() ? p.shifted(offset) : new Predictor(p.variable(), before, p.aggregation());
        }).toList();
        List<Integer> fit = fitTimes.stream().filter(t -> t < fakeTime).toList();
        if (fit.isEmpty()) {
            fit = fitTimes.stream().map(t -> t + offset).toList();
        }
        return new SynthSpec(unitColumn, timeColumn, outcome, treatedUnit, fakeTime, donors, cut, fit, false, null,
                maxEvaluations);
    }
}
