package org.recworkbench.algo.mf;

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
    private double[] extra = new double[64];
    private double[] target = new double[64];
    private int observed;

    private void gather(int start, int n, AlsAlgorithm.Index index, AlsAlgorithm.Value value) {
        if (offsets.length < n) {
            offsets = new int[n];
            extra = new double[n];
            target = new double[n];
        }
        observed = 0;
        for (int p = start; p < start + n; p++) {
            double r = value.at(p);
            double c = params.confidence(r);
            offsets[observed] = index.at(p) * k;
            extra[observed] = c - 1;
            target[observed] = r > 0 ? c : 0;
            observed++;
        }
    }

    /** Σ_f a[ao + f] · b[bo + f] with four partial sums (the JIT does not vectorise floating-point reductions). */
    static double dot(double[] a, int ao, double[] b, int bo, int k) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int f = 0;
        for (; f + 3 < k; f += 4) {
            s0 += a[ao + f] * b[bo + f];
            s1 += a[ao + f + 1] * b[bo + f + 1];
            s2 += a[ao + f + 2] * b[bo + f + 2];
            s3 += a[ao + f + 3] * b[bo + f + 3];
        }
        for (; f < k; f++) {
            s0 += a[ao + f] * b[bo + f];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Fixed factors larger than this (in floats) do not stay in cache: their observed rows are then copied side by
     * side once, so the CG passes read one contiguous block instead of gathering from all over memory.
     */
    static final int COPY_ABOVE = 2 << 20;
    private float[] local = new float[64 * 64];

    private int copyAbove = COPY_ABOVE;

    /** For tests: copy rows whenever the fixed factors are larger than {@code floats}. */
    ImplicitSolver copyingAbove(int floats) {
        copyAbove = floats;
        return this;
    }

    private float[] copyRows(float[] v) {
        if (v.length <= copyAbove) {
            return v;
        }
        if (local.length < observed * k) {
            local = new float[Math.max(observed * k, local.length * 2)];
        }
        for (int t = 0; t < observed; t++) {
            System.arraycopy(v, offsets[t], local, t * k, k);
            offsets[t] = t * k;
        }
        return local;
    }

    /** Single-precision working vectors of the conjugate-gradient solve (as the fixed factors it reads). */
    private float[] gramSingle;
    private double[] gramSource;
    private float[] xs;
    private float[] rs;
    private float[] ds;
    private float[] ps;

    /** Σ_f a[ao + f] · b[f] with eight independent partial sums, so the additions do not wait on each other. */
    private static float dot(float[] a, int ao, float[] b, int k) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int f = 0;
        for (; f + 7 < k; f += 8) {
            s0 += a[ao + f] * b[f];
            s1 += a[ao + f + 1] * b[f + 1];
            s2 += a[ao + f + 2] * b[f + 2];
            s3 += a[ao + f + 3] * b[f + 3];
            s4 += a[ao + f + 4] * b[f + 4];
            s5 += a[ao + f + 5] * b[f + 5];
            s6 += a[ao + f + 6] * b[f + 6];
            s7 += a[ao + f + 7] * b[f + 7];
        }
        for (; f < k; f++) {
            s0 += a[ao + f] * b[f];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * A·d for the gathered row without forming A: G d + Σ (c_j − 1)(y_j · d) y_j, in single precision; with
     * {@code rhs} it also adds b = Σ c_j p_j y_j there in the same pass over the rows.
     */
    private void multiplySingle(float[] d, float[] v, float[] into, float[] rhs) {
        for (int x = 0; x < k; x++) {
            into[x] = dot(gramSingle, x * k, d, k);
        }
        for (int t = 0; t < observed; t++) {
            float c1 = (float) extra[t];
            float cp = rhs == null ? 0 : (float) target[t];
            if (c1 == 0 && cp == 0) {
                continue;
            }
            int o = offsets[t];
            float w = c1 * dot(v, o, d, k);
            for (int f = 0; f < k; f++) {
                into[f] += w * v[o + f];
            }
            if (cp != 0) {
                for (int f = 0; f < k; f++) {
                    rhs[f] += cp * v[o + f];
                }
            }
        }
    }

    private void conjugateGradient(int start, int n, AlsAlgorithm.Index index, AlsAlgorithm.Value value,
                                   float[] fixedSingle, double[] gram, Factors out, int row) {
        gather(start, n, index, value);
        float[] v = copyRows(fixedSingle);
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
        // r = b − A x, b and A x from one pass over the rows
        java.util.Arrays.fill(rs, 0);
        multiplySingle(xs, v, ps, rs);
        double rsOld = 0;
        for (int f = 0; f < k; f++) {
            rs[f] -= ps[f];
            ds[f] = rs[f];
            rsOld += (double) rs[f] * rs[f];
        }
        for (int step = 0; step < params.cgSteps() && rsOld > 1e-20; step++) {
            multiplySingle(ds, v, ps, null);
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
