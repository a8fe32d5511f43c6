package org.recworkbench.algo.kernel;

/**
 * The inner loops of the factor models: dot products and a·x + y over slices of primitive arrays. Two
 * implementations give the same results up to rounding: {@link ScalarKernels} in plain Java, and one on the JDK's
 * incubating Vector API (SIMD), used when the JVM was started with {@code --add-modules jdk.incubator.vector}
 * (about three times faster here, as HotSpot does not vectorise floating-point reductions by itself).
 */
public interface Kernels {

    /** Σ_f a[ao + f] · b[bo + f] for f in [0, k). */
    float dot(float[] a, int ao, float[] b, int bo, int k);

    /** Σ_f a[ao + f] · b[bo + f] for f in [0, k). */
    double dot(double[] a, int ao, double[] b, int bo, int k);

    /** y[yo + f] += w · x[xo + f] for f in [0, k). */
    void axpy(float w, float[] x, int xo, float[] y, int yo, int k);

    /** y[yo + f] += w · x[xo + f] for f in [0, k). */
    void axpy(double w, double[] x, int xo, double[] y, int yo, int k);

    /**
     * y[0, cols) += Mᵀ x for a rows × cols row-major M, i.e. y += Σ_r x[r] · M[r, ·]: a sum of scaled rows, with
     * no horizontal sums (so it also computes M x for a symmetric M, or the dot products of a row block held
     * transposed).
     */
    void addTransposedTimes(float[] m, int rows, int cols, float[] x, float[] y);

    /** The conjugate-gradient row update: s = v[vo, vo + k) · d, then y += (c·s + b)·v; returns s. */
    float dotThenAxpy(float[] v, int vo, float[] d, float c, float b, float[] y, int k);

    /** Two rows' {@link #dotThenAxpy} at once, so the two reductions overlap and y is read and written once. */
    void dotThenAxpy2(float[] v, int vo1, int vo2, float[] d, float c1, float b1, float c2, float b2, float[] y,
                      int k);

    /** A short name for logs and benchmarks: "scalar" or "vector". */
    String name();

    /** The fastest implementation this JVM can run. */
    static Kernels best() {
        return KernelChoice.BEST;
    }
}
