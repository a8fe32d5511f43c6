package org.recworkbench.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Numbers checked by hand on a 4 × 5 example (worked out in the comments). */
class DatasetProfilerTest {

    /*
     *        i0  i1  i2  i3  i4
     *   u0    5   3   4   .   .     3 ratings
     *   u1    4   2   .   .   .     2
     *   u2    5   .   .   .   .     1
     *   u3    1   .   .   5   .     2
     * item counts 4 2 1 1 0; values 5,3,4,4,2,5,1,5 (sum 29)
     */
    private static Dataset example() {
        InteractionsBuilder b = new InteractionsBuilder();
        int[][] entries = {{0, 0, 5}, {0, 1, 3}, {0, 2, 4}, {1, 0, 4}, {1, 1, 2}, {2, 0, 5}, {3, 0, 1}, {3, 3, 5}};
        int ts = 1000;
        for (int[] e : entries) {
            b.add(e[0], e[1], e[2], ts += 10);
        }
        RatingMatrix m = b.build(4, 5, DuplicatePolicy.KEEP_LAST).matrix();
        return new Dataset("example", DatasetKind.EXPLICIT, IdIndex.of(List.of("u0", "u1", "u2", "u3")),
                IdIndex.of(List.of("i0", "i1", "i2", "i3", "i4")), m, ItemCatalog.empty(5));
    }

    @Test
    void countsDensityAndValues() {
        DatasetProfile p = DatasetProfiler.profile(example());

        assertThat(p.users()).isEqualTo(4);
        assertThat(p.items()).isEqualTo(5);
        assertThat(p.interactions()).isEqualTo(8);
        assertThat(p.density()).isEqualTo(8.0 / 20);
        assertThat(p.valueMin()).isEqualTo(1);
        assertThat(p.valueMax()).isEqualTo(5);
        assertThat(p.valueMean()).isEqualTo(29.0 / 8);
        assertThat(p.firstTimestamp()).isEqualTo(1010L);
        assertThat(p.lastTimestamp()).isEqualTo(1080L);
    }

    @Test
    void histogramHasOneBinPerDistinctRating() {
        assertThat(DatasetProfiler.profile(example()).ratingHistogram()).containsExactly(
                new DatasetProfile.Bin(1, 1, 1), new DatasetProfile.Bin(2, 2, 1), new DatasetProfile.Bin(3, 3, 1),
                new DatasetProfile.Bin(4, 4, 2), new DatasetProfile.Bin(5, 5, 3));
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        DatasetProfile p = DatasetProfiler.profile(example());
        // user counts sorted 1 2 2 3: p25 at 0.75 → 1.75, p75 at 2.25 → 2.25, p90 at 2.7 → 2.7
        assertThat(p.userActivity()).isEqualTo(new DatasetProfile.Distribution(1, 1.75, 2, 2.25, 2.7, 3, 2));
        // item counts sorted 0 1 1 2 4: p90 at 3.6 → 2 + 0.6·2 = 3.2
        DatasetProfile.Distribution items = p.itemPopularity();
        assertThat(items.min()).isEqualTo(0);
        assertThat(items.p25()).isEqualTo(1);
        assertThat(items.median()).isEqualTo(1);
        assertThat(items.p75()).isEqualTo(2);
        assertThat(items.p90()).isCloseTo(3.2, within(1e-12));
        assertThat(items.mean()).isEqualTo(1.6);
    }

    @Test
    void topDecileShareAndColdCounts() {
        DatasetProfile p = DatasetProfiler.profile(example());
        // ⌈10% of 5⌉ = 1 item (i0, 4 interactions) of 8
        assertThat(p.topDecileItemShare()).isEqualTo(0.5);
        assertThat(p.coldUsers()).isEqualTo(4);
        assertThat(p.coldItems()).isEqualTo(5);
    }

    @Test
    void skewedPositiveValuesGetPowerOfTwoBins() {
        InteractionsBuilder b = new InteractionsBuilder();
        float[] quantities = {1, 1, 2, 3, 4, 7, 8, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 500};
        for (int k = 0; k < quantities.length; k++) {
            b.add(0, k, quantities[k], RatingMatrix.NO_TIMESTAMP);
        }
        RatingMatrix m = b.build(1, quantities.length, DuplicatePolicy.SUM_KEEP_FIRST_TIME).matrix();
        List<DatasetProfile.Bin> bins = DatasetProfiler.histogram(m, 1, 500);

        assertThat(bins).first().isEqualTo(new DatasetProfile.Bin(1, 2, 2));
        assertThat(bins.get(1)).isEqualTo(new DatasetProfile.Bin(2, 4, 2));
        assertThat(bins.get(2)).isEqualTo(new DatasetProfile.Bin(4, 8, 2));
        assertThat(bins).last().isEqualTo(new DatasetProfile.Bin(256, 512, 1));
        assertThat(bins.stream().mapToLong(DatasetProfile.Bin::count).sum()).isEqualTo(quantities.length);
    }
}
