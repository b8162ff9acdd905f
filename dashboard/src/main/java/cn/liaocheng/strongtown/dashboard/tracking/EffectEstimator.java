package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.liaocheng.strongtown.synth.Panel;
import cn.liaocheng.strongtown.synth.Predictor;
import cn.liaocheng.strongtown.synth.SynthAnalysis;
import cn.liaocheng.strongtown.synth.SynthFit;
import cn.liaocheng.strongtown.synth.SynthInputException;
import cn.liaocheng.strongtown.synth.SynthSpec;
import cn.liaocheng.strongtown.synth.SyntheticControl;

/**
 * Synthetic control for designated towns on one item's panel (all towns, all scored years): donors are towns
 * never designated (optionally only the town's peer cluster); predictors are the outcome's mean over the early
 * and the late half of the pre-period, its last pre-period value, and the pre-period means of configured
 * covariates; V minimises the error over all pre-period years. The in-space placebos depend only on the donor
 * pool and the effect year, so towns of one cohort share them (computed once per panel, pool and year).
 */
final class EffectEstimator {

    static final String OUTCOME = "outcome";

    private final Panel panel;
    private final List<String> covariates;
    private final int budget;
    private final Map<String, Shared> placebos = new ConcurrentHashMap<>();

    /** One cohort's placebo fits, computed once by the first caller while the others wait on it. */
    private static final class Shared {
        private final java.util.function.Supplier<List<SynthFit>> compute;
        private List<SynthFit> fits;

        Shared(java.util.function.Supplier<List<SynthFit>> compute) {
            this.compute = compute;
        }

        synchronized List<SynthFit> get() {
            if (fits == null) {
                fits = compute.get();
            }
            return fits;
        }
    }

    EffectEstimator(Panel panel, List<String> covariates, int budget) {
        this.panel = panel;
        this.covariates = List.copyOf(covariates);
        this.budget = budget;
    }

    Panel panel() {
        return panel;
    }

    /** @param donors never-designated towns eligible as donors; names resolve town codes for display */
    EffectEstimate estimate(String item, String town, int designationYear, List<String> donors,
                            Map<String, String> names) {
        int effectFrom = designationYear + 1;
        int[] times = panel.times();
        if (times.length == 0 || !panel.hasUnit(town)) {
            return EffectEstimate.unavailable(item, effectFrom, EffectWarning.NOT_ESTIMABLE);
        }
        if (Arrays.stream(times).noneMatch(t -> t >= effectFrom && !Double.isNaN(panel.value(town, OUTCOME, t)))) {
            return EffectEstimate.unavailable(item, effectFrom, EffectWarning.NO_POST_YEARS);
        }
        List<Integer> pre = Arrays.stream(times).filter(t -> t < effectFrom).boxed()
                .filter(t -> !Double.isNaN(panel.value(town, OUTCOME, t))).toList();
        if (pre.isEmpty() || donors.size() < 2) {
            return EffectEstimate.unavailable(item, effectFrom, EffectWarning.NOT_ESTIMABLE);
        }
        SynthSpec spec = spec(town, effectFrom, pre, donors);
        try {
            SynthFit fit = SyntheticControl.fit(panel, spec);
            List<SynthFit> shared = placebos.computeIfAbsent(effectFrom + "|" + pre + "|" + String.join(",", fit.donors()),
                    k -> new Shared(() -> SynthAnalysis.inSpace(panel, spec, fit.donors()))).get();
            SynthAnalysis analysis = SynthAnalysis.of(panel, spec, fit, shared);
            return toEstimate(item, effectFrom, fit, analysis, names);
        } catch (SynthInputException | IllegalStateException notEstimable) {
            return EffectEstimate.unavailable(item, effectFrom, EffectWarning.NOT_ESTIMABLE);
        }
    }

