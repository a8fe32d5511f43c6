package org.recworkbench.algo.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KernelsTest {

    private static final Kernels SCALAR = new ScalarKernels();
    private static final Kernels BEST = Kernels.best();

    @Test
    void theBuildRunsTestsOnTheSimdKernels() {
        // the surefire argLine adds jdk.incubator.vector; without it the vector kernels would go untested
        assertThat(BEST.name()).isEqualTo("vector");
    }

    @Test
    void scalarKernelsByHand() {
        float[] a = {1, 2, 3, 4, 5};
        float[] b = {0, 9, 2, -1, 0.5f, 7};
        assertThat(SCALAR.dot(a, 1, b, 2, 3)).isEqualTo(2 * 2 + 3 * -1 + 4 * 0.5f);
        assertThat(SCALAR.dot(new double[] {1, 2}, 0, new double[] {3, 4}, 0, 2)).isEqualTo(11.0);
        float[] y = {1, 1, 1};
        SCALAR.axpy(2, a, 2, y, 1, 2);
        assertThat(y).containsExactly(1, 7, 9);
        // M = [[1, 2, 3], [4, 5, 6]], x = (1, −1): y += Mᵀx = (−3, −3, −3)
        float[] z = {10, 20, 30};
        SCALAR.addTransposedTimes(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, new float[] {1, -1}, z);
        assertThat(z).containsExactly(7, 17, 27);
        float[] w = {0, 0};
        // s = 3·1 + 4·2 = 11; w += (0.5·11 − 1.5)·(3, 4)
        assertThat(SCALAR.dotThenAxpy(new float[] {3, 4}, 0, new float[] {1, 2}, 0.5f, -1.5f, w, 2)).isEqualTo(11);
        assertThat(w).containsExactly(12, 16);
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 257})
    void simdAndScalarAgreeForEveryLengthAndOffset(int k) {
        SplittableRandom random = new SplittableRandom(k);
        float[] a = floats(random, k + 5);
        float[] b = floats(random, k + 3);
        double[] da = doubles(random, k + 2);
        double[] db = doubles(random, k + 4);
        assertThat(BEST.dot(a, 5, b, 3, k)).isCloseTo(SCALAR.dot(a, 5, b, 3, k), within(1e-4f));
        assertThat(BEST.dot(da, 2, db, 4, k)).isCloseTo(SCALAR.dot(da, 2, db, 4, k), within(1e-12));

        float[] y1 = floats(random, k + 1);
        float[] y2 = y1.clone();
        BEST.axpy(0.75f, a, 5, y1, 1, k);
        SCALAR.axpy(0.75f, a, 5, y2, 1, k);
        assertThat(y1).containsExactly(y2, within(1e-6f));

        double[] d1 = doubles(random, k + 2);
        double[] d2 = d1.clone();
        BEST.axpy(-1.5, da, 2, d1, 2, k);
        SCALAR.axpy(-1.5, da, 2, d2, 2, k);
        assertThat(d1).containsExactly(d2, within(1e-12));

        float[] v1 = floats(random, k);
        float[] v2 = v1.clone();
        float s1 = BEST.dotThenAxpy(a, 5, b, 0.3f, -0.2f, v1, k);
        float s2 = SCALAR.dotThenAxpy(a, 5, b, 0.3f, -0.2f, v2, k);
        assertThat(s1).isCloseTo(s2, within(1e-4f));
        assertThat(v1).containsExactly(v2, within(1e-4f));

        float[] u1 = floats(random, k);
        float[] u2 = u1.clone();
        BEST.dotThenAxpy2(a, 5, 1, b, 0.3f, -0.2f, 1.7f, 0.4f, u1, k);
        SCALAR.dotThenAxpy(a, 5, b, 0.3f, -0.2f, u2, k);
        SCALAR.dotThenAxpy(a, 1, b, 1.7f, 0.4f, u2, k);
        assertThat(u1).containsExactly(u2, within(1e-4f));
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {1, 5, 8, 13, 32, 40, 64, 72, 100})
    void transposedProductMatchesTheDefinition(int cols) {
        SplittableRandom random = new SplittableRandom(cols);
        int rows = 11;
        float[] m = floats(random, rows * cols);
        float[] x = floats(random, rows);
        float[] y = floats(random, cols);
        double[] expected = new double[cols];
        for (int c = 0; c < cols; c++) {
            expected[c] = y[c];
            for (int r = 0; r < rows; r++) {
                expected[c] += (double) m[r * cols + c] * x[r];
            }
        }
        for (Kernels kernels : new Kernels[] {SCALAR, BEST}) {
            float[] got = y.clone();
            kernels.addTransposedTimes(m, rows, cols, x, got);
            for (int c = 0; c < cols; c++) {
                assertThat((double) got[c]).as(kernels.name() + " column " + c).isCloseTo(expected[c],
                        within(1e-5));
            }
        }
    }

    private static float[] floats(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return v;
    }

    private static double[] doubles(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() * 2 - 1;
        }
        return v;
    }
}
