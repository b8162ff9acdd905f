package cn.liaocheng.strongtown.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The synthetic-control estimator of Abadie, Diamond &amp; Hainmueller, nested as in the R package Synth:
 * predictors are divided by their standard deviation across treated and donor units; for a diagonal V the
 * donor weights W solve a quadratic programme ({@link DonorWeights}); V itself (|p|/Σ|p|, so non-negative and
 * summing to 1) is searched by Nelder–Mead (Commons Math) to minimise the outcome's mean squared error on the
 * fitting window, from equal weights, Synth's regression-based start and (with more than three predictors) one
 * start leaning on each predictor, keeping the best.
 */
public final class SyntheticControl {

    private SyntheticControl() {
    }

    public static SynthFit fit(Panel panel, SynthSpec spec) {
        Design design = Design.of(panel, spec);
        int k = design.x1.length;
        double[] v;
        if (k == 1) {
            v = new double[] {1.0};
        } else {
            Objective objective = new Objective(design);
            List<double[]> starts = new ArrayList<>();
            double[] equal = new double[k];
            Arrays.fill(equal, 1.0 / k);
            starts.add(equal);
            double[] regression = regressionStart(design);
            if (regression != null) {
                starts.add(regression);
            }
            // The loss has local minima at corner solutions (one donor takes all the weight); with more than three
            // predictors one more start per predictor, leaning on it, lets the search leave them (the Basque case
            // needs them). With up to three, V's simplex is small enough for the two standard starts, and the
            // city-wide placebos stay within their time budget.
            for (int p = 0; k > 3 && p < k; p++) {
                double[] lean = new double[k];
                Arrays.fill(lean, 0.5 / k);
                lean[p] += 0.5;
                starts.add(lean);
            }
            for (double[] start : starts) {
                objective.search(start, spec.maxEvaluations());
            }
            v = normalised(objective.bestPoint);
        }
        double[] w = DonorWeights.solve(design.x1, design.x0, v);
        return design.result(panel, spec, v, w);
    }

