package org.recworkbench.algo.mf;

import org.recworkbench.job.Cancellation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The K largest singular triplets of a sparse matrix X (CSR), X ≈ U Σ Vᵀ, by block subspace iteration with
 * Rayleigh–Ritz on the Gram matrix of the smaller side: with d = min(rows, cols) and A = X Xᵀ (or Xᵀ X), a block Q of
 * L = K + oversampling orthonormal columns is replaced each iteration by orth(A Q W), W the eigenvectors of the small
 * L × L matrix Qᵀ A Q (cyclic Jacobi); the Ritz values converge to σ_k² at the rate (σ_{L+1}/σ_k)² per iteration. The
 * products A Q = X (Xᵀ Q) touch only the non-zeros. The other side's vectors follow as v_k = Xᵀ u_k / σ_k (u_k =
 * X v_k / σ_k). When L = d the block spans the whole space and the first Rayleigh–Ritz step is exact.
 */
final class TruncatedSvd {

    /** Iterations at most. */
    static final int MAX_ITERATIONS = 300;
    /** Stop when no Ritz value among the first K moved by more than this times the largest. */
    static final double TOLERANCE = 1e-10;
    /** An eigenvalue of the Gram matrix below this times the largest is rounding: σ = 0, and v (or u) = 0. */
    static final double ZERO = 1e-13;

