package org.recworkbench.algo.knn;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On many users user-kNN does not fit every user's neighbour pool; each user's pool is then taken from the user's
 * own row when scored. It must give the fitted pool's neighbours, similarities and scores exactly.
 */
class UserPoolOnDemandTest {

    /** 160 users, 60 items, ratings 1–5 with ties in the similarities (small integer ratings on few items). */
    private static Dataset random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetBuilder b = new DatasetBuilder("pool " + seed, DatasetKind.EXPLICIT);
        for (int i = 0; i < 60; i++) {
            b.item("i" + i, "Title " + i, new String[] {"c"}, "");
        }
        for (int u = 0; u < 160; u++) {
            b.user("u" + u);
            for (int i = 0; i < 60; i++) {
                if (random.nextDouble() < 0.04 * (1 + i % 4)) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    @Test
    void poolRowsComputedPerUserEqualTheFittedPool() {
        Dataset data = random(3);
        UserKnnAlgorithm algorithm = new UserKnnAlgorithm();
        for (String measure : List.of("cosine", "pearson", "jaccard", "adjusted-cosine")) {
            for (String rankBy : List.of("sum", "prediction")) {
                ParamValues values = ParamValues.parse(algorithm.params(), List.of("similarity=" + measure,
                        "neighbours=pool", "k=10", "rank-by=" + rankBy));
                KnnParams params = algorithm.bind(values);
                Similarities sims = new Similarities(data, Orientation.USERS, params.similarityOptions());
                SimilarityMatrix pool = sims.topK(KnnParams.POOL, Progress.NONE, Cancellation.NEVER);
                Model fitted = algorithm.model(data, values, sims, pool);
                Model onDemand = algorithm.model(data, values, sims, null);
                // nothing learned to store: a model file refits it, which is that pass over the ratings
                assertThat(((org.recworkbench.algo.Persistable) onDemand).state().isEmpty()).isTrue();
                assertThat(((org.recworkbench.algo.Persistable) fitted).state().isEmpty()).isFalse();
                for (int u = 0; u < data.userCount(); u++) {
                    assertThat(onDemand.scoreAll(u)).as("%s %s user %d", measure, rankBy, u)
                            .containsExactly(fitted.scoreAll(u));
                    ScoredItems a = fitted.recommend(u, 10);
                    ScoredItems b = onDemand.recommend(u, 10);
                    for (int r = 0; r < a.size(); r++) {
                        assertThat(b.item(r)).isEqualTo(a.item(r));
                        var expected = fitted.explain(u, a.item(r));
                        var actual = onDemand.explain(u, a.item(r));
                        assertThat(actual.score()).isEqualTo(expected.score());
                        assertThat(actual.contributions()).isEqualTo(expected.contributions());
                    }
                }
            }
        }
    }

    @Test
    void theFitLeavesThePoolToEachUserOnlyAboveTheWorkLimit() {
        Dataset data = random(4);
        Similarities sims = new Similarities(data, Orientation.USERS,
                new UserKnnAlgorithm().bind(new UserKnnAlgorithm().defaults()).similarityOptions());
        // 160²/2 row scans plus each item's pairs of raters, counted here by brute force
        double pairs = 0;
        for (int i = 0; i < data.itemCount(); i++) {
            int n = data.ratings().colLength(i);
            pairs += n * (n - 1) / 2.0;
        }
        assertThat(sims.pairWork()).isEqualTo(160 * 160 / 2.0 + pairs);
        assertThat(sims.pairWork()).isLessThan(AbstractKnnAlgorithm.USER_POOL_WORK);
        KnnModel small = (KnnModel) new UserKnnAlgorithm().fit(data, new UserKnnAlgorithm().defaults(),
                Progress.NONE, Cancellation.NEVER);
        assertThat(small.neighbourPool()).isNotNull();
    }
}
