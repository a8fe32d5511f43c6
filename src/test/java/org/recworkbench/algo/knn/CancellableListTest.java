package org.recworkbench.algo.knn;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.CancelledException;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Item-kNN's exact rule computes a similarity row per item the user rated; on MovieLens-25M's shape one list takes
 * 3–25 s, so a list asked for with a cancellation stops between rows once cancelled.
 */
class CancellableListTest {

    private static Dataset ratings() {
        SplittableRandom random = new SplittableRandom(5);
        DatasetBuilder b = new DatasetBuilder("cancel", DatasetKind.EXPLICIT);
        for (int u = 0; u < 50; u++) {
            for (int i = 0; i < 40; i++) {
                if (random.nextDouble() < 0.3) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    @Test
    void anExactItemKnnListStopsBetweenRowsOnceCancelled() {
        Dataset data = ratings();
        ItemKnnAlgorithm algorithm = new ItemKnnAlgorithm();
        Model model = algorithm.fit(data, algorithm.defaults(), Progress.NONE, Cancellation.NEVER);
        int user = 0;
        assertThat(data.ratings().rowLength(user)).isGreaterThan(3);
        AtomicInteger polls = new AtomicInteger();
        Cancellation afterThreeRows = () -> polls.incrementAndGet() > 3;
        assertThatThrownBy(() -> model.recommend(user, 10, afterThreeRows)).isInstanceOf(CancelledException.class);
        assertThat(polls.get()).as("polled once per rated item until cancelled").isEqualTo(4);

        assertThat(model.recommend(user, 10, Cancellation.NEVER).items()).containsExactly(
                model.recommend(user, 10).items());
        Model pooled = model.withParams(model.params().with("neighbours", "pool")).orElseThrow();
        assertThat(pooled.recommend(user, 10, Cancellation.NEVER).items()).containsExactly(
                pooled.recommend(user, 10).items());
        Model users = new UserKnnAlgorithm().fit(data, ParamValues.parse(new UserKnnAlgorithm().params(), List.of()),
                Progress.NONE, Cancellation.NEVER);
        assertThat(users.recommend(3, 10, Cancellation.NEVER).items()).containsExactly(users.recommend(3, 10).items());
    }
}
