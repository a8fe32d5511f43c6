package org.recworkbench.algo.kernel;

/** Plain Java loops; the reductions keep several partial sums so that the additions do not wait on each other. */
public final class ScalarKernels implements Kernels {

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int k) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
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

    @Override
    public double dot(double[] a, int ao, double[] b, int bo, int k) {
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

    @Override
    public void axpy(float w, float[] x, int xo, float[] y, int yo, int k) {
        for (int f = 0; f < k; f++) {
            y[yo + f] += w * x[xo + f];
        }
    }

    @Override
    public void axpy(double w, double[] x, int xo, double[] y, int yo, int k) {
        for (int f = 0; f < k; f++) {
            y[yo + f] += w * x[xo + f];
        }
    }

    @Override
    public void addTransposedTimes(float[] m, int rows, int cols, float[] x, float[] y) {
        for (int r = 0; r < rows; r++) {
            axpy(x[r], m, r * cols, y, 0, cols);
        }
    }

    @Override
    public float dotThenAxpy(float[] v, int vo, float[] d, float c, float b, float[] y, int k) {
        float s = dot(v, vo, d, 0, k);
        axpy(c * s + b, v, vo, y, 0, k);
        return s;
    }

    @Override
    public void dotThenAxpy2(float[] v, int vo1, int vo2, float[] d, float c1, float b1, float c2, float b2,
                             float[] y, int k) {
        dotThenAxpy(v, vo1, d, c1, b1, y, k);
        dotThenAxpy(v, vo2, d, c2, b2, y, k);
    }

    @Override
    public String name() {
        return "scalar";
    }
}
