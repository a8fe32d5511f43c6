package org.recworkbench.algo.linear;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recworkbench.job.Cancellation;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The blocked inverse behind EASE equals an independent LU inverse, across block boundaries and odd sizes. */
class EaseInverseTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 63, 64, 65, 130, 201})
    void upperTriangleOfTheInverseMatchesCommonsMath(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[][] x = new double[n + 7][n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble() < 0.3 ? 1 : 0;
            }
        }
        double[][] g = new double[n][n];
        for (double[] row : x) {
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    g[a][b] += row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            g[a][a] += 2;
        }
        DMatrixRMaj gm = new DMatrixRMaj(g);
        double[] p = EaseAlgorithm.inverse(gm, n, Cancellation.NEVER);
        RealMatrix expected = new LUDecomposition(new Array2DRowRealMatrix(g)).getSolver().getInverse();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                assertThat(p[i * n + j]).as("n %d (%d,%d)", n, i, j).isCloseTo(expected.getEntry(i, j),
                        within(1e-10));
            }
        }
    }
}
