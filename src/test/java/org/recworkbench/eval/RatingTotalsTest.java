package org.recworkbench.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Errors e = predicted − actual of 1, −2, 0.5 on three covered entries, plus one entry the model could not predict:
 * Σe = −0.5, Σe² = 1 + 4 + 0.25 = 5.25, Σe⁴ = 1 + 16 + 0.0625 = 17.0625, Σ|e| = 3.5.
 */
class RatingTotalsTest {

    private static final double Z = 1.959963984540054; // the normal 97.5% quantile
    private static final RatingTotals T = new RatingTotals(4, 3, -0.5, 5.25, 17.0625, 3.5);

    @Test
    void coverageIsCoveredOverEntries() {
        assertThat(T.coverage()).isEqualTo(0.75);
        assertThat(RatingTotals.EMPTY.coverage()).isNaN();
    }

    @Test
    void rmseByHand() {
        // √(5.25/3) = √1.75 = 1.3228757
        Summary s = T.rmse();
        assertThat(s.value()).isCloseTo(Math.sqrt(1.75), within(1e-12)).isCloseTo(1.3228756555322954, within(1e-12));
        assertThat(s.n()).isEqualTo(3);
        // variance of e² over {1, 4, 0.25} (mean 1.75): (0.5625 + 5.0625 + 2.25) / 2 = 3.9375;
        // half = 1.959964·√(3.9375/3) = 2.2454215; low = √max(0, 1.75 − 2.2454) = 0; high = √3.9954215 = 1.9988549
        double half = Z * Math.sqrt(3.9375 / 3);
        assertThat(s.low()).isZero();
        assertThat(s.high()).isCloseTo(Math.sqrt(1.75 + half), within(1e-12))
                .isCloseTo(1.9988548795836865, within(1e-9));
    }

    @Test
    void maeByHand() {
        // 3.5/3 = 1.1666667
        Summary s = T.mae();
        assertThat(s.value()).isCloseTo(3.5 / 3, within(1e-12));
        // variance of |e| over {1, 2, 0.5} (mean 7/6): (1/36 + 25/36 + 16/36) / 2 = 7/12;
        // half = 1.959964·√(7/36) = 0.8642629 → [0.3024038, 2.0309295]
        assertThat(s.low()).isCloseTo(0.3024037863772957, within(1e-9));
        assertThat(s.high()).isCloseTo(2.030929546956038, within(1e-9));
        assertThat(s.n()).isEqualTo(3);
    }

    @Test
    void plusPoolsExactly() {
        // the same errors split into {1} + one uncovered entry, and {−2, 0.5}
        RatingTotals a = new RatingTotals(2, 1, 1, 1, 1, 1);
        RatingTotals b = new RatingTotals(2, 2, -1.5, 4.25, 16.0625, 2.5);
        RatingTotals pooled = a.plus(b);
        assertThat(pooled).isEqualTo(T);
        assertThat(pooled.rmse().value()).isCloseTo(Math.sqrt(1.75), within(1e-12));
        assertThat(RatingTotals.EMPTY.plus(T)).isEqualTo(T);
        // pooled RMSE is not the mean of the per-part RMSEs (1 and √(4.25/2) = 1.4577)
        assertThat(pooled.rmse().value()).isNotCloseTo((a.rmse().value() + b.rmse().value()) / 2, within(1e-3));
    }

    @Test
    void oneCoveredEntryHasNoInterval() {
        RatingTotals one = new RatingTotals(1, 1, -2, 4, 16, 2);
        assertThat(one.rmse().value()).isEqualTo(2.0);
        assertThat(one.rmse().low()).isNaN();
        assertThat(one.mae().value()).isEqualTo(2.0);
        assertThat(one.mae().high()).isNaN();
        assertThat(one.rmse().n()).isEqualTo(1);
    }

    @Test
    void nothingCoveredIsNaN() {
        RatingTotals none = new RatingTotals(5, 0, 0, 0, 0, 0);
        assertThat(none.coverage()).isZero();
        assertThat(none.rmse().value()).isNaN();
        assertThat(none.mae().value()).isNaN();
        assertThat(none.rmse().n()).isZero();
    }

    @Test
    void equalErrorsHaveAZeroWidthInterval() {
        // e = 2, −2, 2: e² all 4 (no spread), |e| all 2
        RatingTotals t = new RatingTotals(3, 3, 2, 12, 48, 6);
        assertThat(t.rmse().value()).isCloseTo(2, within(1e-12));
        assertThat(t.rmse().low()).isCloseTo(2, within(1e-9));
        assertThat(t.rmse().high()).isCloseTo(2, within(1e-9));
        assertThat(t.mae().low()).isCloseTo(2, within(1e-9));
    }
}
