package org.recworkbench.algo.mf;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/**
 * The best rank-K factorisation R ≈ U V of a small dense matrix in the unregularised squared error, by the
 * truncated SVD (Eckart–Young): U = U_K Σ_K (m × K), V = V_Kᵀ (K × n), and the least error is Σ_{s>K} σ_s². The
 * reference point for what a matrix-factorisation objective can reach at best. Immutable.
 */
public final class LowRankApproximation {

    private final double[] singularValues;
    private final double[][] userFactors;
    private final double[][] itemFactors;

    private LowRankApproximation(double[] singularValues, double[][] userFactors, double[][] itemFactors) {
        this.singularValues = singularValues;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
    }

    /** The truncated SVD of r at the given rank, recording the singular values and the Eckart–Young error. */
    public static LowRankApproximation best(double[][] r, int rank, Derivation.Builder trace) {
        int m = r.length;
        int n = m == 0 ? 0 : r[0].length;
        if (rank < 1 || rank > Math.min(m, n)) {
            throw new InvalidInputException("The rank must be between 1 and min(rows, columns) = "
                    + Math.min(m, n) + "; got " + rank);
        }
        DMatrixRMaj a = new DMatrixRMaj(r);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(a)) {
            throw new IllegalStateException("the SVD did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] sigma = new double[Math.min(w.numRows, w.numCols)];
        for (int s = 0; s < sigma.length; s++) {
            sigma[s] = w.get(s, s);
        }
        double[][] userFactors = new double[m][rank];
        double[][] itemFactors = new double[rank][n];
        for (int k = 0; k < rank; k++) {
            for (int i = 0; i < m; i++) {
                userFactors[i][k] = u.get(i, k) * sigma[k];
            }
            for (int j = 0; j < n; j++) {
                itemFactors[k][j] = v.get(j, k);
            }
        }
        LowRankApproximation best = new LowRankApproximation(sigma, userFactors, itemFactors);
        if (trace.recording()) {
            trace.step(Words.phrase("lowrank.singularValues"), "\\sigma_1 \\geq \\sigma_2 \\geq \\ldots",
                    Latex.list(sigma.length, s -> Latex.num(sigma[s])), Double.NaN);
            trace.step(Words.phrase("lowrank.leastError", String.valueOf(rank)),
                    "\\min_{U,V} J = \\sum_{s > " + rank + "} \\sigma_s^2",
                    Latex.sum(sigma.length - rank, s -> Latex.num(sigma[s + rank]) + "^2"), best.leastError(rank));
        }
        return best;
    }

    /** Σ_{s>K} σ_s² for K = the rank of the factors. */
    private double leastError(int rank) {
        double s = 0;
        for (int k = rank; k < singularValues.length; k++) {
            s += singularValues[k] * singularValues[k];
        }
        return s;
    }

    /** The least squared error any rank-K factorisation can reach: Σ_{s>K} σ_s². */
    public double leastError() {
        return leastError(itemFactors.length);
    }

    public double[] singularValues() {
        return singularValues.clone();
    }

    /** U = U_K Σ_K, one row per row of R. */
    public double[][] userFactors() {
        return copy(userFactors);
    }

    /** V = V_Kᵀ, one column per column of R. */
    public double[][] itemFactors() {
        return copy(itemFactors);
    }

    /**
     * The unregularised objective J(U, V) = Σ_{i=1..m} Σ_{j=1..n} (R_ij − Σ_k U_ik V_kj)², every row and column of
     * R included.
     */
    public static double squaredError(double[][] r, double[][] u, double[][] v, Derivation.Builder trace) {
        int m = r.length;
        int n = r[0].length;
        int rank = v.length;
        if (u.length != m || v[0].length != n || u[0].length != rank) {
            throw new InvalidInputException("U must be " + m + "×K and V K×" + n + " for a " + m + "×" + n
                    + " matrix");
        }
        double[] rowErrors = new double[m];
        double total = 0;
        for (int i = 0; i < m; i++) {
            double rowError = 0;
            for (int j = 0; j < n; j++) {
                double predicted = 0;
                for (int k = 0; k < rank; k++) {
                    predicted += u[i][k] * v[k][j];
                }
                double e = r[i][j] - predicted;
                rowError += e * e;
            }
            rowErrors[i] = rowError;
            total += rowError;
        }
        if (trace.recording()) {
            trace.step(Words.phrase("lowrank.objective", String.valueOf(m), String.valueOf(n)),
                    "J = \\sum_{i=1}^{" + m + "} \\sum_{j=1}^{" + n + "} (R_{ij} - \\sum_{k=1}^{" + rank
                            + "} U_{ik} V_{kj})^2",
                    Latex.sum(m, i -> Latex.num(rowErrors[i])), total);
        }
        return total;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
