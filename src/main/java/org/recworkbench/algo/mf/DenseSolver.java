package org.recworkbench.algo.mf;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.recworkbench.algo.kernel.Kernels;

/**
 * Small symmetric positive-definite solves A x = b by Cholesky (EJML), one instance per thread of work: it keeps
 * its decomposition buffers between calls.
 */
final class DenseSolver {

    private final int k;
    private final LinearSolverDense<DMatrixRMaj> cholesky;
    private final DMatrixRMaj a;
    private final DMatrixRMaj b;
    private final DMatrixRMaj x;

    DenseSolver(int k) {
        this.k = k;
        this.cholesky = LinearSolverFactory_DDRM.chol(k);
        this.a = new DMatrixRMaj(k, k);
        this.b = new DMatrixRMaj(k, 1);
        this.x = new DMatrixRMaj(k, 1);
    }

    /**
     * Solves with A given row-major (only read) and b; writes x into {@code out} at {@code offset}.
     *
     * @throws IllegalStateException when A is not positive definite
     */
    void solve(double[] matrix, double[] rhs, double[] out, int offset) {
        System.arraycopy(matrix, 0, a.data, 0, k * k);
        System.arraycopy(rhs, 0, b.data, 0, k);
        if (!cholesky.setA(a)) {
            throw new IllegalStateException("the normal equations are not positive definite; increase λ");
        }
        cholesky.solve(b, x);
        System.arraycopy(x.data, 0, out, offset, k);
    }

    /** YᵀY over all rows of Y, plus λ on the diagonal. */
    static double[] gram(Factors y, double lambda) {
        int k = y.k;
        double[] g = new double[k * k];
        double[] v = y.values;
        Kernels kernels = Kernels.best();
        for (int row = 0, o = 0; row < y.rows; row++, o += k) {
            // the upper triangle, one row of it per factor
            for (int a = 0; a < k; a++) {
                kernels.axpy(v[o + a], v, o + a, g, a * k + a, k - a);
            }
        }
        mirror(g, k);
        for (int f = 0; f < k; f++) {
            g[f * k + f] += lambda;
        }
        return g;
    }

    /** Adds w · v vᵀ to the upper triangle of g (v = values[offset … offset + k)). */
    static void addOuter(double[] g, double[] values, int offset, int k, double w) {
        for (int a = 0; a < k; a++) {
            double va = w * values[offset + a];
            int rowStart = a * k;
            for (int b = a; b < k; b++) {
                g[rowStart + b] += va * values[offset + b];
            }
        }
    }

    /**
     * Adds Σ_t v_t v_tᵀ over the rows at {@code offsets[0 … count)} to the upper triangle of g, four rows per pass
     * so each entry of g is loaded and stored a quarter as often.
     */
    static void addOuters(double[] g, double[] values, int[] offsets, int count, int k) {
        int t = 0;
        for (; t + 3 < count; t += 4) {
            int o0 = offsets[t];
            int o1 = offsets[t + 1];
            int o2 = offsets[t + 2];
            int o3 = offsets[t + 3];
            for (int a = 0; a < k; a++) {
                double x0 = values[o0 + a];
                double x1 = values[o1 + a];
                double x2 = values[o2 + a];
                double x3 = values[o3 + a];
                int rowStart = a * k;
                for (int b = a; b < k; b++) {
                    g[rowStart + b] += x0 * values[o0 + b] + x1 * values[o1 + b] + x2 * values[o2 + b]
                            + x3 * values[o3 + b];
                }
            }
        }
        for (; t < count; t++) {
            addOuter(g, values, offsets[t], k, 1);
        }
    }

    /** Copies the upper triangle onto the lower one. */
    static void mirror(double[] g, int k) {
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                g[b * k + a] = g[a * k + b];
            }
        }
    }
}
