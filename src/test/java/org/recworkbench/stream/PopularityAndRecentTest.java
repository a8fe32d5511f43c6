package org.recworkbench.stream;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Trending weights against their definition; the recent-actions window; session scores by hand. */
class PopularityAndRecentTest {

    @Test
    void decayedWeightsEqualTheSumOfHalvingsByAge() {
        double h = 3600;
        DecayedPopularity p = new DecayedPopularity(3, h);
        p.add(0, 0);
        p.add(1, 3600);
        p.add(0, 7200);
        p.add(2, 10800);
        // now = 10800: item 0 has ages 3h and 1h, item 1 age 2h, item 2 age 0
        assertThat(p.scores(3)).containsExactly(new double[] {0.125 + 0.5, 0.25, 1}, within(1e-12));
        assertThat(p.top(3, 3, i -> false).items()).containsExactly(2, 0, 1);
    }

    @Test
    void weightsStayExactOverSpansFarBeyondTheRescalePoint() {
        SplittableRandom random = new SplittableRandom(2);
        double h = 10;
        DecayedPopularity p = new DecayedPopularity(4, h);
        double[] times = new double[400];
        int[] items = new int[400];
        for (int k = 0; k < times.length; k++) {
            times[k] = k * 25.0;
            items[k] = random.nextInt(4);
            p.add(items[k], times[k]);
        }
        double now = times[times.length - 1];
        double[] expected = new double[4];
        for (int k = 0; k < times.length; k++) {
            expected[items[k]] += Math.pow(2, -(now - times[k]) / h);
        }
        assertThat(p.scores(4)).containsExactly(expected, within(1e-12));
    }

    @Test
    void aHalfLifeOfZeroCountsPlainly() {
        DecayedPopularity p = new DecayedPopularity(2, 0);
        p.add(1, 5);
        p.add(1, 1e9);
        p.add(0, 7);
        assertThat(p.scores(2)).containsExactly(1, 2);
    }

    @Test
    void theWindowKeepsTheLastNNewestFirstAndMovesRepeatsToTheFront() {
        RecentActions recent = new RecentActions(3);
        recent.push(7, 1);
        recent.push(7, 2);
        recent.push(7, 3);
        assertThat(recent.of(7)).containsExactly(3, 2, 1);
        recent.push(7, 4);
        assertThat(recent.of(7)).containsExactly(4, 3, 2);
        recent.push(7, 2);
        assertThat(recent.of(7)).containsExactly(2, 4, 3);
        assertThat(recent.of(8)).isEmpty();
    }

    @Test
    void sessionScoresSumFadedSimilaritiesOfTheRecentItemsNeighbours() {
        // item 0's neighbours: 2 (0.5), 3 (0.25); item 1's: 2 (0.4)
        ItemNeighbours nb = new ItemNeighbours() {
            final int[][] ids = {{2, 3}, {2}, {}, {}};
            final double[][] sims = {{0.5, 0.25}, {0.4}, {}, {}};

            public int neighbourCount(int item) {
                return ids[item].length;
            }

            public int neighbour(int item, int rank) {
                return ids[item][rank];
            }

            public double similarityAt(int item, int rank) {
                return sims[item][rank];
            }
        };
        double[] s = new SessionScorer(nb, 10, 0.5).scores(new int[] {1, 0}, 4);
        // newest is item 1 (weight 1), then item 0 (weight 0.5)
        assertThat(s[2]).isCloseTo(0.4 + 0.5 * 0.5, within(1e-12));
        assertThat(s[3]).isCloseTo(0.5 * 0.25, within(1e-12));
        assertThat(s[0]).isNaN();
    }
}
