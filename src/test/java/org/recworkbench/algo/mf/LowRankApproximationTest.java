package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.explain.Derivation;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LowRankApproximationTest {

    private static double[][] random(SplittableRandom random, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble() * 4 - 2;
            }
        }
        return m;
    }

    @Test
    void theTruncatedSvdReachesTheEckartYoungErrorAndNoOtherFactorsDoBetter() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] r = random(random, 6, 4);
        LowRankApproximation best = LowRankApproximation.best(r, 2, Derivation.Builder.NONE);

        double atBest = LowRankApproximation.squaredError(r, best.userFactors(), best.itemFactors(),
                Derivation.Builder.NONE);
        assertThat(atBest).isCloseTo(best.leastError(), within(1e-9));
        for (int trial = 0; trial < 200; trial++) {
            double[][] u = best.userFactors();
            double[][] v = best.itemFactors();
            u[random.nextInt(6)][random.nextInt(2)] += random.nextDouble() * 0.2 - 0.1;
            v[random.nextInt(2)][random.nextInt(4)] += random.nextDouble() * 0.2 - 0.1;
            assertThat(LowRankApproximation.squaredError(r, u, v, Derivation.Builder.NONE))
                    .isGreaterThanOrEqualTo(best.leastError() - 1e-9);
        }
    }

    @Test
    void singularValuesAreDescendingAndTheirSquaresSumToTheMatrixEnergy() {
        double[][] r = random(new SplittableRandom(11), 5, 3);
        double[] sigma = LowRankApproximation.best(r, 1, Derivation.Builder.NONE).singularValues();
        double energy = 0;
        for (double[] row : r) {
            for (double x : row) {
                energy += x * x;
            }
        }
        double squares = 0;
        for (int s = 0; s < sigma.length; s++) {
            squares += sigma[s] * sigma[s];
            if (s > 0) {
                assertThat(sigma[s]).isLessThanOrEqualTo(sigma[s - 1]);
            }
        }
        assertThat(sigma).hasSize(3);
        assertThat(squares).isCloseTo(energy, within(1e-9));
    }

    @Test
    void aRankOneMatrixIsReproducedExactlyAtRankOne() {
        // (1, 2)ᵀ (3, 4, 5)
        double[][] r = {{3, 4, 5}, {6, 8, 10}};
        Derivation.Builder trace = Derivation.builder("rank 1");
        LowRankApproximation best = LowRankApproximation.best(r, 1, trace);

        assertThat(best.leastError()).isCloseTo(0, within(1e-12));
        assertThat(LowRankApproximation.squaredError(r, best.userFactors(), best.itemFactors(), trace))
                .isCloseTo(0, within(1e-12));
        assertThat(trace.build().result()).isCloseTo(0, within(1e-12));
    }

    @Test
    void refusesARankBeyondTheMatrix() {
        assertThatThrownBy(() -> LowRankApproximation.best(new double[][] {{1, 2}, {3, 4}}, 3,
                Derivation.Builder.NONE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("rank");
    }
}
