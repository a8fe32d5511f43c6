package org.recworkbench.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Ranking metrics on small lists, every expected value worked out by hand. Discounts: 1/log2(2) = 1,
 * 1/log2(3) = 0.6309298, 1/log2(4) = 0.5, 1/log2(5) = 0.4306766, 1/log2(6) = 0.3868528.
 */
class RankingMetricTest {

    private static final double EPS = 1e-9;
    private static final double D3 = 0.6309297535714575; // 1 / log2(3)
    private static final double D5 = 0.43067655807339306; // 1 / log2(5)
    private static final double D6 = 0.38685280723454163; // 1 / log2(6)

    /** Relevant at ranks 1 and 3 of 5; the user has 4 relevant test items. */
    private static final RankedList ONE_AND_THREE = RankedList.binary(
            new boolean[] {true, false, true, false, false}, 4);

    private static double v(RankingMetric m, RankedList l, int n) {
        return m.of(l, n);
    }

    @Test
    void labelsAreTheSpecNames() {
        assertThat(RankingMetric.values()).extracting(RankingMetric::label).containsExactly(
                "precision", "recall", "nrecall", "f1", "hit", "mrr", "map", "ndcg", "ndcg-graded");
    }

    @Test
    void hitsAtRanksOneAndThreeCutOffFive() {
        RankedList l = ONE_AND_THREE;
        // 2 hits in the top 5
        assertThat(v(RankingMetric.PRECISION, l, 5)).isCloseTo(0.4, within(EPS)); // 2/5
        assertThat(v(RankingMetric.RECALL, l, 5)).isCloseTo(0.5, within(EPS)); // 2/4
        assertThat(v(RankingMetric.NORMALISED_RECALL, l, 5)).isCloseTo(0.5, within(EPS)); // 2/min(5,4)
        // 2·0.4·0.5 / 0.9 = 0.4/0.9
        assertThat(v(RankingMetric.F1, l, 5)).isCloseTo(4.0 / 9, within(EPS));
        assertThat(v(RankingMetric.HIT_RATE, l, 5)).isEqualTo(1.0);
        assertThat(v(RankingMetric.MRR, l, 5)).isEqualTo(1.0);
        // (P@1 + P@3) / min(5,4) = (1 + 2/3) / 4 = 5/12
        assertThat(v(RankingMetric.MAP, l, 5)).isCloseTo(5.0 / 12, within(EPS));
        // DCG = 1 + 1/2 = 1.5; IDCG = 1 + 0.6309298 + 0.5 + 0.4306766 = 2.5616064 → 0.5855701
        assertThat(v(RankingMetric.NDCG, l, 5)).isCloseTo(1.5 / (1 + D3 + 0.5 + D5), within(EPS))
                .isCloseTo(0.5855700749881525, within(1e-12));
        // binary gains: graded equals binary
        assertThat(v(RankingMetric.NDCG_GRADED, l, 5)).isCloseTo(0.5855700749881525, within(1e-12));
    }

