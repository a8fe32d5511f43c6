package org.recworkbench.algo.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** SIMD loops on the incubating Vector API; only loaded when {@code jdk.incubator.vector} is present. */
final class VectorKernels implements Kernels {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final int FL = FLOATS.length();
    private static final int DL = DOUBLES.length();

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int k) {
        FloatVector s0 = FloatVector.zero(FLOATS);
        FloatVector s1 = FloatVector.zero(FLOATS);
        int f = 0;
        for (; f + 2 * FL <= k; f += 2 * FL) {
            s0 = FloatVector.fromArray(FLOATS, a, ao + f).fma(FloatVector.fromArray(FLOATS, b, bo + f), s0);
            s1 = FloatVector.fromArray(FLOATS, a, ao + f + FL).fma(FloatVector.fromArray(FLOATS, b, bo + f + FL), s1);
        }
        for (; f + FL <= k; f += FL) {
            s0 = FloatVector.fromArray(FLOATS, a, ao + f).fma(FloatVector.fromArray(FLOATS, b, bo + f), s0);
        }
        float s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; f < k; f++) {
            s += a[ao + f] * b[bo + f];
        }
        return s;
    }

    @Override
    public double dot(double[] a, int ao, double[] b, int bo, int k) {
        DoubleVector s0 = DoubleVector.zero(DOUBLES);
        DoubleVector s1 = DoubleVector.zero(DOUBLES);
        int f = 0;
        for (; f + 2 * DL <= k; f += 2 * DL) {
            s0 = DoubleVector.fromArray(DOUBLES, a, ao + f).fma(DoubleVector.fromArray(DOUBLES, b, bo + f), s0);
            s1 = DoubleVector.fromArray(DOUBLES, a, ao + f + DL)
                    .fma(DoubleVector.fromArray(DOUBLES, b, bo + f + DL), s1);
        }
        for (; f + DL <= k; f += DL) {
            s0 = DoubleVector.fromArray(DOUBLES, a, ao + f).fma(DoubleVector.fromArray(DOUBLES, b, bo + f), s0);
        }
        double s = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; f < k; f++) {
            s += a[ao + f] * b[bo + f];
        }
        return s;
    }

    @Override
    public void axpy(float w, float[] x, int xo, float[] y, int yo, int k) {
        FloatVector wv = FloatVector.broadcast(FLOATS, w);
        int f = 0;
        for (; f + FL <= k; f += FL) {
            FloatVector.fromArray(FLOATS, x, xo + f).fma(wv, FloatVector.fromArray(FLOATS, y, yo + f))
                    .intoArray(y, yo + f);
        }
        for (; f < k; f++) {
            y[yo + f] += w * x[xo + f];
        }
    }

    @Override
    public void axpy(double w, double[] x, int xo, double[] y, int yo, int k) {
        DoubleVector wv = DoubleVector.broadcast(DOUBLES, w);
        int f = 0;
        for (; f + DL <= k; f += DL) {
            DoubleVector.fromArray(DOUBLES, x, xo + f).fma(wv, DoubleVector.fromArray(DOUBLES, y, yo + f))
                    .intoArray(y, yo + f);
        }
        for (; f < k; f++) {
            y[yo + f] += w * x[xo + f];
        }
    }

    /** Output blocks of four vectors stay in registers while M's rows stream past. */
    @Override
    public void addTransposedTimes(float[] m, int rows, int cols, float[] x, float[] y) {
        int block = 4 * FL;
        int c = 0;
        for (; c + block <= cols; c += block) {
            FloatVector a0 = FloatVector.fromArray(FLOATS, y, c);
            FloatVector a1 = FloatVector.fromArray(FLOATS, y, c + FL);
            FloatVector a2 = FloatVector.fromArray(FLOATS, y, c + 2 * FL);
            FloatVector a3 = FloatVector.fromArray(FLOATS, y, c + 3 * FL);
            for (int r = 0, o = c; r < rows; r++, o += cols) {
                FloatVector xr = FloatVector.broadcast(FLOATS, x[r]);
                a0 = FloatVector.fromArray(FLOATS, m, o).fma(xr, a0);
                a1 = FloatVector.fromArray(FLOATS, m, o + FL).fma(xr, a1);
                a2 = FloatVector.fromArray(FLOATS, m, o + 2 * FL).fma(xr, a2);
                a3 = FloatVector.fromArray(FLOATS, m, o + 3 * FL).fma(xr, a3);
            }
            a0.intoArray(y, c);
            a1.intoArray(y, c + FL);
            a2.intoArray(y, c + 2 * FL);
            a3.intoArray(y, c + 3 * FL);
        }
        for (; c + FL <= cols; c += FL) {
            FloatVector a0 = FloatVector.fromArray(FLOATS, y, c);
            for (int r = 0, o = c; r < rows; r++, o += cols) {
                a0 = FloatVector.fromArray(FLOATS, m, o).fma(FloatVector.broadcast(FLOATS, x[r]), a0);
            }
            a0.intoArray(y, c);
        }
        for (; c < cols; c++) {
            float s = y[c];
            for (int r = 0, o = c; r < rows; r++, o += cols) {
                s += m[o] * x[r];
            }
            y[c] = s;
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
        FloatVector s1 = FloatVector.zero(FLOATS);
        FloatVector s2 = FloatVector.zero(FLOATS);
        int f = 0;
        for (; f + FL <= k; f += FL) {
            FloatVector dv = FloatVector.fromArray(FLOATS, d, f);
            s1 = FloatVector.fromArray(FLOATS, v, vo1 + f).fma(dv, s1);
            s2 = FloatVector.fromArray(FLOATS, v, vo2 + f).fma(dv, s2);
        }
        float dot1 = s1.reduceLanes(VectorOperators.ADD);
        float dot2 = s2.reduceLanes(VectorOperators.ADD);
        for (int g = f; g < k; g++) {
            dot1 += v[vo1 + g] * d[g];
            dot2 += v[vo2 + g] * d[g];
        }
        float w1 = c1 * dot1 + b1;
        float w2 = c2 * dot2 + b2;
        FloatVector w1v = FloatVector.broadcast(FLOATS, w1);
        FloatVector w2v = FloatVector.broadcast(FLOATS, w2);
        for (f = 0; f + FL <= k; f += FL) {
            FloatVector.fromArray(FLOATS, v, vo1 + f).fma(w1v,
                    FloatVector.fromArray(FLOATS, v, vo2 + f).fma(w2v, FloatVector.fromArray(FLOATS, y, f)))
                    .intoArray(y, f);
        }
        for (; f < k; f++) {
            y[f] += w1 * v[vo1 + f] + w2 * v[vo2 + f];
        }
    }

    @Override
    public String name() {
        return "vector";
    }
}
