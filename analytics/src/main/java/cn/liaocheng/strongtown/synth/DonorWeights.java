package cn.liaocheng.strongtown.synth;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * The inner problem of synthetic control: donor weights W ≥ 0 with ΣW = 1 minimising
 * (X1 − X0·W)ᵀ·V·(X1 − X0·W) for a given diagonal V.
 *
 * <p>{@link #solve} uses an exact primal active-set method (Lawson–Hanson's NNLS scheme with the sum-to-one
 * constraint in its KKT system). Why not only the general QP solver: the nested search calls this 10⁴–10⁶ times
 * (every placebo of every designated town), ojAlgo's {@code ConvexSolver} needs about a millisecond per call
 * already for 17 donors, while the active set here never holds more than a few donors more than there are
 * predictors, so each call is a handful of k×k solves. {@link #solveQp} (ojAlgo) is the reference: the tests
 * check the two agree, and {@link #solve} falls back to it should the active set not settle.
 */
final class DonorWeights {

    private DonorWeights() {
    }

    /**
     * @param x1 the treated unit's scaled predictors (k)
     * @param x0 the donors' scaled predictors, {@code x0[predictor][donor]} (k × J)
     * @param v  diagonal predictor weights (k, non-negative)
     */
    static double[] solve(double[] x1, double[][] x0, double[] v) {
        double[] w = ActiveSet.solve(x1, x0, v);
        return w != null ? w : solveQp(x1, x0, v);
    }

    /** The same programme through ojAlgo's convex QP solver. */
    static double[] solveQp(double[] x1, double[][] x0, double[] v) {
        int k = x1.length;
        int donors = x0[0].length;
        if (donors == 1) {
            return new double[] {1.0};
        }
        // ojAlgo minimises ½·wᵀQw − Cᵀw: Q = 2·X0ᵀVX0, C = 2·X0ᵀVX1.
        R064Store q = R064Store.FACTORY.make(donors, donors);
        R064Store c = R064Store.FACTORY.make(donors, 1);
        double trace = 0;
        for (int i = 0; i < donors; i++) {
            double ci = 0;
            for (int p = 0; p < k; p++) {
                ci += x0[p][i] * v[p] * x1[p];
            }
            c.set(i, 0, 2 * ci);
            for (int j = i; j < donors; j++) {
                double qij = 0;
                for (int p = 0; p < k; p++) {
                    qij += x0[p][i] * v[p] * x0[p][j];
                }
                q.set(i, j, 2 * qij);
                q.set(j, i, 2 * qij);
            }
            trace += q.get(i, i);
        }
        // With fewer predictors than donors Q is only semi-definite; a ridge far below the data's scale keeps
        // the solver's factorisations stable without moving the optimum measurably.
        double ridge = Math.max(trace / donors, 1e-12) * 1e-9;
        for (int i = 0; i < donors; i++) {
            q.add(i, i, ridge);
        }
        R064Store ones = R064Store.FACTORY.make(1, donors);
        ones.fillAll(1.0);
        R064Store one = R064Store.FACTORY.make(1, 1);
        one.set(0, 0, 1.0);
        R064Store negIdentity = R064Store.FACTORY.make(donors, donors);
        for (int i = 0; i < donors; i++) {
            negIdentity.set(i, i, -1.0);
        }
        R064Store zeros = R064Store.FACTORY.make(donors, 1);
        Optimisation.Result result = ConvexSolver.newBuilder().objective(q, c).equalities(ones, one)
                .inequalities(negIdentity, zeros).build().solve();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("donor-weight programme not solved: " + result.getState());
        }
        double[] w = new double[donors];
        double sum = 0;
        for (int i = 0; i < donors; i++) {
            w[i] = Math.max(0.0, result.doubleValue(i));
            sum += w[i];
        }
        for (int i = 0; i < donors; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** Primal active set on the simplex; returns null if it does not settle within its iteration bound. */
    static final class ActiveSet {
        private static final double TOLERANCE = 1e-12;

        private ActiveSet() {
        }

        static double[] solve(double[] x1, double[][] x0, double[] v) {
            int k = x1.length;
            int donors = x0[0].length;
            // a = √V·X0 (k × J), b = √V·X1: the loss is |a·w − b|²
            double[][] a = new double[k][donors];
            double[] b = new double[k];
            for (int p = 0; p < k; p++) {
                double s = Math.sqrt(v[p]);
                b[p] = s * x1[p];
                for (int d = 0; d < donors; d++) {
                    a[p][d] = s * x0[p][d];
                }
            }
            double scale = 0;
            for (int p = 0; p < k; p++) {
                for (int d = 0; d < donors; d++) {
                    scale = Math.max(scale, a[p][d] * a[p][d]);
                }
                scale = Math.max(scale, b[p] * b[p]);
            }
            double tol = TOLERANCE * Math.max(scale, 1e-300);
            // start at the best single donor (a vertex of the simplex)
            double[] w = new double[donors];
            int first = 0;
            double firstLoss = Double.POSITIVE_INFINITY;
            for (int d = 0; d < donors; d++) {
                double loss = 0;
                for (int p = 0; p < k; p++) {
                    loss += (a[p][d] - b[p]) * (a[p][d] - b[p]);
                }
                if (loss < firstLoss) {
                    firstLoss = loss;
                    first = d;
                }
            }
            w[first] = 1.0;
            boolean[] passive = new boolean[donors];
            passive[first] = true;
            for (int iteration = 0; iteration < 20 * donors + 100; iteration++) {
                double[] gradient = gradient(a, b, w);
                double lambda = 0;
                int n = 0;
                for (int d = 0; d < donors; d++) {
                    if (passive[d]) {
                        lambda += gradient[d];
                        n++;
                    }
                }
                lambda /= n;
                int enter = -1;
                double most = -tol * 10;
                for (int d = 0; d < donors; d++) {
                    if (!passive[d] && gradient[d] - lambda < most) {
                        most = gradient[d] - lambda;
                        enter = d;
                    }
                }
                if (enter < 0) {
                    return w;
                }
                passive[enter] = true;
                // inner loop: move towards the equality-constrained optimum on the passive set, dropping donors
                // that reach zero on the way
                for (int inner = 0; inner <= donors; inner++) {
                    double[] z = equalityOptimum(a, b, passive);
                    if (z == null) {
                        return null;
                    }
                    double step = 1.0;
                    for (int d = 0; d < donors; d++) {
                        if (passive[d] && z[d] <= 0) {
                            double denominator = w[d] - z[d];
                            step = Math.min(step, denominator > 0 ? w[d] / denominator : 0);
                        }
                    }
                    for (int d = 0; d < donors; d++) {
                        if (passive[d]) {
                            w[d] += step * (z[d] - w[d]);
                        }
                    }
                    if (step >= 1.0) {
                        break;
                    }
                    double sum = 0;
                    for (int d = 0; d < donors; d++) {
                        if (passive[d] && w[d] <= 1e-15) {
                            passive[d] = false;
                            w[d] = 0;
                        }
                        sum += w[d];
                    }
                    for (int d = 0; d < donors; d++) {
                        w[d] /= sum;
                    }
                }
            }
            return null;
        }

        private static double[] gradient(double[][] a, double[] b, double[] w) {
            int k = b.length;
            int donors = w.length;
            double[] residual = new double[k];
            for (int p = 0; p < k; p++) {
                double r = -b[p];
                for (int d = 0; d < donors; d++) {
                    if (w[d] != 0) {
                        r += a[p][d] * w[d];
                    }
                }
                residual[p] = r;
            }
            double[] g = new double[donors];
            for (int d = 0; d < donors; d++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[p][d] * residual[p];
                }
                g[d] = 2 * s;
            }
            return g;
        }

        /** min |a_P·z − b|² subject to Σz = 1 over the passive donors, from its KKT system (Commons Math LU). */
        private static double[] equalityOptimum(double[][] a, double[] b, boolean[] passive) {
            int donors = passive.length;
            int[] index = new int[donors];
            int m = 0;
            for (int d = 0; d < donors; d++) {
                if (passive[d]) {
                    index[m++] = d;
                }
            }
            double[][] kkt = new double[m + 1][m + 1];
            double[] rhs = new double[m + 1];
            double trace = 0;
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double s = 0;
                    for (int p = 0; p < b.length; p++) {
                        s += a[p][index[i]] * a[p][index[j]];
                    }
                    kkt[i][j] = 2 * s;
                    kkt[j][i] = 2 * s;
                }
                trace += kkt[i][i];
                double s = 0;
                for (int p = 0; p < b.length; p++) {
                    s += a[p][index[i]] * b[p];
                }
                rhs[i] = 2 * s;
                kkt[i][m] = 1;
                kkt[m][i] = 1;
            }
            rhs[m] = 1;
            // more passive donors than predictors make the Gram block singular: a tiny ridge picks the
            // minimum-norm optimum among equals
            double ridge = Math.max(trace / Math.max(m, 1), 1e-300) * 1e-10;
            for (int i = 0; i < m; i++) {
                kkt[i][i] += ridge;
            }
            org.apache.commons.math3.linear.DecompositionSolver solver = new org.apache.commons.math3.linear.LUDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(kkt, false), 1e-300).getSolver();
            if (!solver.isNonSingular()) {
                return null;
            }
            double[] solution = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(rhs, false)).toArray();
            double[] z = new double[donors];
            for (int i = 0; i < m; i++) {
                z[index[i]] = solution[i];
            }
            return z;
        }
    }
}
