package cn.liaocheng.strongtown.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A synthetic-control fit with its inference and its honest limits: in-space placebos (each donor re-estimated
 * as if treated, against the other donors), the placebo p-value (share of units, the treated one included,
 * whose post/pre RMSPE ratio is at least the treated unit's), an optional in-time placebo, and warnings.
 */
public record SynthAnalysis(SynthFit fit, List<SynthFit> placebos, double placeboPValue, SynthFit inTimePlacebo,
        List<Warning> warnings) {

    /** Fewer pre-treatment times than this and the fit is flagged. */
    public static final int MIN_PRE_TIMES = 5;
    /** Pre-RMSPE above this share of the outcome's spread across units (pre-period sd) is a poor fit. */
    public static final double POOR_FIT_SHARE = 0.25;

    public enum Warning {
        /** fewer than {@link #MIN_PRE_TIMES} pre-treatment times */
        FEW_PRE_PERIODS,
        /** pre-period RMSPE large against the outcome's spread across units */
        POOR_PRE_FIT,
        /** the treated unit lies outside the donors' range on the pre-period outcome or a predictor */
        OUTSIDE_DONOR_RANGE
    }

    public static SynthAnalysis run(Panel panel, SynthSpec spec) {
        SynthFit fit = SyntheticControl.fit(panel, spec);
        List<SynthFit> placebos = spec.inSpacePlacebo() ? inSpace(panel, spec, fit.donors()) : List.of();
        return of(panel, spec, fit, placebos);
    }

    /** Builds the analysis from a fit and placebos computed elsewhere (e.g. shared by towns of one cohort). */
    public static SynthAnalysis of(Panel panel, SynthSpec spec, SynthFit fit, List<SynthFit> placebos) {
        double p = placebos.isEmpty() ? Double.NaN : pValue(fit, placebos);
        SynthFit inTime = null;
        if (spec.inTimePlacebo() != null) {
            try {
                inTime = SyntheticControl.fit(panel, spec.shiftedTo(spec.inTimePlacebo()));
            } catch (SynthInputException | IllegalStateException notEstimable) {
                inTime = null;
            }
        }
        return new SynthAnalysis(fit, placebos, p, inTime, warnings(panel, spec, fit));
    }

    /** Every donor as treated, against the remaining donors; donors whose fit cannot be made are left out. */
    public static List<SynthFit> inSpace(Panel panel, SynthSpec spec, List<String> donors) {
        return donors.parallelStream().map(d -> {
            List<String> pool = donors.stream().filter(o -> !o.equals(d)).toList();
            try {
                return SyntheticControl.fit(panel, spec.withTreated(d, pool));
            } catch (SynthInputException | IllegalStateException notEstimable) {
                return null;
            }
        }).filter(Objects::nonNull).toList();
    }

    static double pValue(SynthFit fit, List<SynthFit> placebos) {
        double ratio = fit.rmspeRatio();
        long atLeast = placebos.stream().filter(p -> p.rmspeRatio() >= ratio).count();
        return (1.0 + atLeast) / (1.0 + placebos.size());
    }

    static List<Warning> warnings(Panel panel, SynthSpec spec, SynthFit fit) {
        List<Warning> warnings = new ArrayList<>();
        if (fit.preTimes() < MIN_PRE_TIMES) {
            warnings.add(Warning.FEW_PRE_PERIODS);
        }
        List<Double> preValues = new ArrayList<>();
        boolean outside = false;
        for (int t : fit.times()) {
            if (t >= spec.treatmentTime()) {
                continue;
            }
            double treated = panel.value(fit.treatedUnit(), spec.outcome(), t);
            double[] donorValues = fit.donors().stream().mapToDouble(d -> panel.value(d, spec.outcome(), t))
                    .filter(v -> !Double.isNaN(v)).toArray();
            Arrays.stream(donorValues).forEach(preValues::add);
            if (!Double.isNaN(treated) && donorValues.length > 0) {
                preValues.add(treated);
                double min = Arrays.stream(donorValues).min().getAsDouble();
                double max = Arrays.stream(donorValues).max().getAsDouble();
                outside |= treated < min || treated > max;
            }
        }
        for (int p = 0; p < fit.predictors().size(); p++) {
            final int index = p;
            double[] donorValues = fit.donors().stream().mapToDouble(d -> fit.predictors().get(index).value(panel, d))
                    .toArray();
            double min = Arrays.stream(donorValues).min().orElse(Double.NaN);
            double max = Arrays.stream(donorValues).max().orElse(Double.NaN);
            outside |= fit.treatedPredictors()[p] < min || fit.treatedPredictors()[p] > max;
        }
        double mean = preValues.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double sd = Math.sqrt(preValues.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum()
                / Math.max(1, preValues.size() - 1));
        if (!(fit.preRmspe() <= POOR_FIT_SHARE * sd)) {
            warnings.add(Warning.POOR_PRE_FIT);
        }
        if (outside) {
            warnings.add(Warning.OUTSIDE_DONOR_RANGE);
        }
        return List.copyOf(warnings);
    }
}
