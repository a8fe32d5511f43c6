package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The hold-out, patience and held-out AUC that every iterative trainer's early stop shares. */
class EarlyStopBookkeepingTest {

    @Test
    void holdOutWatchesASeededTenthAndTrainsOnTheRestInOrder() {
        EarlyStop.HoldOut h = EarlyStop.holdOut(1000, 3, 42);
        assertThat(h.watched()).hasSize(100);
        assertThat(h.trained()).hasSize(900).isSorted();
        int[] all = IntStream.concat(Arrays.stream(h.watched()), Arrays.stream(h.trained())).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 1000).toArray());
        assertThat(EarlyStop.holdOut(1000, 5, 42).watched()).as("same seed").containsExactly(h.watched());
        assertThat(EarlyStop.holdOut(1000, 3, 43).watched()).as("other seed").isNotEqualTo(h.watched());
    }

    @Test
    void noPatienceOrTooFewEntriesHoldsNothingOut() {
        for (EarlyStop.HoldOut h : new EarlyStop.HoldOut[] {EarlyStop.holdOut(50, 0, 1), EarlyStop.holdOut(9, 3, 1)}) {
            assertThat(h.active()).isFalse();
            assertThat(h.trained()).containsExactly(IntStream.range(0, h.trained().length).toArray());
        }
    }

    @Test
    void trainedPartDropsTheWatchedEntriesAndKeepsUsersAndItems() {
        double x = Double.NaN;
        Dataset d = DatasetBuilder.fromMatrix("m", DatasetKind.EXPLICIT, new double[][] {
                {1, 2, x, 3}, {x, 4, 5, x}, {1, x, x, 2}, {3, 3, 3, 3}});
        RatingMatrix r = d.ratings();
        EarlyStop.HoldOut h = new EarlyStop.HoldOut(new int[] {1, 4}, new int[] {0, 2, 3, 5, 6, 7, 8, 9, 10});
        RatingMatrix t = h.trainedPart(r);
        assertThat(t.userCount()).isEqualTo(4);
        assertThat(t.itemCount()).isEqualTo(4);
        assertThat(t.size()).isEqualTo(r.size() - 2);
        // position 1 is user 0's item 1, position 4 user 1's item 2
        assertThat(t.value(0, 1)).isNaN();
        assertThat(t.value(1, 2)).isNaN();
        assertThat(t.value(0, 3)).isEqualTo(3);
        assertThat(t.value(1, 1)).isEqualTo(4);
        assertThat(t.colLength(1)).isEqualTo(r.colLength(1) - 1);
        assertThat(EarlyStop.holdOut(r.size(), 0, 1).trainedPart(r)).isSameAs(r);
    }

    @Test
    void patienceStopsNEpochsAfterTheBestAndKeepsItsState() {
        EarlyStop.Patience<String> p = EarlyStop.Patience.lowerIsBetter(2);
        assertThat(p.stopAfter(0, 1.0, () -> "e0")).isFalse();
        assertThat(p.stopAfter(1, 0.5, () -> "e1")).isFalse();
        assertThat(p.stopAfter(2, 0.5, () -> "e2")).as("equal is no better").isFalse();
        assertThat(p.stopAfter(3, 0.7, () -> "e3")).isTrue();
        assertThat(p.kept()).isEqualTo("e1");
        assertThat(p.bestEpoch()).isEqualTo(1);
        assertThat(p.best()).isEqualTo(0.5);

        EarlyStop.Patience<String> auc = EarlyStop.Patience.higherIsBetter(1);
        assertThat(auc.stopAfter(0, 0.6, () -> "a0")).isFalse();
        assertThat(auc.stopAfter(1, Double.NaN, () -> "a1")).as("NaN is no better").isTrue();
        assertThat(auc.kept()).isEqualTo("a0");
    }

    @Test
    void heldOutAucIsOneForAPerfectScorerZeroReversedAndHalfForTies() {
        // user u interacted with items u..u+9 of 40: positions 0 and 5 of each row are watched
        double[][] m = new double[6][40];
        for (int u = 0; u < 6; u++) {
            for (int i = u; i < u + 10; i++) {
                m[u][i] = 1;
            }
        }
        RatingMatrix r = DatasetBuilder.fromMatrix("m", DatasetKind.IMPLICIT, m).ratings();
        int[] watched = IntStream.range(0, 6).flatMap(u -> IntStream.of(r.rowStart(u), r.rowStart(u) + 5)).toArray();
        EarlyStop.HeldOutAuc auc = new EarlyStop.HeldOutAuc(r, watched, 7);
        assertThat(auc.userCount()).isEqualTo(6);
        EarlyStop.PairScorer seen = (u, i) -> m[u][i];
        assertThat(auc.measure(seen)).as("drawn items are never interacted with").isEqualTo(1.0);
        assertThat(auc.measure((u, i) -> -m[u][i])).isEqualTo(0.0);
        assertThat(auc.measure((u, i) -> 3)).isEqualTo(0.5);
        assertThat(auc.measure((u, i) -> i)).isBetween(0.0, 1.0);
        assertThat(new EarlyStop.HeldOutAuc(r, watched, 7).measure((u, i) -> i))
                .as("the same seed draws the same items").isCloseTo(auc.measure((u, i) -> i), within(0.0));
    }
}