    static double[] normalised(double[] p) {
        double sum = 0;
        for (double x : p) {
            sum += Math.abs(x);
        }
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = sum == 0 ? 1.0 / p.length : Math.abs(p[i]) / sum;
        }
        return v;
    }

    /**
     * Synth's regression-based start: regress the fitting-window outcomes of all units on their scaled
     * predictors (with intercept); V's diagonal is the sum of squared slopes of each predictor, normalised.
     */
    static double[] regressionStart(Design d) {
        int units = d.x0[0].length + 1;
        int k = d.x1.length;
        int m = d.z1.length;
        if (units <= k + 1) {
            return null;
        }
        double[][] x = new double[units][k + 1];
        double[][] z = new double[units][m];
        for (int u = 0; u < units; u++) {
            x[u][0] = 1.0;
            for (int p = 0; p < k; p++) {
                x[u][p + 1] = u == 0 ? d.x1[p] : d.x0[p][u - 1];
            }
            for (int t = 0; t < m; t++) {
                z[u][t] = u == 0 ? d.z1[t] : d.z0[t][u - 1];
            }
        }
        RealMatrix beta = new SingularValueDecomposition(new Array2DRowRealMatrix(x, false)).getSolver()
                .solve(new Array2DRowRealMatrix(z, false));
        double[] v = new double[k];
        double sum = 0;
        for (int p = 0; p < k; p++) {
            double[] row = beta.getRow(p + 1);
            for (double b : row) {
                v[p] += b * b;
            }
            sum += v[p];
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            return null;
        }
        for (int p = 0; p < k; p++) {
            v[p] /= sum;
        }
        return v;
    }

    /** The outer loss with the best point seen, so a search stopped by its evaluation budget still counts. */
    private static final class Objective {
        private final Design design;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] bestPoint;

        Objective(Design design) {
            this.design = design;
        }

        int evaluations;

        double value(double[] p) {
            evaluations++;
            double[] v = normalised(p);
            double loss = design.fitMspe(DonorWeights.solve(design.x1, design.x0, v));
            if (loss < bestValue) {
                bestValue = loss;
                bestPoint = p.clone();
            }
            return loss;
        }

        /**
         * Nelder–Mead from {@code start}, restarted from the best point while a restart still improves: the loss
         * has flat stretches (V regions that give the same corner W), on which a simplex whose vertices all tie
         * would otherwise stop at once. Convergence needs both the values and the points to settle (as scipy's
         * xatol/fatol, which pysyncon uses).
         */
        void search(double[] start, int maxEvaluations) {
            ConvergenceChecker<PointValuePair> settled = (iteration, previous, current) ->
                    Math.abs(previous.getValue() - current.getValue()) <= 1e-8 * Math.abs(current.getValue()) + 1e-14
                            && pointsClose(previous.getPoint(), current.getPoint());
            double[] from = start;
            int budget = maxEvaluations;
            for (int restart = 0; restart < 5 && budget > 0; restart++) {
                double before = bestValue;
                int used = evaluations;
                double scale = 0;
                for (double x : from) {
                    scale += Math.abs(x);
                }
                double[] steps = new double[from.length];
                for (int i = 0; i < from.length; i++) {
                    // scipy's start simplex moves each coordinate by 5 %; zero coordinates get a small absolute step.
                    steps[i] = from[i] != 0 ? 0.05 * from[i] : 0.05 * scale / from.length;
                }
                try {
                    new SimplexOptimizer(settled).optimize(new MaxEval(budget), new ObjectiveFunction(this::value),
                            GoalType.MINIMIZE, new InitialGuess(from), new NelderMeadSimplex(steps));
                } catch (TooManyEvaluationsException budgetSpent) {
                    // the best point seen so far is kept in bestPoint
                }
                budget -= evaluations - used;
                if (restart > 0 && !(bestValue < before * (1 - 1e-9))) {
                    break;
                }
                from = bestPoint.clone();
            }
        }

        private static boolean pointsClose(double[] a, double[] b) {
            double scale = 0;
            for (double x : a) {
                scale += Math.abs(x);
            }
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i] - b[i]) > 1e-4 * scale) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Scaled predictor matrices and fitting-window outcomes of the treated unit and the usable donors. */
    static final class Design {
        final List<String> donors;
        final List<String> dropped;
        final double[] x1;
        final double[][] x0;
        final double[] rawX1;
        final double[][] rawX0;
        final double[] z1;
        final double[][] z0;

        private Design(List<String> donors, List<String> dropped, double[] rawX1, double[][] rawX0, double[] z1,
                double[][] z0) {
            this.donors = donors;
            this.dropped = dropped;
            this.rawX1 = rawX1;
            this.rawX0 = rawX0;
            this.z1 = z1;
            this.z0 = z0;
            int k = rawX1.length;
            int j = donors.size();
            x1 = new double[k];
            x0 = new double[k][j];
            for (int p = 0; p < k; p++) {
                double sd = sd(rawX1[p], rawX0[p]);
                double divisor = sd > 0 ? sd : 1.0;
                x1[p] = rawX1[p] / divisor;
                for (int d = 0; d < j; d++) {
                    x0[p][d] = rawX0[p][d] / divisor;
                }
            }
        }

        static Design of(Panel panel, SynthSpec spec) {
            if (!panel.hasUnit(spec.treatedUnit())) {
                throw new SynthInputException("面板中没有处理单位“" + spec.treatedUnit() + "”");
            }
            if (!panel.hasVariable(spec.outcome())) {
                throw new SynthInputException("面板中没有结果变量“" + spec.outcome() + "”");
            }
            if (spec.predictors().isEmpty()) {
                throw new SynthInputException("至少需要一个预测变量（predictors）");
            }
            if (spec.fitTimes().isEmpty()) {
                throw new SynthInputException("拟合时间窗（fit）为空");
            }
            for (Predictor p : spec.predictors()) {
                if (!panel.hasVariable(p.variable())) {
                    throw new SynthInputException("面板中没有预测变量“" + p.variable() + "”");
                }
            }
            List<String> pool = spec.donors().isEmpty()
                    ? panel.units().stream().filter(u -> !u.equals(spec.treatedUnit())).toList()
                    : spec.donors();
            int k = spec.predictors().size();
            double[] x1 = new double[k];
            for (int p = 0; p < k; p++) {
                x1[p] = spec.predictors().get(p).value(panel, spec.treatedUnit());
                if (Double.isNaN(x1[p])) {
                    throw new SynthInputException("处理单位“" + spec.treatedUnit() + "”的预测变量 "
                            + spec.predictors().get(p).label() + " 在其时间窗内没有数值");
                }
            }
            double[] z1 = outcome(panel, spec, spec.treatedUnit());
            for (int t = 0; t < z1.length; t++) {
                if (Double.isNaN(z1[t])) {
                    throw new SynthInputException("处理单位“" + spec.treatedUnit() + "”在拟合时间 "
                            + spec.fitTimes().get(t) + " 缺少结果变量 " + spec.outcome());
                }
            }
            List<String> donors = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            List<double[]> donorX = new ArrayList<>();
            List<double[]> donorZ = new ArrayList<>();
            for (String unit : pool) {
                if (unit.equals(spec.treatedUnit())) {
                    continue;
                }
                if (!panel.hasUnit(unit)) {
                    throw new SynthInputException("面板中没有对照单位“" + unit + "”");
                }
                double[] x = new double[k];
                for (int p = 0; p < k; p++) {
                    x[p] = spec.predictors().get(p).value(panel, unit);
                }
                double[] z = outcome(panel, spec, unit);
                if (Arrays.stream(x).anyMatch(Double::isNaN) || Arrays.stream(z).anyMatch(Double::isNaN)) {
                    dropped.add(unit);
                    continue;
                }
                donors.add(unit);
                donorX.add(x);
                donorZ.add(z);
            }
            if (donors.isEmpty()) {
                throw new SynthInputException("没有数据完整的对照单位（每个对照单位都缺少预测变量或拟合期结果）");
            }
            double[][] x0 = new double[k][donors.size()];
            double[][] z0 = new double[z1.length][donors.size()];
            for (int d = 0; d < donors.size(); d++) {
                for (int p = 0; p < k; p++) {
                    x0[p][d] = donorX.get(d)[p];
                }
                for (int t = 0; t < z1.length; t++) {
                    z0[t][d] = donorZ.get(d)[t];
                }
            }
            return new Design(List.copyOf(donors), List.copyOf(dropped), x1, x0, z1, z0);
        }

        private static double[] outcome(Panel panel, SynthSpec spec, String unit) {
            return spec.fitTimes().stream().mapToDouble(t -> panel.value(unit, spec.outcome(), t)).toArray();
        }

        private static double sd(double first, double[] rest) {
            int n = rest.length + 1;
            double mean = first;
            for (double x : rest) {
                mean += x;
            }
            mean /= n;
            double ss = (first - mean) * (first - mean);
            for (double x : rest) {
                ss += (x - mean) * (x - mean);
            }
            return n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
        }

        double fitMspe(double[] w) {
            double ss = 0;
            for (int t = 0; t < z1.length; t++) {
                double synthetic = 0;
                for (int d = 0; d < w.length; d++) {
                    synthetic += z0[t][d] * w[d];
                }
                ss += (z1[t] - synthetic) * (z1[t] - synthetic);
            }
            return ss / z1.length;
        }

        SynthFit result(Panel panel, SynthSpec spec, double[] v, double[] w) {
            int k = rawX1.length;
            double[] synthX = new double[k];
            double[] meanX = new double[k];
            for (int p = 0; p < k; p++) {
                for (int d = 0; d < w.length; d++) {
                    synthX[p] += rawX0[p][d] * w[d];
                    meanX[p] += rawX0[p][d] / w.length;
                }
            }
            int[] times = panel.times();
            double[] treated = new double[times.length];
            double[] synthetic = new double[times.length];
            double[] gap = new double[times.length];
            double preSs = 0;
            double postSs = 0;
            int pre = 0;
            int post = 0;
            for (int i = 0; i < times.length; i++) {
                treated[i] = panel.value(spec.treatedUnit(), spec.outcome(), times[i]);
                double s = 0;
                for (int d = 0; d < w.length; d++) {
                    if (w[d] > 0) {
                        s += w[d] * panel.value(donors.get(d), spec.outcome(), times[i]);
                    }
                }
                synthetic[i] = s;
                gap[i] = treated[i] - s;
                if (Double.isNaN(gap[i])) {
                    continue;
                }
                if (times[i] < spec.treatmentTime()) {
                    preSs += gap[i] * gap[i];
                    pre++;
                } else {
                    postSs += gap[i] * gap[i];
                    post++;
                }
            }
            return new SynthFit(spec.treatedUnit(), spec.treatmentTime(), donors, w, spec.predictors(), v, rawX1.clone(),
                    synthX, meanX, times, treated, synthetic, gap, fitMspe(w),
                    pre == 0 ? Double.NaN : Math.sqrt(preSs / pre), post == 0 ? Double.NaN : Math.sqrt(postSs / post),
                    dropped);
        }
    }
}
