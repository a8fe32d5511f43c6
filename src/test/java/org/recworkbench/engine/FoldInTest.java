package org.recworkbench.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityOptions;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Fold-in on random matrices: a known user's own ratings give back their scores where the method allows it. */
class FoldInTest {

    static Stream<Long> seeds() {
        return LongStream.range(1, 21).boxed();
    }

    private static UserProfile ratingsOf(Dataset d, int u) {
        RatingMatrix r = d.ratings();
        int n = r.rowLength(u);
        int[] items = new int[n];
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            items[t] = r.rowItem(r.rowStart(u) + t);
            values[t] = r.rowValue(r.rowStart(u) + t);
        }
        return new UserProfile(items, values);
    }

    private static Model fit(String id, Dataset d, String... params) {
        Algorithm<?> a = AlgorithmRegistry.require(id);
        return a.fit(d, org.recworkbench.algo.ParamValues.parse(a.params(), List.of(params)), Progress.NONE,
                Cancellation.NEVER);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void directFoldInsReproduceAKnownUser(long seed) {
        Dataset d = RandomMatrices.dataset(RandomMatrices.matrix(seed));
        for (String id : List.of("item-knn", "bias", "popular", "ease", "p3alpha", "rp3beta", "global-mean", "seed-cf",
                "hybrid", "mmr", "user-mean", "item-mean", "slope-one")) {
            for (String normalise : id.equals("item-knn") ? List.of("none", "mean-centre", "z-score",
                    "bias-baseline") : List.of("")) {
                Model m = normalise.isEmpty() ? fit(id, d) : fit(id, d, "normalise=" + normalise);
                for (int u = 0; u < d.userCount(); u++) {
                    FoldIn f = m.foldIn(ratingsOf(d, u)).orElseThrow();
                    double[] scores = m.scoreAll(u);
                    for (int i = 0; i < d.itemCount(); i++) {
                        String where = String.format("seed %d %s %s u%d i%d", seed, id, normalise, u, i);
                        if (Double.isNaN(scores[i])) {
                            assertThat(f.scores()[i]).as(where).isNaN();
                        } else {
                            assertThat(f.scores()[i]).as(where).isCloseTo(scores[i], within(1e-9));
                        }
                        double p = m.predict(u, i);
                        if (!Double.isNaN(p)) {
                            assertThat(f.predictions()[i]).as(where).isCloseTo(p, within(1e-9));
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void similarityOfAnOutsideVectorEqualsThePairSimilarityOfTheSameRow(long seed) {
        Dataset d = RandomMatrices.dataset(RandomMatrices.matrix(seed));
        for (Measure measure : Measure.values()) {
            for (SimilarityOptions o : List.of(SimilarityOptions.of(measure), SimilarityOptions.of(measure)
                    .withShrinkage(2).withMinOverlap(2).withCoRatedNorms(true).withVectorMeans(true))) {
                Similarities s = new Similarities(d, Orientation.USERS, o);
                for (int u = 0; u < d.userCount(); u++) {
                    UserProfile p = ratingsOf(d, u);
                    int[] overlaps = new int[d.userCount()];
                    double[] against = s.against(p.items(), p.values(), overlaps);
                    for (int v = 0; v < d.userCount(); v++) {
                        assertThat(against[v]).as("seed %d %s u%d v%d", seed, o, u, v)
                                .isCloseTo(s.pair(u, v).value(), within(1e-9));
                        assertThat(overlaps[v]).isEqualTo(s.pair(u, v).overlap());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyFoldInExcludesTheProfilesItemsFromItsRecommendations(long seed) {
        Dataset d = RandomMatrices.dataset(RandomMatrices.matrix(seed));
        UserProfile profile = new UserProfile(new int[] {0, d.itemCount() - 1}, new double[] {5, 1});
        for (Algorithm<?> a : AlgorithmRegistry.all()) {
            if (a.id().equals("seed-latent")) {
                continue;
            }
            Model m = a.fit(d, a.defaults(), Progress.NONE, Cancellation.NEVER);
            m.foldIn(profile).ifPresent(f -> {
                assertThat(f.scores()).hasSize(d.itemCount());
                assertThat(f.recommend(d.itemCount()).items()).as("%s", a.id()).doesNotContain(0, d.itemCount() - 1);
            });
        }
    }
}
