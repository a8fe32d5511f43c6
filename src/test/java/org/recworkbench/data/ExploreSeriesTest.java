package org.recworkbench.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExploreSeriesTest {

    private static final int DAY = 86_400;

    /** u1 rates a, b, c; u2 rates a; u3 rates a, b, c, d, e: popularity a 3, b 2, c 2, d 1, e 1. */
    private static Dataset data(boolean times) {
        DatasetBuilder b = new DatasetBuilder("d", DatasetKind.EXPLICIT);
        int t0 = 1_700_006_400; // a midnight (UTC)
        String[][] rows = {{"u1", "a", "4"}, {"u1", "b", "2"}, {"u1", "c", "3"}, {"u2", "a", "5"}, {"u3", "a", "3"},
                {"u3", "b", "4"}, {"u3", "c", "1"}, {"u3", "d", "2"}, {"u3", "e", "5"}};
        int k = 0;
        for (String[] r : rows) {
            int t = times ? t0 + (k++ < 7 ? 0 : 2 * DAY) : RatingMatrix.NO_TIMESTAMP;
            b.add(r[0], r[1], Double.parseDouble(r[2]), t);
        }
        return b.build();
    }

    @Test
    void theLongTailActivityAndTimelineByHand() {
        ExploreSeries s = ExploreSeries.of(data(true));
        assertThat(s.longTail()).containsExactly(new ExploreSeries.Point(1, 3), new ExploreSeries.Point(2, 2),
                new ExploreSeries.Point(3, 2), new ExploreSeries.Point(4, 1), new ExploreSeries.Point(5, 1));
        // u2 has 1 → [1, 2); u1 has 3 → [2, 4); u3 has 5 → [4, 8)
        assertThat(s.userActivity()).containsExactly(new DatasetProfile.Bin(1, 2, 1), new DatasetProfile.Bin(2, 4, 1),
                new DatasetProfile.Bin(4, 8, 1));
        assertThat(s.timeUnit()).isEqualTo("day");
        assertThat(s.timeline()).extracting(ExploreSeries.Point::y).containsExactly(7.0, 0.0, 2.0);
        assertThat(s.timeline().get(0).x()).isEqualTo(1_700_006_400);
        ExploreSeries.ItemRow a = s.items().get(0);
        assertThat(a.id()).isEqualTo("a");
        assertThat(a.interactions()).isEqualTo(3);
        assertThat(a.mean()).isCloseTo(4, within(1e-12));
        assertThat(s.users().get(2).mean()).isCloseTo(3, within(1e-12));
    }

    @Test
    void withoutTimestampsThereIsNoTimeline() {
        ExploreSeries s = ExploreSeries.of(data(false));
        assertThat(s.timeUnit()).isEmpty();
        assertThat(s.timeline()).isEmpty();
    }

    @Test
    void aLongTailOfManyItemsIsSampledButKeepsBothEnds() {
        double[][] m = new double[3][2000];
        for (int i = 0; i < 2000; i++) {
            m[i % 3][i] = 1;
            if (i < 10) {
                m[(i + 1) % 3][i] = 1;
            }
        }
        for (double[] row : m) {
            for (int i = 0; i < row.length; i++) {
                row[i] = row[i] == 0 ? Double.NaN : row[i];
            }
        }
        List<ExploreSeries.Point> tail = ExploreSeries.of(DatasetBuilder.fromMatrix("wide", DatasetKind.EXPLICIT, m))
                .longTail();
        assertThat(tail.size()).isLessThanOrEqualTo(ExploreSeries.MAX_POINTS + 1);
        assertThat(tail.get(0)).isEqualTo(new ExploreSeries.Point(1, 2));
        assertThat(tail.get(tail.size() - 1)).isEqualTo(new ExploreSeries.Point(2000, 1));
    }
}
