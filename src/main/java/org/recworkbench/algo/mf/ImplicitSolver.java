package org.recworkbench.algo.mf;

import org.recworkbench.algo.kernel.Kernels;

/**
 * Solves one row of implicit ALS: (G + Σ_{j∈obs} (c_j − 1) y_j y_jᵀ) x = Σ_{j∈obs} c_j p_j y_j with G = YᵀY + λI,
 * exactly (Cholesky, double precision) or by conjugate gradient from the current x in single precision, like the
 * fixed factors it reads. Keeps scratch buffers: one per thread.
 */
final class ImplicitSolver {

    private final ImplicitAlsAlgorithm.ImplicitAlsParams params;
    private final int k;
    private final DenseSolver cholesky;
    private final double[] a;
    private final double[] b;
    private final Kernels kernels = Kernels.best();

    ImplicitSolver(ImplicitAlsAlgorithm.ImplicitAlsParams params, int k) {
        this.params = params;
        this.k = k;
        this.cholesky = new DenseSolver(k);
        this.a = new double[k * k];
        this.b = new double[k];
    }

    /**
     * @param fixedSingle the fixed factors in single precision, read by the conjugate-gradient solver (halves the
     *                    memory traffic of its random row reads); the exact solver reads {@code fixed}
     */
    void solve(int start, int n, AlsAlgorithm.Index index, AlsAlgorithm.Value value, Factors fixed,
               float[] fixedSingle, double[] gram, Factors out, int row) {
        if (params.solver() == ImplicitAlsAlgorithm.Solver.CHOLESKY) {
            exact(start, n, index, value, fixed, gram, out, row);
        } else {
            conjugateGradient(start, n, index, value, fixedSingle, gram, out, row);
        }
    }

    static float[] single(Factors f) {
        float[] s = new float[f.values.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = (float) f.values[k];
        }
        return s;
    }

    /** Builds the system in {@code a} and {@code b}; used by the exact solver and the explanation. */
    void system(int start, int n, AlsAlgorithm.Index index, AlsAlgorithm.Value value, Factors fixed,
                double[] gram) {
        System.arraycopy(gram, 0, a, 0, k * k);
        java.util.Arrays.fill(b, 0);
        double[] v = fixed.values;
        for (int p = start; p < start + n; p++) {
            int o = index.at(p) * k;
            double r = value.at(p);
            double c = params.confidence(r);
            double pref = r > 0 ? 1 : 0;
            // the upper triangle only; gram is already full, so add the symmetric part once and mirror
            if (c != 1) {
                for (int x = 0; x < k; x++) {
                    double w = (c - 1) * v[o + x];
                    int rowStart = x * k;
                    for (int y = x; y < k; y++) {
                        a[rowStart + y] += w * v[o + y];
                    }
                }
            }
            double cp = c * pref;
            if (cp != 0) {
                for (int f = 0; f < k; f++) {
                    b[f] += cp * v[o + f];
                }
            }
        }
        DenseSolver.mirror(a, k);
    }

    double[] matrix() {
        return a;
    }

    double[] rhs() {
        return b;
    }

    private void exact(int start, int n, AlsAlgorithm.Index index, AlsAlgorithm.Value value, Factors fixed,
                       double[] gram, Factors out, int row) {
        system(start, n, index, value, fixed, gram);
        cholesky.solve(a, b, out.values, row * k);
    }

    /** Offsets of the row's observed factor rows, their c − 1 and c·p, gathered once per solve. */
    private int[] offsets = new int[64];
    private float[] extra = new float[64];
    private float[] target = new float[64];
    private float[] weights = new float[64];
    private int observed;

    private void gather(int start, int n, AlsAlgorithm.Index index, AlsAlgorithm.Value value) {
        if (offsets.length < n) {
            int size = Math.max(n, offsets.length * 2);
            offsets = new int[size];
            extra = new float[size];
            target = new float[size];
            weights = new float[size];
        }
        observed = 0;
        for (int p = start; p < start + n; p++) {
            double r = value.at(p);
            double c = params.confidence(r);
            offsets[observed] = index.at(p) * k;
            extra[observed] = (float) (c - 1);
            target[observed] = r > 0 ? (float) c : 0;
            observed++;
        }
    }

    /**
     * The observed rows Yᵤ (n × k), copied side by side once per solve, and their transpose Yᵤᵀ (k × n): the four
     * conjugate-gradient passes and the loss then read two small blocks that stay in cache, and both products,
     * Yᵤ d and Yᵤᵀ w, become sums of scaled rows, which SIMD does without horizontal sums.
     */
    private float[] rows = new float[64 * 64];
    private float[] columns = new float[64 * 64];

    /**
     * Above this many observed rows the two blocks no longer fit in cache and reading both would double the memory
     * traffic: the passes then take each row's dot product and scaled add in one read of the row.
     */
    static final int TRANSPOSE_UP_TO = 512;

    private boolean transposed() {
        return observed <= TRANSPOSE_UP_TO;
    }

