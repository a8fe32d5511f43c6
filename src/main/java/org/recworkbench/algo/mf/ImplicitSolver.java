package org.recworkbench.algo.mf;

/**
 * Solves one row of implicit ALS: (G + Σ_{j∈obs} (c_j − 1) y_j y_jᵀ) x = Σ_{j∈obs} c_j p_j y_j with G = YᵀY + λI,
 * exactly (Cholesky) or by conjugate gradient started from the current x. Keeps scratch buffers: one per thread.
 */
final class ImplicitSolver {

    private final ImplicitAlsAlgorithm.ImplicitAlsParams params;
    private final int k;
    private final DenseSolver cholesky;
    private final double[] a;
    private final double[] b;
    private final double[] residual;
    private final double[] direction;
    private final double[] product;

    ImplicitSolver(ImplicitAlsAlgorithm.ImplicitAlsParams params, int k) {
        this.params = params;
        this.k = k;
        this.cholesky = new DenseSolver(k);
        this.a = new double[k * k];
        this.b = new double[k];
        this.residual = new double[k];
        this.direction = new double[k];
        this.product = new double[k];
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

    /** Σ_f a[ao + f] · b[f] over single-precision a, with four partial sums. */
    static double dot(float[] a, int ao, double[] b, int k) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int f = 0;
        for (; f + 3 < k; f += 4) {
            s0 += a[ao + f] * b[f];
            s1 += a[ao + f + 1] * b[f + 1];
            s2 += a[ao + f + 2] * b[f + 2];
            s3 += a[ao + f + 3] * b[f + 3];
        }
        for (; f < k; f++) {
            s0 += a[ao + f] * b[f];
        }
        return (s0 + s1) + (s2 + s3);
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
     * A·d for the gathered row without forming A: G d + Σ (c_j − 1)(y_j · d) y_j; with {@code rhs} also subtracts
     * it from b = Σ c_j p_j y_j in the same pass over the rows, leaving b − A d there.
     */
    private void multiply(double[] d, float[] v, double[] gram, double[] into, double[] rhs) {
        for (int x = 0; x < k; x++) {
            into[x] = dot(gram, x * k, d, 0, k);
        }
        for (int t = 0; t < observed; t++) {
            double c1 = extra[t];
            double cp = rhs == null ? 0 : target[t];
            if (c1 == 0 && cp == 0) {
                continue;
            }
            int o = offsets[t];
            double w = c1 * dot(v, o, d, k);
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

    private void conjugateGradient(int start, int n, AlsAlgorithm.Index index, AlsAlgorithm.Value value,
                                   float[] fixedSingle, double[] gram, Factors out, int row) {
        gather(start, n, index, value);
        float[] v = copyRows(fixedSingle);
        double[] x = new double[k];
        System.arraycopy(out.values, row * k, x, 0, k);
        // r = b − A x, b and A x from one pass over the rows
        java.util.Arrays.fill(residual, 0);
        multiply(x, v, gram, product, residual);
        double rsOld = 0;
        for (int f = 0; f < k; f++) {
            residual[f] -= product[f];
            direction[f] = residual[f];
            rsOld += residual[f] * residual[f];
        }
        for (int step = 0; step < params.cgSteps() && rsOld > 1e-20; step++) {
            multiply(direction, v, gram, product, null);
            double alpha = rsOld / dot(direction, 0, product, 0, k);
            double rsNew = 0;
            for (int f = 0; f < k; f++) {
                x[f] += alpha * direction[f];
                residual[f] -= alpha * product[f];
                rsNew += residual[f] * residual[f];
            }
            double beta = rsNew / rsOld;
            for (int f = 0; f < k; f++) {
                direction[f] = residual[f] + beta * direction[f];
            }
            rsOld = rsNew;
        }
        System.arraycopy(x, 0, out.values, row * k, k);
    }
}