    /**
     * @param u     rows × k, row-major, orthonormal columns
     * @param sigma k singular values, largest first
     * @param v     cols × k, row-major, orthonormal columns (a column is 0 where σ = 0)
     */
    record Result(int k, double[] u, double[] sigma, double[] v, int iterations) {
    }

    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] colIndex;
    private final double[] values;

    /** X given by rows: the entries of row r are at rowStart[r] … rowStart[r + 1] − 1. */
    TruncatedSvd(int rows, int cols, int[] rowStart, int[] colIndex, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.colIndex = colIndex;
        this.values = values;
    }

    /** out (rows × w) = X · y (cols × w), both row-major. */
    private void times(double[] y, int w, double[] out) {
        Arrays.fill(out, 0, rows * w, 0);
        for (int r = 0; r < rows; r++) {
            int o = r * w;
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                double x = values[p];
                int c = colIndex[p] * w;
                for (int j = 0; j < w; j++) {
                    out[o + j] += x * y[c + j];
                }
            }
        }
    }

    /** out (cols × w) = Xᵀ · q (rows × w), both row-major. */
    private void transposeTimes(double[] q, int w, double[] out) {
        Arrays.fill(out, 0, cols * w, 0);
        for (int r = 0; r < rows; r++) {
            int o = r * w;
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                double x = values[p];
                int c = colIndex[p] * w;
                for (int j = 0; j < w; j++) {
                    out[c + j] += x * q[o + j];
                }
            }
        }
    }

    /** The k largest triplets (k is capped at min(rows, cols)). */
    Result top(int k, long seed, Cancellation cancellation) {
        boolean byRows = rows <= cols;
        int d = Math.min(rows, cols);
        int e = Math.max(rows, cols);
        int kk = Math.min(k, d);
        if (kk <= 0) {
            return new Result(0, new double[0], new double[0], new double[0], 0);
        }
        int l = Math.min(d, kk + 10 + kk / 4);
        SplittableRandom random = new SplittableRandom(seed);
        double[] q = new double[d * l];
        for (int n = 0; n < q.length; n++) {
            q[n] = random.nextGaussian();
        }
        orthonormalise(q, d, l, random);
        double[] half = new double[e * l];
        double[] z = new double[d * l];
        double[] t = new double[l * l];
        double[] w = new double[l * l];
        double[] lambda = new double[l];
        double[] previous = new double[l];
        Arrays.fill(previous, Double.NaN);
        int iterations = 0;
        while (true) {
            cancellation.throwIfCancelled();
            // z = A q
            if (byRows) {
                transposeTimes(q, l, half);
                times(half, l, z);
            } else {
                times(q, l, half);
                transposeTimes(half, l, z);
            }
            // t = qᵀ z, symmetric: the upper triangle, mirrored
            Arrays.fill(t, 0);
            for (int r = 0; r < d; r++) {
                int o = r * l;
                for (int a = 0; a < l; a++) {
                    double qa = q[o + a];
                    for (int b = a; b < l; b++) {
                        t[a * l + b] += qa * z[o + b];
                    }
                }
            }
            for (int a = 0; a < l; a++) {
                for (int b = a + 1; b < l; b++) {
                    t[b * l + a] = t[a * l + b];
                }
            }
            symmetricEigen(t, l, lambda, w);
            iterations++;
            boolean converged = l == d;
            if (!converged) {
                converged = true;
                double scale = Math.max(Math.abs(lambda[0]), Double.MIN_NORMAL);
                for (int j = 0; j < kk; j++) {
                    if (!(Math.abs(lambda[j] - previous[j]) <= TOLERANCE * scale)) {
                        converged = false;
                        break;
                    }
                }
            }
            if (converged || iterations >= MAX_ITERATIONS) {
                // the Ritz vectors q W: the leading side's singular vectors
                double[] lead = new double[d * kk];
                multiplyRight(q, d, l, w, kk, lead);
                double[] sigma = new double[kk];
                for (int j = 0; j < kk; j++) {
                    // below the rounding of the Gram matrix σ² is noise: such a triplet counts as σ = 0
                    sigma[j] = lambda[j] > ZERO * lambda[0] ? Math.sqrt(lambda[j]) : 0;
                }
                double[] other = new double[e * kk];
                if (byRows) {
                    transposeTimes(lead, kk, other);
                } else {
                    times(lead, kk, other);
                }
                for (int j = 0; j < kk; j++) {
                    double norm = 0;
                    for (int r = 0; r < e; r++) {
                        norm += other[r * kk + j] * other[r * kk + j];
                    }
                    norm = Math.sqrt(norm);
                    // ‖Xᵀu‖ = σ; dividing by the norm keeps the vector unit even where σ² lost digits
                    double scale = norm > 0 && sigma[j] > 0 ? 1 / norm : 0;
                    for (int r = 0; r < e; r++) {
                        other[r * kk + j] *= scale;
                    }
                }
                return byRows ? new Result(kk, lead, sigma, other, iterations)
                        : new Result(kk, other, sigma, lead, iterations);
            }
            System.arraycopy(lambda, 0, previous, 0, l);
            multiplyRight(z, d, l, w, l, q);
            orthonormalise(q, d, l, random);
        }
    }

    /** out (n × c) = m (n × l) · w[:, 0..c) with w l × l row-major. */
    private static void multiplyRight(double[] m, int n, int l, double[] w, int c, double[] out) {
        for (int r = 0; r < n; r++) {
            int o = r * l;
            int p = r * c;
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int a = 0; a < l; a++) {
                    s += m[o + a] * w[a * l + j];
                }
                out[p + j] = s;
            }
        }
    }

    /**
     * Orthonormalises the l columns of the row-major n × l matrix in place by modified Gram–Schmidt, twice ("twice is
     * enough"); a column that vanishes (rank deficiency) is replaced by a random one.
     */
    static void orthonormalise(double[] m, int n, int l, SplittableRandom random) {
        double[] cols = new double[n * l];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < l; j++) {
                cols[j * n + r] = m[r * l + j];
            }
        }
        for (int j = 0; j < l; j++) {
            int cj = j * n;
            double before = norm(cols, cj, n);
            for (int attempt = 0; ; attempt++) {
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < j; i++) {
                        int ci = i * n;
                        double s = 0;
                        for (int r = 0; r < n; r++) {
                            s += cols[ci + r] * cols[cj + r];
                        }
                        for (int r = 0; r < n; r++) {
                            cols[cj + r] -= s * cols[ci + r];
                        }
                    }
                }
                double after = norm(cols, cj, n);
                if (after > 1e-10 * before && after > 1e-300) {
                    for (int r = 0; r < n; r++) {
                        cols[cj + r] /= after;
                    }
                    break;
                }
                if (attempt > 5) {
                    throw new IllegalStateException("cannot extend an orthonormal basis of dimension " + n);
                }
                for (int r = 0; r < n; r++) {
                    cols[cj + r] = random.nextGaussian();
                }
                before = norm(cols, cj, n);
            }
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < l; j++) {
                m[r * l + j] = cols[j * n + r];
            }
        }
    }

    private static double norm(double[] a, int offset, int n) {
        double s = 0;
        for (int r = 0; r < n; r++) {
            s += a[offset + r] * a[offset + r];
        }
        return Math.sqrt(s);
    }

    /**
     * Eigenvalues (descending) and eigenvectors (columns of {@code vectors}, row-major n × n) of a symmetric n × n
     * matrix by cyclic Jacobi rotations; {@code a} is destroyed.
     */
    static void symmetricEigen(double[] a, int n, double[] eigenvalues, double[] vectors) {
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double diag = 0;
            for (int p = 0; p < n; p++) {
                diag += a[p * n + p] * a[p * n + p];
                for (int q = p + 1; q < n; q++) {
                    off += a[p * n + q] * a[p * n + q];
                }
            }
            if (off <= 1e-30 * diag || off == 0) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (apq == 0) {
                        continue;
                    }
                    double app = a[p * n + p];
                    double aqq = a[q * n + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k * n + p];
                        double akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p * n + k];
                        double aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p];
                        double vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = a[i * n + i];
        }
        Arrays.sort(order, (x, y) -> Double.compare(diagonal[y], diagonal[x]));
        for (int j = 0; j < n; j++) {
            int from = order[j];
            eigenvalues[j] = diagonal[from];
            for (int k = 0; k < n; k++) {
                vectors[k * n + j] = v[k * n + from];
            }
        }
    }
}
