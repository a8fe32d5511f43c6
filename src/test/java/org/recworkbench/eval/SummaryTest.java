package org.recworkbench.eval;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SummaryTest {

    private static final double N = Double.NaN;

    @Test
    void studentTQuantilesMatchTheTables() {
        // t_{0.975} for df = 1, 2, 4, 9 (standard tables)
        assertThat(Summary.tQuantile(1)).isCloseTo(12.706204736, within(1e-6));
        assertThat(Summary.tQuantile(2)).isCloseTo(4.302652730, within(1e-6));
        assertThat(Summary.tQuantile(4)).isCloseTo(2.776445105, within(1e-6));
        assertThat(Summary.tQuantile(9)).isCloseTo(2.262157163, within(1e-6));
    }

    @Test
    void meanOfOneToFiveWithStudentInterval() {
        // mean 3; s² = (4+1+0+1+4)/4 = 2.5; se = √(2.5/5) = 0.7071068; half = 2.7764451·0.7071068 = 1.9632432
        Summary s = Summary.mean(new double[] {1, 2, 3, 4, 5});
        assertThat(s.value()).isCloseTo(3.0, within(1e-12));
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.low()).isCloseTo(1.0367568385224428, within(1e-8));
        assertThat(s.high()).isCloseTo(4.963243161477557, within(1e-8));
        assertThat(s.halfWidth()).isCloseTo(1.9632431614775572, within(1e-8));
    }

    @Test
    void nanValuesAreLeftOut() {
        // {1, 3}: mean 2, s² = 2, se = √(2/2) = 1, half = t(1) = 12.7062047
        Summary s = Summary.mean(new double[] {1, N, 3, N});
        assertThat(s.value()).isCloseTo(2.0, within(1e-12));
        assertThat(s.n()).isEqualTo(2);
        assertThat(s.low()).isCloseTo(2 - 12.706204736174694, within(1e-8));
        assertThat(s.high()).isCloseTo(2 + 12.706204736174694, within(1e-8));
    }

    @Test
    void oneValueHasNoInterval() {
        Summary s = Summary.mean(new double[] {N, 0.25});
        assertThat(s.value()).isEqualTo(0.25);
        assertThat(s.n()).isEqualTo(1);
        assertThat(s.low()).isNaN();
        assertThat(s.high()).isNaN();
        Summary single = Summary.single(0.5, 7);
        assertThat(single.value()).isEqualTo(0.5);
        assertThat(single.n()).isEqualTo(7);
        assertThat(single.low()).isNaN();
    }

    @Test
    void noValuesIsNaNWithCountZero() {
        for (double[] values : new double[][] {{}, {N, N}}) {
            Summary s = Summary.mean(values);
            assertThat(s.value()).isNaN();
            assertThat(s.low()).isNaN();
            assertThat(s.high()).isNaN();
            assertThat(s.n()).isZero();
        }
    }

    @Test
    void constantValuesHaveAZeroWidthInterval() {
        Summary s = Summary.mean(new double[] {0.4, 0.4, 0.4});
        assertThat(s.value()).isCloseTo(0.4, within(1e-12));
        assertThat(s.low()).isCloseTo(0.4, within(1e-12));
        assertThat(s.high()).isCloseTo(0.4, within(1e-12));
    }

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    /** Two-pass mean and variance with the t quantile from commons-math3 for df = n − 1. */
    @ParameterizedTest
    @MethodSource("seeds")
    void agreesWithATextbookComputation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int size = 2 + random.nextInt(40);
        double[] values = new double[size];
        int n = 0;
        double sum = 0;
        for (int k = 0; k < size; k++) {
            values[k] = random.nextInt(5) == 0 ? N : random.nextDouble() * 10 - 3;
            if (!Double.isNaN(values[k])) {
                n++;
                sum += values[k];
            }
        }
        Summary s = Summary.mean(values);
        assertThat(s.n()).isEqualTo(n);
        if (n < 2) {
            assertThat(s.low()).isNaN();
            return;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double half = t * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        assertThat(s.value()).isCloseTo(mean, within(1e-12));
        assertThat(s.low()).isCloseTo(mean - half, within(1e-9));
        assertThat(s.high()).isCloseTo(mean + half, within(1e-9));
    }
}
