package org.recworkbench.algo.mf;

import org.recworkbench.algo.IncrementalUser;
import org.recworkbench.algo.UserProfile;

import java.util.Arrays;

/**
 * One user's least-squares solve against fixed item factors, from sums updated per interaction: A = base(n) +
 * Σ_j w_j z_j z_jᵀ and b = Σ_j t_j z_j over the user's items, with z_j the item's features. Each change is a rank-one
 * update of A (O(d²)) and one solve (Cholesky, O(d³/3)); nothing is summed over the user's history again.
 * <ul>
 *     <li>ALS: z = y_j, w = 1, t = r, base = λ·(n or 1)·I;</li>
 *     <li>implicit ALS: z = y_j, w = c − 1, t = c·p, base = YᵀY + λI;</li>
 *     <li>biased MF: z = (1, q_j), w = 1, t = r − μ − b_j, base = n·diag(λ_b, λ, …, λ) — the objective whose
 *     SGD steps train the model (each rating's step regularises once), solved exactly for the user.</li>
 * </ul>
 */
final class LeastSquaresUser implements IncrementalUser {

    /** What each model contributes to the sums. */
    interface Form {
        int dimension();

        /** The item's features into z. */
        void features(int item, double[] z);

        /** w for a value (0 when absent: the value NaN). */
        double weight(double value);

        /** t for a value (0 when absent). */
        double target(int item, double value);

        /** The base matrix for n interactions, row-major d×d. */
        void base(int n, double[] a);

        /** The ranking score of an item from the solved parameters. */
        double score(int item, double[] x);

        int items();
    }

    private final Form form;
    private final int d;
    private final double[] sums;
    private final double[] rhs;
    private final double[] a;
    private final double[] z;
    private final double[] x;
    private final DenseSolver solver;
    private final org.recworkbench.algo.kernel.Kernels kernels = org.recworkbench.algo.kernel.Kernels.best();
    private int n;

    LeastSquaresUser(Form form, UserProfile start) {
        this.form = form;
        this.d = form.dimension();
        this.sums = new double[d * d];
        this.rhs = new double[d];
        this.a = new double[d * d];
        this.z = new double[d];
        this.x = new double[d];
        this.solver = new DenseSolver(d);
        for (int t = 0; t < start.size(); t++) {
            set(start.items()[t], start.values()[t], Double.NaN);
        }
        solve();
    }

    @Override
    public void set(int item, double value, double previous) {
        form.features(item, z);
        double dw = form.weight(value) - form.weight(previous);
        double dt = form.target(item, value) - form.target(item, previous);
        if (dw != 0) {
            // the upper triangle only, one row per feature; solve() mirrors it
            for (int r = 0; r < d; r++) {
                kernels.axpy(dw * z[r], z, r, sums, r * d + r, d - r);
            }
        }
        if (dt != 0) {
            for (int r = 0; r < d; r++) {
                rhs[r] += dt * z[r];
            }
        }
        if (Double.isNaN(previous)) {
            n++;
        }
    }

    @Override
    public void solve() {
        if (n == 0) {
            Arrays.fill(x, 0);
            return;
        }
        form.base(n, a);
        for (int r = 0; r < d; r++) {
            for (int c = r; c < d; c++) {
                a[r * d + c] += sums[r * d + c];
            }
        }
        DenseSolver.mirror(a, d);
        solver.solve(a, rhs, x, 0);
    }

    @Override
    public double[] parameters() {
        return x.clone();
    }

    @Override
    public double[] scores() {
        double[] scores = new double[form.items()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = form.score(i, x);
        }
        return scores;
    }

    /** ALS: the same system as its fold-in and its user half-step. */
    static Form als(Factors items, double lambda, boolean weighted) {
        int k = items.k;
        return new Form() {
            public int dimension() {
                return k;
            }

            public void features(int item, double[] out) {
                System.arraycopy(items.values, item * k, out, 0, k);
            }

            public double weight(double value) {
                return Double.isNaN(value) ? 0 : 1;
            }

            public double target(int item, double value) {
                return Double.isNaN(value) ? 0 : (float) value;
            }

            public void base(int count, double[] out) {
                Arrays.fill(out, 0);
                double reg = lambda * (weighted ? count : 1);
                for (int f = 0; f < k; f++) {
                    out[f * k + f] = reg;
                }
            }

            public double score(int item, double[] x) {
                return dot(x, 0, items, item);
            }

            public int items() {
                return items.rows;
            }
        };
    }

    /** Implicit ALS: the same system as its fold-in (confidence from the value, preference 1 when positive). */
    static Form implicit(Factors items, double[] gram, ImplicitAlsAlgorithm.ImplicitAlsParams params) {
        int k = items.k;
        return new Form() {
            public int dimension() {
                return k;
            }

            public void features(int item, double[] out) {
                System.arraycopy(items.values, item * k, out, 0, k);
            }

            public double weight(double value) {
                return Double.isNaN(value) ? 0 : params.confidence((float) value) - 1;
            }

            public double target(int item, double value) {
                if (Double.isNaN(value)) {
                    return 0;
                }
                float r = (float) value;
                return r > 0 ? params.confidence(r) : 0;
            }

            public void base(int count, double[] out) {
                System.arraycopy(gram, 0, out, 0, k * k);
            }

            public double score(int item, double[] x) {
                return dot(x, 0, items, item);
            }

            public int items() {
                return items.rows;
            }
        };
    }

    /**
     * Biased MF: the user's bias and factors with μ, item biases and item factors fixed. With {@code dampedBias} the
     * bias is penalised λ_b b² once (λ_b pseudo-ratings), otherwise λ_b n b² as by per-rating SGD.
     */
    static Form biased(Factors items, double mu, double[] itemBias, double regBias, boolean dampedBias,
                       double regFactors) {
        int k = items.k;
        // a hair of ridge keeps the system solvable when a regulariser is 0 and the user has few ratings
        double floor = 1e-9;
        return new Form() {
            public int dimension() {
                return k + 1;
            }

            public void features(int item, double[] out) {
                out[0] = 1;
                System.arraycopy(items.values, item * k, out, 1, k);
            }

            public double weight(double value) {
                return Double.isNaN(value) ? 0 : 1;
            }

            public double target(int item, double value) {
                return Double.isNaN(value) ? 0 : value - mu - itemBias[item];
            }

            public void base(int count, double[] out) {
                Arrays.fill(out, 0);
                out[0] = Math.max(floor, dampedBias ? regBias : regBias * count);
                for (int f = 1; f <= k; f++) {
                    out[f * (k + 1) + f] = Math.max(floor, regFactors * count);
                }
            }

            public double score(int item, double[] x) {
                return mu + x[0] + itemBias[item] + dot(x, 1, items, item);
            }

            public int items() {
                return items.rows;
            }
        };
    }

    private static double dot(double[] x, int offset, Factors items, int item) {
        double s = 0;
        int o = item * items.k;
        for (int f = 0; f < items.k; f++) {
            s += x[offset + f] * items.values[o + f];
        }
        return s;
    }
}