    @Test
    void sameListCutOffThree() {
        RankedList l = ONE_AND_THREE;
        assertThat(v(RankingMetric.PRECISION, l, 3)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(v(RankingMetric.RECALL, l, 3)).isCloseTo(0.5, within(EPS));
        assertThat(v(RankingMetric.NORMALISED_RECALL, l, 3)).isCloseTo(2.0 / 3, within(EPS)); // 2/min(3,4)
        // P = 2/3, R = 1/2: 2·(1/3)/(7/6) = 4/7
        assertThat(v(RankingMetric.F1, l, 3)).isCloseTo(4.0 / 7, within(EPS));
        // (1 + 2/3) / min(3,4) = 5/9
        assertThat(v(RankingMetric.MAP, l, 3)).isCloseTo(5.0 / 9, within(EPS));
        // 1.5 / (1 + 0.6309298 + 0.5) = 0.7039181
        assertThat(v(RankingMetric.NDCG, l, 3)).isCloseTo(0.7039180890341347, within(1e-12));
    }

    @Test
    void sameListCutOffTwo() {
        RankedList l = ONE_AND_THREE;
        // one hit in the top 2
        assertThat(v(RankingMetric.PRECISION, l, 2)).isCloseTo(0.5, within(EPS));
        assertThat(v(RankingMetric.RECALL, l, 2)).isCloseTo(0.25, within(EPS));
        assertThat(v(RankingMetric.NORMALISED_RECALL, l, 2)).isCloseTo(0.5, within(EPS));
        // 2·0.5·0.25/0.75 = 1/3
        assertThat(v(RankingMetric.F1, l, 2)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(v(RankingMetric.MAP, l, 2)).isCloseTo(0.5, within(EPS)); // 1 / min(2,4)
        // 1 / (1 + 0.6309298) = 0.6131472
        assertThat(v(RankingMetric.NDCG, l, 2)).isCloseTo(0.6131471927654584, within(1e-12));
        assertThat(v(RankingMetric.HIT_RATE, l, 1)).isEqualTo(1.0);
        assertThat(v(RankingMetric.PRECISION, l, 1)).isEqualTo(1.0);
    }

    @Test
    void singleRelevantItemAtRankTwo() {
        RankedList l = RankedList.binary(new boolean[] {false, true, false}, 1);
        assertThat(v(RankingMetric.PRECISION, l, 3)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(v(RankingMetric.RECALL, l, 3)).isEqualTo(1.0);
        assertThat(v(RankingMetric.NORMALISED_RECALL, l, 3)).isEqualTo(1.0);
        // 2·(1/3)·1 / (4/3) = 1/2
        assertThat(v(RankingMetric.F1, l, 3)).isCloseTo(0.5, within(EPS));
        assertThat(v(RankingMetric.MRR, l, 3)).isCloseTo(0.5, within(EPS));
        assertThat(v(RankingMetric.MAP, l, 3)).isCloseTo(0.5, within(EPS)); // (1/2) / min(3,1)
        assertThat(v(RankingMetric.NDCG, l, 3)).isCloseTo(D3, within(EPS)); // (1/log2 3) / 1
        // cut off before the hit
        assertThat(v(RankingMetric.MRR, l, 1)).isZero();
        assertThat(v(RankingMetric.HIT_RATE, l, 1)).isZero();
        assertThat(v(RankingMetric.NDCG, l, 1)).isZero();
    }

    @Test
    void mrrIsTheReciprocalOfTheFirstHitOnly() {
        RankedList l = RankedList.binary(new boolean[] {false, false, false, true, true}, 2);
        assertThat(v(RankingMetric.MRR, l, 5)).isCloseTo(0.25, within(EPS));
        assertThat(v(RankingMetric.MRR, l, 3)).isZero();
        // MAP: (P@4 + P@5) / min(5,2) = (1/4 + 2/5) / 2 = 0.325
        assertThat(v(RankingMetric.MAP, l, 5)).isCloseTo(0.325, within(EPS));
    }

    @Test
    void noHitsGivesZeroEverywhere() {
        RankedList l = RankedList.binary(new boolean[] {false, false, false}, 2);
        for (RankingMetric m : RankingMetric.values()) {
            assertThat(m.of(l, 3)).as(m.label()).isZero();
        }
    }

    @Test
    void listShorterThanTheCutOff() {
        // 2 items recommended (hit at rank 1), 3 relevant items, cut-off 5
        RankedList l = RankedList.binary(new boolean[] {true, false}, 3);
        assertThat(v(RankingMetric.PRECISION, l, 5)).isCloseTo(0.2, within(EPS)); // 1/5, divided by n
        assertThat(v(RankingMetric.RECALL, l, 5)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(v(RankingMetric.NORMALISED_RECALL, l, 5)).isCloseTo(1.0 / 3, within(EPS)); // 1/min(5,3)
        // P = 0.2, R = 1/3: 2·(1/15)/(8/15) = 0.25
        assertThat(v(RankingMetric.F1, l, 5)).isCloseTo(0.25, within(EPS));
        assertThat(v(RankingMetric.MAP, l, 5)).isCloseTo(1.0 / 3, within(EPS)); // 1 / min(5,3)
        assertThat(v(RankingMetric.MRR, l, 5)).isEqualTo(1.0);
        // 1 / (1 + 0.6309298 + 0.5) = 0.4692787
        assertThat(v(RankingMetric.NDCG, l, 5)).isCloseTo(0.46927872602275644, within(1e-12));
    }

    @Test
    void emptyListScoresZero() {
        RankedList l = RankedList.binary(new boolean[0], 2);
        for (RankingMetric m : RankingMetric.values()) {
            assertThat(m.of(l, 10)).as(m.label()).isZero();
        }
    }

    @Test
    void gradedNdcgUsesRatingsAsGainsAndTheSortedGainsAsIdeal() {
        // relevant test items rated 5, 4, 3, 2; list: rank 1 gain 3, rank 3 gain 5, rank 5 gain 4
        RankedList l = new RankedList(new boolean[] {true, false, true, false, true},
                new double[] {3, 0, 5, 0, 4}, new double[] {5, 4, 3, 2});
        // DCG = 3/1 + 5/2 + 4/log2(6) = 3 + 2.5 + 1.5474112 = 7.0474112
        double dcg = 3 + 5 * 0.5 + 4 * D6;
        // IDCG = 5/1 + 4/log2(3) + 3/2 + 2/log2(5) = 5 + 2.5237190 + 1.5 + 0.8613531 = 9.8850721
        double ideal = 5 + 4 * D3 + 3 * 0.5 + 2 * D5;
        assertThat(v(RankingMetric.NDCG_GRADED, l, 5)).isCloseTo(dcg / ideal, within(1e-12))
                .isCloseTo(0.712934729858136, within(1e-12));
        // cut-off 3: (3 + 2.5) / (5 + 2.5237190 + 1.5) = 0.6095048
        assertThat(v(RankingMetric.NDCG_GRADED, l, 3)).isCloseTo(0.6095047941201092, within(1e-12));
        // the binary NDCG ignores the grades: (1 + 0.5 + 0.3868528) / (1 + 0.6309298 + 0.5 + 0.4306766)
        assertThat(v(RankingMetric.NDCG, l, 5)).isCloseTo((1 + 0.5 + D6) / (1 + D3 + 0.5 + D5), within(1e-12));
    }

    @Test
    void gradedNdcgOfAPerfectlyGradedOrderIsOne() {
        RankedList l = new RankedList(new boolean[] {true, true, true}, new double[] {5, 4, 4},
                new double[] {5, 4, 4});
        assertThat(v(RankingMetric.NDCG_GRADED, l, 3)).isCloseTo(1.0, within(EPS));
        // swapping the 5 and a 4: (4 + 5·0.6309298 + 4·0.5) / (5 + 4·0.6309298 + 4·0.5) = 9.1546488 / 9.5237190
        RankedList swapped = new RankedList(new boolean[] {true, true, true}, new double[] {4, 5, 4},
                new double[] {5, 4, 4});
        assertThat(v(RankingMetric.NDCG_GRADED, swapped, 3))
                .isCloseTo((4 + 5 * D3 + 2) / (5 + 4 * D3 + 2), within(1e-12));
    }

    @Test
    void gradedNdcgWithZeroIdealGainIsZero() {
        RankedList l = new RankedList(new boolean[] {true}, new double[] {0}, new double[] {0});
        assertThat(v(RankingMetric.NDCG_GRADED, l, 1)).isZero();
    }

    @Test
    void binaryListHelpers() {
        assertThat(ONE_AND_THREE.relevantCount()).isEqualTo(4);
        assertThat(ONE_AND_THREE.hits(1)).isEqualTo(1);
        assertThat(ONE_AND_THREE.hits(2)).isEqualTo(1);
        assertThat(ONE_AND_THREE.hits(3)).isEqualTo(2);
        assertThat(ONE_AND_THREE.hits(100)).isEqualTo(2);
        assertThat(ONE_AND_THREE.gains()).containsExactly(1, 0, 1, 0, 0);
        assertThat(ONE_AND_THREE.idealGains()).containsExactly(1, 1, 1, 1);
        assertThatThrownBy(() -> new RankedList(new boolean[2], new double[3], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discountIsOneOverLogTwoOfRankPlusOne() {
        assertThat(RankingMetric.discount(0)).isCloseTo(1.0, within(EPS));
        assertThat(RankingMetric.discount(1)).isCloseTo(D3, within(EPS));
        assertThat(RankingMetric.discount(2)).isCloseTo(0.5, within(EPS));
        assertThat(RankingMetric.discount(6)).isCloseTo(1.0 / 3, within(EPS)); // 1/log2(8)
    }
}
