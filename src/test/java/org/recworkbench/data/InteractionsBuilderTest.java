package org.recworkbench.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionsBuilderTest {

    @Test
    void rowsAreSortedByItemAndColumnsMirrorThem() {
        InteractionsBuilder b = new InteractionsBuilder();
        b.add(1, 2, 5f, 100);
        b.add(0, 1, 3f, 50);
        b.add(1, 0, 4f, 70);
        b.add(0, 0, 1f, 20);
        RatingMatrix m = b.build(2, 3, DuplicatePolicy.KEEP_LAST).matrix();

        assertThat(m.size()).isEqualTo(4);
        assertThat(m.rowLength(0)).isEqualTo(2);
        assertThat(m.rowItem(m.rowStart(0))).isEqualTo(0);
        assertThat(m.rowItem(m.rowStart(0) + 1)).isEqualTo(1);
        assertThat(m.value(1, 2)).isEqualTo(5f);
        assertThat(m.value(0, 2)).isNaN();
        assertThat(m.rowTimestamp(m.rowStart(1))).isEqualTo(70);
        assertThat(m.colLength(0)).isEqualTo(2);
        assertThat(m.colUser(m.colStart(0))).isEqualTo(0);
        assertThat(m.colValue(m.colStart(0) + 1)).isEqualTo(4f);
        assertThat(m.colLength(2)).isEqualTo(1);
        assertThat(m.density()).isEqualTo(4.0 / 6);
    }

    @Test
    void keepLastKeepsTheLaterRatingAndItsTimeAndCountsTheDuplicate() {
        InteractionsBuilder b = new InteractionsBuilder();
        b.add(0, 0, 2f, 10);
        b.add(0, 1, 3f, 11);
        b.add(0, 0, 5f, 30);
        b.add(0, 0, 4f, 20);
        InteractionsBuilder.Result r = b.build(1, 2, DuplicatePolicy.KEEP_LAST);

        assertThat(r.duplicates()).isEqualTo(2);
        assertThat(r.matrix().value(0, 0)).isEqualTo(4f);
        assertThat(r.matrix().rowTimestamp(0)).isEqualTo(20);
    }

    @Test
    void sumAddsQuantitiesAndKeepsTheEarliestTime() {
        InteractionsBuilder b = new InteractionsBuilder();
        b.add(0, 0, 6f, 300);
        b.add(0, 0, 2f, 100);
        b.add(0, 0, 1f, RatingMatrix.NO_TIMESTAMP);
        InteractionsBuilder.Result r = b.build(1, 1, DuplicatePolicy.SUM_KEEP_FIRST_TIME);

        assertThat(r.duplicates()).isEqualTo(2);
        assertThat(r.matrix().value(0, 0)).isEqualTo(9f);
        assertThat(r.matrix().rowTimestamp(0)).isEqualTo(100);
    }

    @Test
    void withoutAnyTimestampTheMatrixHasNone() {
        InteractionsBuilder b = new InteractionsBuilder();
        b.add(0, 0, 1f, RatingMatrix.NO_TIMESTAMP);
        RatingMatrix m = b.build(1, 1, DuplicatePolicy.KEEP_LAST).matrix();

        assertThat(m.hasTimestamps()).isFalse();
        assertThat(m.rowTimestamp(0)).isEqualTo(RatingMatrix.NO_TIMESTAMP);
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        InteractionsBuilder b = new InteractionsBuilder(16);
        for (int k = 0; k < 1000; k++) {
            b.add(k % 7, k % 13, k, k);
        }
        InteractionsBuilder.Result r = b.build(7, 13, DuplicatePolicy.KEEP_LAST);

        assertThat(r.matrix().size() + r.duplicates()).isEqualTo(1000);
        assertThat(r.matrix().size()).isEqualTo(7 * 13);
        // (6, 12) last occurs at k = 90 + 91 * 9 = 909: the largest k < 1000 with k % 7 == 6 and k % 13 == 12
        assertThat(r.matrix().value(6, 12)).isEqualTo(909f);
    }
}
