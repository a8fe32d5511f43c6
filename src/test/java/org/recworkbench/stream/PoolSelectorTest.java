package org.recworkbench.stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recworkbench.data.TopN;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The selector keeps what a bounded heap keeps, in the same order, with and without ties, offered in any order. */
class PoolSelectorTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 128, 129, 130, 500, 4000})
    void keepsTheBestLikeABoundedHeap(int candidates) {
        SplittableRandom random = new SplittableRandom(candidates);
        PoolSelector selector = new PoolSelector();
        for (int round = 0; round < 4; round++) {
            TopN heap = new TopN(129);
            int[] order = new int[candidates];
            for (int x = 0; x < candidates; x++) {
                order[x] = x;
            }
            if (round >= 2) {
                // any offer order: ties are still broken by the lower index
                for (int t = candidates - 1; t > 0; t--) {
                    int o = random.nextInt(t + 1);
                    int swap = order[t];
                    order[t] = order[o];
                    order[o] = swap;
                }
            }
            for (int x : order) {
                // few distinct values, so ties are common
                double s = random.nextInt(round % 2 == 0 ? 7 : 1000) / 7.0 + 0.01;
                selector.offer(x, s);
                heap.offer(x, s);
            }
            int[] items = new int[129];
            double[] sims = new double[129];
            int n = selector.drainInto(128, items, sims);
            int[] want = new int[129];
            double[] wantSims = new double[129];
            int m = heap.drainInto(want, wantSims);
            assertThat(n).isEqualTo(m);
            assertThat(Arrays.copyOf(items, n)).containsExactly(Arrays.copyOf(want, m));
            assertThat(Arrays.copyOf(sims, n)).containsExactly(Arrays.copyOf(wantSims, m));
        }
    }
}
