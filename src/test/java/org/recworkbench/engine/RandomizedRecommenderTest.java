package org.recworkbench.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registered algorithm on random small matrices (seeded): scores, predictions and explanations agree exactly,
 * recommendations exclude seen items and are ordered by score then item index, calls have no hidden state, and
 * re-scoring with a new k equals a fresh fit.
 */
class RandomizedRecommenderTest {

    static Stream<Long> seeds() {
        return LongStream.range(1, 41).boxed();
    }

    private static Dataset withTexts(double[][] m, DatasetKind kind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] words = {"red", "green", "apple", "car", "garden", "hose", "lamp", "wool", "tea", "cup"};
        DatasetBuilder b = new DatasetBuilder("random", kind);
        for (int i = 0; i < m[0].length; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 3; w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            b.item("i" + i, "Item " + i, new String[] {"cat" + random.nextInt(3)}, text.toString());
        }
        for (int u = 0; u < m.length; u++) {
            for (int i = 0; i < m[u].length; i++) {
                if (!Double.isNaN(m[u][i])) {
                    b.add("u" + u, "i" + i, kind == DatasetKind.IMPLICIT ? 1 : m[u][i]);
                }
            }
        }
        return b.build();
    }

    private static Model fit(Algorithm<?> a, Dataset d, ParamValues values) {
        return a.fit(d, values, Progress.NONE, Cancellation.NEVER);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoresPredictionsAndExplanationsAgree(long seed) {
        for (DatasetKind kind : DatasetKind.values()) {
            Dataset d = withTexts(RandomMatrices.matrix(seed), kind, seed);
            for (Algorithm<?> a : AlgorithmRegistry.all()) {
                Model m = fit(a, d, a.defaults());
                for (int u = 0; u < d.userCount(); u++) {
                    double[] scores = m.scoreAll(u);
                    assertThat(m.scoreAll(u)).as("no hidden state").containsExactly(scores);
                    for (int i = 0; i < d.itemCount(); i++) {
                        Explanation e = m.explain(u, i);
                        String where = String.format("seed %d %s %s (u%d, i%d)", seed, kind, a.id(), u, i);
                        assertSameOrBothNaN(e.score(), scores[i], where + " score");
                        assertSameOrBothNaN(e.prediction(), m.predict(u, i), where + " prediction");
                        if (!Double.isNaN(e.prediction()) && a.family() == org.recworkbench.algo.Family.NEIGHBOURHOOD
                                && !a.id().equals("seed-cf")) {
                            assertThat(e.derivation().result()).as(where).isEqualTo(e.prediction());
                        }
                    }
                }
            }
        }
    }

    private static void assertSameOrBothNaN(double actual, double expected, String where) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(where).isNaN();
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void recommendationsSkipSeenItemsAndAreOrderedByScoreThenIndex(long seed) {
        Dataset d = withTexts(RandomMatrices.matrix(seed), DatasetKind.EXPLICIT, seed);
        for (Algorithm<?> a : AlgorithmRegistry.all()) {
            Model m = fit(a, d, a.defaults());
            for (int u = 0; u < d.userCount(); u++) {
                IntPredicate seen = Model.seenBy(d, u);
                ScoredItems top = m.recommend(u, 5);
                double[] scores = m.scoreAll(u);
                long candidates = java.util.stream.IntStream.range(0, d.itemCount())
                        .filter(i -> !seen.test(i) && !Double.isNaN(scores[i])).count();
                assertThat(top.size()).as("seed %d %s u%d", seed, a.id(), u).isEqualTo((int) Math.min(5, candidates));
                for (int r = 0; r < top.size(); r++) {
                    assertThat(seen.test(top.item(r))).isFalse();
                    assertThat(top.score(r)).isEqualTo(scores[top.item(r)]).isNotNaN();
                    if (r > 0) {
                        boolean ordered = top.score(r - 1) > top.score(r)
                                || (top.score(r - 1) == top.score(r) && top.item(r - 1) < top.item(r));
                        assertThat(ordered).as("seed %d %s u%d rank %d", seed, a.id(), u, r).isTrue();
                    }
                }
                // nothing better was left out
                double worstKept = top.size() == 0 ? Double.NEGATIVE_INFINITY : top.score(top.size() - 1);
                for (int i = 0; i < d.itemCount(); i++) {
                    final int item = i;
                    boolean kept = java.util.Arrays.stream(top.items()).anyMatch(x -> x == item);
                    if (!kept && !seen.test(i) && !Double.isNaN(scores[i]) && top.size() == 5) {
                        assertThat(scores[i]).isLessThanOrEqualTo(worstKept);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void changingKOnAFittedKnnModelEqualsAFreshFit(long seed) {
        Dataset d = withTexts(RandomMatrices.matrix(seed), DatasetKind.EXPLICIT, seed);
        SplittableRandom random = new SplittableRandom(seed);
        int k1 = 1 + random.nextInt(5);
        int k2 = k1 + 1 + random.nextInt(5);
        for (String id : List.of("user-knn", "item-knn")) {
            Algorithm<?> a = AlgorithmRegistry.require(id);
            Model big = fit(a, d, a.defaults().with("k", k2).with("normalise", "z-score"));
            Model sliced = big.withParams(big.params().with("k", k1).with("normalise", "bias-baseline"))
                    .orElseThrow();
            Model fresh = fit(a, d, a.defaults().with("k", k1).with("normalise", "bias-baseline"));
            for (int u = 0; u < d.userCount(); u++) {
                assertThat(sliced.scoreAll(u)).as("seed %d %s u%d", seed, id, u).containsExactly(fresh.scoreAll(u));
                for (int i = 0; i < d.itemCount(); i++) {
                    assertSameOrBothNaN(sliced.predict(u, i), fresh.predict(u, i), "seed " + seed + " " + id);
                }
            }
        }
    }
}
