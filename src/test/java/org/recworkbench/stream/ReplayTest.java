package org.recworkbench.stream;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event order, the training prefix and the prequential hit rate on cases whose answer is known. */
class ReplayTest {

    /**
     * Ten users rate "hit" at times 1..10 (and a few other items); then ten new users each rate "hit" at times
     * 101..110. Popularity always lists "hit" first for someone who has not rated it.
     */
    private static Dataset crowd() {
        DatasetBuilder b = new DatasetBuilder("crowd", DatasetKind.EXPLICIT);
        for (int u = 0; u < 10; u++) {
            b.add("old" + u, "hit", 5, 1 + u);
            b.add("old" + u, "other" + (u % 3), 3, 50 + u);
        }
        for (int u = 0; u < 10; u++) {
            b.add("new" + u, "hit", 4, 101 + u);
        }
        return b.build();
    }

    @Test
    void eventsComeInTimeOrderAndThePrefixHoldsTheFirstOnes() {
        EventLog log = EventLog.of(crowd());
        assertThat(log.timed()).isTrue();
        assertThat(log.events()).hasSize(30);
        assertThat(log.events()).extracting(Event::time).isSorted();
        assertThat(log.events().get(0)).isEqualTo(new Event("old0", "hit", 5, 1));
        int split = log.split(2.0 / 3);
        assertThat(split).isEqualTo(20);
        Dataset prefix = log.prefix(split);
        assertThat(prefix.interactionCount()).isEqualTo(20);
        assertThat(prefix.users().indexOf("new0")).isNegative();
        assertThatThrownBy(() -> log.split(1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("between 0 and 1");
    }

    @Test
    void withoutTimestampsEventsComeInTheOrderTheyWereAddedAndEqualTimesKeepIt() {
        DatasetBuilder untimed = new DatasetBuilder("untimed", DatasetKind.EXPLICIT);
        untimed.add("u2", "a", 1).add("u1", "b", 2).add("u2", "c", 3).add("u1", "a", 4).add("u2", "a", 5);
        EventLog log = EventLog.of(untimed.build());
        assertThat(log.order()).isEqualTo("file");
        // the repeated (u2, a) keeps its last value and its last place
        assertThat(log.events()).extracting(e -> e.user() + e.item() + (int) e.value())
                .containsExactly("u1b2", "u2c3", "u1a4", "u2a5");

        DatasetBuilder ties = new DatasetBuilder("ties", DatasetKind.EXPLICIT);
        // stored by user, u2's (z, 7) would come before u1's (y, 7)
        ties.add("u2", "w", 1, 1).add("u1", "y", 1, 7).add("u2", "z", 1, 7);
        assertThat(EventLog.of(ties.build()).events()).extracting(Event::item).containsExactly("w", "y", "z");
    }

    @Test
    void everyNewUsersFirstEventIsTheMostPopularItemSoPopularityHitsEveryTime() {
        var popular = AlgorithmRegistry.require("popular");
        Replay.Result r = Replay.run(EventLog.of(crowd()), popular, popular.defaults(), 2.0 / 3, 1, Progress.NONE,
                Cancellation.NEVER);
        assertThat(r.trainEvents()).isEqualTo(20);
        assertThat(r.replayed()).isEqualTo(10);
        assertThat(r.hits()).isEqualTo(10);
        assertThat(r.hitRate()).isEqualTo(1.0);
        assertThat(r.hitRateCurve()[Replay.CURVE_POINTS - 1]).isEqualTo(1.0);
        // measured latencies are reported, not bounded: the default build asserts nothing about the clock
        assertThat(r.p50Millis()).isNotNegative();
        assertThat(r.p99Millis()).isGreaterThanOrEqualTo(r.p50Millis());
    }

    @Test
    void anItemFirstSeenInTheReplayedPartIsKnownFromTheCatalogue() {
        DatasetBuilder b = new DatasetBuilder("late", DatasetKind.EXPLICIT);
        b.add("a", "x", 5, 1).add("b", "x", 4, 2).add("c", "y", 3, 3).add("c", "z", 2, 4);
        var popular = AlgorithmRegistry.require("popular");
        // the first 3 events train; "z" first appears in the replayed event, but the prefix keeps the whole catalogue
        Dataset d = b.build();
        assertThat(EventLog.of(d).prefix(3).items().indexOf("z")).isNotNegative();
        Replay.Result r = Replay.run(EventLog.of(d), popular, popular.defaults(), 0.75, 10, Progress.NONE,
                Cancellation.NEVER);
        assertThat(r.replayed()).isEqualTo(1);
        assertThat(r.skipped()).isZero();
    }

    @Test
    void percentilesUseTheNearestRank() {
        long[] nanos = {1_000_000, 2_000_000, 3_000_000, 4_000_000};
        assertThat(ReplaySession.percentile(nanos, 0.5)).isEqualTo(2.0);
        assertThat(ReplaySession.percentile(nanos, 0.99)).isEqualTo(4.0);
        assertThat(ReplaySession.percentile(new long[0], 0.5)).isNaN();
    }
}
