package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AucTest {

    private static final double N = Double.NaN;
    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void handCaseWithoutTies() {
        // relevant 0.9 beats 0.8 and 0.6 (2); relevant 0.7 beats 0.6 only (1): 3 of 2·2 pairs
        assertThat(Auc.of(new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {T, F, T, F}))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void perfectAndReversedRankings() {
        assertThat(Auc.of(new double[] {3, 2, 1}, new boolean[] {T, T, F})).isEqualTo(1.0);
        assertThat(Auc.of(new double[] {1, 2, 3}, new boolean[] {T, T, F})).isEqualTo(0.0);
    }

    @Test
    void tiesCountOneHalf() {
        // relevant 1 ties the irrelevant 1 (½) and beats 0 (1): 1.5 / 2
        assertThat(Auc.of(new double[] {1, 1, 0}, new boolean[] {T, F, F})).isCloseTo(0.75, within(1e-12));
        // everything tied: ½
        assertThat(Auc.of(new double[] {2, 2, 2, 2}, new boolean[] {T, F, T, F})).isCloseTo(0.5, within(1e-12));
        // relevant {5, 3}, irrelevant {5, 3, 1}: 5 → ½ + 1 + 1 = 2.5; 3 → 0 + ½ + 1 = 1.5; 4 / 6
        assertThat(Auc.of(new double[] {5, 3, 5, 3, 1}, new boolean[] {T, T, F, F, F}))
                .isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void nanScoresRankBelowEveryNumber() {
        // relevant NaN: loses to 0.1 (0), ties the irrelevant NaN (½): 0.5 / 2
        assertThat(Auc.of(new double[] {N, 0.1, N}, new boolean[] {T, F, F})).isCloseTo(0.25, within(1e-12));
        // relevant −1000 beats an irrelevant NaN
        assertThat(Auc.of(new double[] {-1000, N}, new boolean[] {T, F})).isEqualTo(1.0);
        // relevant NaN loses to an irrelevant −1000
        assertThat(Auc.of(new double[] {N, -1000}, new boolean[] {T, F})).isEqualTo(0.0);
    }

    @Test
    void allOrNoneRelevantIsNaN() {
        assertThat(Auc.of(new double[] {1, 2, 3}, new boolean[] {T, T, T})).isNaN();
        assertThat(Auc.of(new double[] {1, 2, 3}, new boolean[] {F, F, F})).isNaN();
        assertThat(Auc.of(new double[0], new boolean[0])).isNaN();
    }

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    /** Every (relevant, irrelevant) pair counted directly, with NaN below every number and ties ½. */
    static double bruteForce(double[] s, boolean[] rel) {
        double wins = 0;
        long pairs = 0;
        for (int a = 0; a < s.length; a++) {
            if (!rel[a]) {
                continue;
            }
            for (int b = 0; b < s.length; b++) {
                if (rel[b]) {
                    continue;
                }
                pairs++;
                boolean na = Double.isNaN(s[a]);
                boolean nb = Double.isNaN(s[b]);
                if (na && nb) {
                    wins += 0.5;
                } else if (nb) {
                    wins += 1;
                } else if (!na) {
                    wins += s[a] > s[b] ? 1 : s[a] == s[b] ? 0.5 : 0;
                }
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void agreesWithABruteForcePairCount(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = 1 + random.nextInt(40);
        double[] scores = new double[m];
        boolean[] relevant = new boolean[m];
        double pRelevant = random.nextDouble();
        for (int c = 0; c < m; c++) {
            // few distinct values so that ties are common; some NaN
            int kind = random.nextInt(10);
            scores[c] = kind == 0 ? Double.NaN : random.nextInt(6) - 2.5;
            relevant[c] = random.nextDouble() < pRelevant;
        }
        double expected = bruteForce(scores, relevant);
        double actual = Auc.of(scores, relevant);
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-12)).isBetween(0.0, 1.0);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void negatingTheScoresGivesOneMinusAuc(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int m = 2 + random.nextInt(30);
        double[] scores = new double[m];
        double[] negated = new double[m];
        boolean[] relevant = new boolean[m];
        relevant[0] = true; // at least one of each
        for (int c = 0; c < m; c++) {
            scores[c] = random.nextInt(5);
            negated[c] = -scores[c];
            relevant[c] = c == 0 || (c != 1 && random.nextBoolean());
        }
        assertThat(Auc.of(negated, relevant)).isCloseTo(1 - Auc.of(scores, relevant), within(1e-12));
    }
}