    /**
     * Estimates many towns: first one town per designation year, which computes that cohort's shared placebos
     * (in parallel inside), then the remaining towns in parallel. Nesting the two parallel levels instead would
     * leave workers blocked on a cohort's placebos.
     */
    Map<String, EffectEstimate> estimateAll(String item, Map<String, Integer> designated,
                                            java.util.function.Function<String, List<String>> donorsOf,
                                            Map<String, String> names) {
        Map<String, EffectEstimate> effects = new ConcurrentHashMap<>();
        Map<Integer, String> firstOfCohort = new java.util.TreeMap<>();
        designated.forEach((town, year) -> firstOfCohort.putIfAbsent(year, town));
        firstOfCohort.forEach((year, town) -> effects.put(town, estimate(item, town, year, donorsOf.apply(town), names)));
        designated.entrySet().parallelStream().filter(d -> !effects.containsKey(d.getKey())).forEach(d ->
                effects.put(d.getKey(), estimate(item, d.getKey(), d.getValue(), donorsOf.apply(d.getKey()), names)));
        return effects;
    }

    /** All placebo sets computed so far (for the benchmark's count). */
    int placeboFits() {
        return placebos.values().stream().mapToInt(s -> s.get().size()).sum();
    }

    private SynthSpec spec(String town, int effectFrom, List<Integer> pre, List<String> donors) {
        List<Predictor> predictors = new ArrayList<>();
        int half = Math.max(1, pre.size() / 2);
        predictors.add(new Predictor(OUTCOME, pre.subList(0, half), Predictor.Aggregation.MEAN));
        if (pre.size() > 2) {
            predictors.add(new Predictor(OUTCOME, pre.subList(half, pre.size() - 1), Predictor.Aggregation.MEAN));
        }
        if (pre.size() > 1) {
            predictors.add(new Predictor(OUTCOME, List.of(pre.get(pre.size() - 1)), Predictor.Aggregation.MEAN));
        }
        for (String covariate : covariates) {
            predictors.add(new Predictor(covariate, pre, Predictor.Aggregation.MEAN));
        }
        Integer inTime = pre.size() >= 5 ? effectFrom - 2 : null;
        return new SynthSpec("town", "year", OUTCOME, town, effectFrom, donors, predictors, pre, true, inTime, budget);
    }

    private static EffectEstimate toEstimate(String item, int effectFrom, SynthFit fit, SynthAnalysis analysis,
                                             Map<String, String> names) {
        List<EffectWarning> warnings = new ArrayList<>();
        for (SynthAnalysis.Warning w : analysis.warnings()) {
            warnings.add(EffectWarning.valueOf(w.name()));
        }
        List<EffectEstimate.DonorWeight> donors = new ArrayList<>();
        for (int d = 0; d < fit.donors().size(); d++) {
            if (fit.weights()[d] >= 0.001) {
                String code = fit.donors().get(d);
                donors.add(new EffectEstimate.DonorWeight(code, names.getOrDefault(code, code), fit.weights()[d]));
            }
        }
        donors.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        List<Integer> years = Arrays.stream(fit.times()).boxed().toList();
        Double inTime = analysis.inTimePlacebo() == null ? null
                : analysis.inTimePlacebo().averageEffect(analysis.inTimePlacebo().treatmentTime(), effectFrom - 1);
        return new EffectEstimate(item, effectFrom, years, fit.treatedPath(), fit.syntheticPath(), donors,
                fit.averageEffect(), fit.preRmspe(), fit.rmspeRatio(),
                Double.isNaN(analysis.placeboPValue()) ? null : analysis.placeboPValue(), analysis.placebos().size(),
                inTime, List.copyOf(warnings));
    }

    /** A panel of one value per (town, year), plus covariates, from rows (town, year, variable, value). */
    static Panel panelOf(Collection<Object[]> rows, Set<String> towns) {
        Panel.Builder builder = new Panel.Builder();
        for (Object[] r : rows) {
            if (towns.contains((String) r[0])) {
                builder.put((String) r[0], (Integer) r[1], (String) r[2], (Double) r[3]);
            }
        }
        return builder.build();
    }
}