    private void copyRows(float[] v) {
        int n = observed;
        if (rows.length < n * k) {
            rows = new float[Math.max(n * k, rows.length * 2)];
            columns = new float[rows.length];
        }
        for (int t = 0; t < n; t++) {
            System.arraycopy(v, offsets[t], rows, t * k, k);
        }
        if (!transposed()) {
            return;
        }
        for (int f = 0; f < k; f++) {
            int o = f * n;
            for (int t = 0, from = f; t < n; t++, from += k) {
                columns[o + t] = rows[from];
            }
        }
    }

    /** Single-precision working vectors of the conjugate-gradient solve (as the fixed factors it reads). */
    private float[] gramSingle;
    private double[] gramSource;
    private float[] xs;
    private float[] rs;
    private float[] ds;
    private float[] ps;

    /**
     * into = A d = G d + Yᵤᵀ (Cᵤ − I) Yᵤ d for the gathered row, without forming A; with {@code minusRhs}, A d − b
     * where b = Yᵤᵀ Cᵤ p(u), in the same pass (each row's weight becomes (c − 1) y·d − c p).
     */
    private void multiply(float[] d, float[] into, boolean minusRhs) {
        int n = observed;
        java.util.Arrays.fill(into, 0, k, 0f);
        kernels.addTransposedTimes(gramSingle, k, k, d, into);
        if (transposed()) {
            products(d);
            for (int t = 0; t < n; t++) {
                weights[t] = weights[t] * extra[t] - (minusRhs ? target[t] : 0);
            }
            kernels.addTransposedTimes(rows, n, k, weights, into);
        } else {
            int t = 0;
            for (; t + 1 < n; t += 2) {
                kernels.dotThenAxpy2(rows, t * k, t * k + k, d, extra[t], minusRhs ? -target[t] : 0, extra[t + 1],
                        minusRhs ? -target[t + 1] : 0, into, k);
            }
            if (t < n) {
                kernels.dotThenAxpy(rows, t * k, d, extra[t], minusRhs ? -target[t] : 0, into, k);
            }
        }
    }

    /** weights[t] = y_t · x for the gathered rows. */
    private void products(float[] x) {
        int n = observed;
        if (transposed()) {
            java.util.Arrays.fill(weights, 0, n, 0f);
            kernels.addTransposedTimes(columns, k, n, x, weights);
        } else {
            for (int t = 0; t < n; t++) {
                weights[t] = kernels.dot(rows, t * k, x, 0, k);
            }
        }
    }

    /**
     * The last conjugate-gradient solve's part of the implicit-ALS objective, from the blocks it already holds in
     * cache: x (YᵀY) x + Σ_j [c_j (p_j − x·y_j)² − (x·y_j)²], i.e. Σ over all the row's cells of c (p − x·y)².
     * The caller adds λ(‖X‖² + ‖Y‖²); {@link ImplicitAlsAlgorithm#loss} is the reference it must match.
     */
    double lastDataLoss(double lambda) {
        int n = observed;
        java.util.Arrays.fill(ps, 0, k, 0f);
        kernels.addTransposedTimes(gramSingle, k, k, xs, ps);
        double total = kernels.dot(xs, 0, ps, 0, k) - lambda * kernels.dot(xs, 0, xs, 0, k);
        products(xs);
        for (int t = 0; t < n; t++) {
            double dot = weights[t];
            double pref = target[t] != 0 ? 1 : 0;
            double c = extra[t] + 1.0;
            total += c * (pref - dot) * (pref - dot) - dot * dot;
        }
        return total;
    }

    private void conjugateGradient(int start, int n, AlsAlgorithm.Index index, AlsAlgorithm.Value value,
                                   float[] fixedSingle, double[] gram, Factors out, int row) {
        gather(start, n, index, value);
        copyRows(fixedSingle);
        if (xs == null) {
            xs = new float[k];
            rs = new float[k];
            ds = new float[k];
            ps = new float[k];
        }
        if (gram != gramSource) {
            gramSingle = new float[gram.length];
            for (int e = 0; e < gram.length; e++) {
                gramSingle[e] = (float) gram[e];
            }
            gramSource = gram;
        }
        for (int f = 0; f < k; f++) {
            xs[f] = (float) out.values[row * k + f];
        }
        // r = b − A x
        multiply(xs, ps, true);
        double rsOld = 0;
        for (int f = 0; f < k; f++) {
            rs[f] = -ps[f];
            ds[f] = rs[f];
            rsOld += (double) rs[f] * rs[f];
        }
        for (int step = 0; step < params.cgSteps() && rsOld > 1e-20; step++) {
            multiply(ds, ps, false);
            double pAp = 0;
            for (int f = 0; f < k; f++) {
                pAp += (double) ds[f] * ps[f];
            }
            float alpha = (float) (rsOld / pAp);
            double rsNew = 0;
            for (int f = 0; f < k; f++) {
                xs[f] += alpha * ds[f];
                rs[f] -= alpha * ps[f];
                rsNew += (double) rs[f] * rs[f];
            }
            float beta = (float) (rsNew / rsOld);
            for (int f = 0; f < k; f++) {
                ds[f] = rs[f] + beta * ds[f];
            }
            rsOld = rsNew;
        }
        for (int f = 0; f < k; f++) {
            out.values[row * k + f] = xs[f];
        }
    }
}
