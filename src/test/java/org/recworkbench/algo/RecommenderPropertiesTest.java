package org.recworkbench.algo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.algo.baseline.BiasAlgorithm;
import org.recworkbench.algo.baseline.GlobalMeanAlgorithm;
import org.recworkbench.algo.knn.ItemKnnAlgorithm;
import org.recworkbench.algo.knn.UserKnnAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based checks of every registered algorithm fitted with its defaults on random small explicit and
 * implicit datasets, in plain JUnit 5: each property runs over a range of seeds, all randomness comes from a
 * {@link SplittableRandom} seeded by that seed, and every assertion names the seed, the algorithm and the pair, so
 * a failure is reproduced by re-running that seed ({@link #describe(double[][])} prints its matrix).
 */
class RecommenderPropertiesTest {

    private static final double N = Double.NaN;
    /** Algorithms whose derivation ends with the rating prediction it explains. */
    private static final Set<String> DERIVATION_ENDS_WITH_PREDICTION = Set.of(UserKnnAlgorithm.ID,
            ItemKnnAlgorithm.ID, BiasAlgorithm.ID, GlobalMeanAlgorithm.ID,
            org.recworkbench.algo.baseline.UserMeanAlgorithm.ID, org.recworkbench.algo.baseline.ItemMeanAlgorithm.ID,
            org.recworkbench.algo.baseline.RandomAlgorithm.ID, org.recworkbench.algo.knn.SlopeOneAlgorithm.ID);
    private static final String[] WORDS = {"red", "green", "apple", "car", "garden", "hose", "lamp", "wool", "tea",
            "cup", "the", "and", "river", "stone"};

    /** Seeds 1…n; {@code -DpropertySeeds=n} runs more of them. */
    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, Long.getLong("propertySeeds", 24)).boxed();
    }

    // ---------------------------------------------------------------------------------------------- generators

    /**
     * A random users × items matrix (2–12 each, density 0.2–0.9), NaN where there is no entry: integer 1–5 values,
     * arbitrary floats in [0.5, 5] or quarter steps in [−2, 3] (zeros and negatives), by seed mod 3; sometimes a
     * user or an item without entries, or a user with a constant row. Implicit datasets made from it hold 1s.
     */
    static double[][] matrix(long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 41);
        int style = (int) (seed % 3);
        int users = 2 + random.nextInt(11);
        int items = 2 + random.nextInt(11);
        double density = 0.2 + 0.7 * random.nextDouble();
        double[][] m = new double[users][items];
        for (double[] row : m) {
            for (int i = 0; i < items; i++) {
                row[i] = random.nextDouble() >= density ? N
                        : switch (style) {
                            case 0 -> 1 + random.nextInt(5);
                            case 1 -> 0.5 + 4.5 * random.nextDouble();
                            default -> (random.nextInt(21) - 8) / 4.0;
                        };
            }
        }
        if (users >= 3 && random.nextInt(4) == 0) {
            Arrays.fill(m[random.nextInt(users)], N);
        }
        if (items >= 3 && random.nextInt(4) == 0) {
            int col = random.nextInt(items);
            for (double[] row : m) {
                row[col] = N;
            }
        }
        if (random.nextInt(4) == 0) {
            double[] row = m[random.nextInt(users)];
            for (int i = 0; i < items; i++) {
                row[i] = Double.isNaN(row[i]) ? N : 3;
            }
        }
        return m;
    }

    /** The matrix as a dataset with item titles, categories and short texts (for the content models). */
    static Dataset dataset(double[][] m, DatasetKind kind, long seed) {
        SplittableRandom random = new SplittableRandom(seed + 7);
        DatasetBuilder b = new DatasetBuilder("seed " + seed + " " + kind, kind);
        for (int i = 0; i < m[0].length; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(5); w > 0; w--) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            // some items without a category, but never all (seed-latent refuses a dataset without categories)
            String[] categories = i > 0 && random.nextInt(4) == 0 ? new String[0]
                    : new String[] {"cat" + random.nextInt(3)};
            b.item("i" + i, "Item " + i, categories, text.toString().strip());
        }
        for (int u = 0; u < m.length; u++) {
            b.user("u" + u);
            for (int i = 0; i < m[u].length; i++) {
                if (!Double.isNaN(m[u][i])) {
                    b.add("u" + u, "i" + i, kind == DatasetKind.IMPLICIT ? 1 : m[u][i]);
                }
            }
        }
        return b.build();
    }

    static String describe(double[][] m) {
        StringBuilder s = new StringBuilder();
        for (double[] row : m) {
            for (double x : row) {
                s.append(Double.isNaN(x) ? "        ." : String.format(Locale.ROOT, " %8.5f", x));
            }
            s.append('\n');
        }
        return s.toString();
    }

    static Model fit(Algorithm<?> algorithm, Dataset data, ParamValues values) {
        return algorithm.fit(data, values, Progress.NONE, Cancellation.NEVER);
    }

    /** Equal as doubles, or both NaN. */
    static boolean same(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }

    // ---------------------------------------------------------------------------------------------- properties

    /**
     * Property 7: scores, predictions and explanations of one pair agree exactly; the kNN and baseline derivations
     * end with the prediction; recommendations skip what the user rated, are ordered by score then item index,
     * hold no NaN and leave nothing better out; and a second round of calls, in another order, repeats every result.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyAlgorithmAgreesWithItselfAndRecommendsUnseenItemsInOrder(long seed) {
        double[][] m = matrix(seed);
        for (DatasetKind kind : DatasetKind.values()) {
            Dataset d = dataset(m, kind, seed);
            for (Algorithm<?> algorithm : AlgorithmRegistry.all()) {
                Model model = fit(algorithm, d, algorithm.defaults());
                Object where = lazy(() -> String.format(Locale.ROOT, "seed %d %s %s%n%s", seed, kind,
                        algorithm.id(), describe(m)));
                assertThat(model.dataset()).as("%s", where).isSameAs(d);
                assertThat(model.algorithmId()).as("%s", where).isEqualTo(algorithm.id());
                int users = d.userCount();
                int items = d.itemCount();
                double[][] scores = new double[users][];
                double[][] predictions = new double[users][items];
                Explanation[][] explanations = new Explanation[users][items];
                ScoredItems[][] lists = new ScoredItems[users][];
                int[] sizes = {1, 3, items + 1};
                for (int u = 0; u < users; u++) {
                    scores[u] = model.scoreAll(u);
                    assertThat(scores[u]).as("%s u%d", where, u).hasSize(items);
                    for (int i = 0; i < items; i++) {
                        Explanation e = model.explain(u, i);
                        double p = model.predict(u, i);
                        explanations[u][i] = e;
                        predictions[u][i] = p;
                        checkExplanation(algorithm, e, u, i, scores[u][i], p, where);
                    }
                    lists[u] = new ScoredItems[sizes.length];
                    for (int t = 0; t < sizes.length; t++) {
                        lists[u][t] = model.recommend(u, sizes[t]);
                        checkRecommendations(lists[u][t], sizes[t], scores[u], Model.seenBy(d, u), u, where);
                    }
                }
                // no hidden state: the same calls again, users and items in reverse order
                for (int u = users - 1; u >= 0; u--) {
                    for (int t = sizes.length - 1; t >= 0; t--) {
                        ScoredItems again = model.recommend(u, sizes[t]);
                        assertThat(again.items()).as("%s u%d again: items", where, u).containsExactly(lists[u][t].items());
                        assertThat(again.scores()).as("%s u%d again: scores", where, u)
                                .containsExactly(lists[u][t].scores());
                    }
                    for (int i = items - 1; i >= 0; i--) {
                        int user = u;
                        int item = i;
                        assertThat(same(model.predict(u, i), predictions[u][i]))
                                .as("%s (u%d, i%d) predict again: %s then %s", where, u, i, predictions[u][i],
                                        lazy(() -> String.valueOf(model.predict(user, item)))).isTrue();
                        assertThat(model.explain(u, i)).as("%s (u%d, i%d) explain again", where, u, i)
                                .isEqualTo(explanations[u][i]);
                    }
                    assertThat(model.scoreAll(u)).as("%s u%d scoreAll again", where, u).containsExactly(scores[u]);
                }
            }
        }
    }

    private static void checkExplanation(Algorithm<?> algorithm, Explanation e, int u, int i, double score,
                                         double prediction, Object where) {
        assertThat(e.user()).as("%s (u%d, i%d) user", where, u, i).isEqualTo(u);
        assertThat(e.item()).as("%s (u%d, i%d) item", where, u, i).isEqualTo(i);
        assertThat(e.algorithm()).as("%s", where).isEqualTo(algorithm.id());
        assertThat(same(e.score(), score)).as("%s (u%d, i%d): scoreAll %s, explained score %s", where, u, i,
                score, e.score()).isTrue();
        assertThat(same(e.prediction(), prediction)).as("%s (u%d, i%d): predict %s, explained prediction %s",
                where, u, i, prediction, e.prediction()).isTrue();
        assertThat(e.derivation()).as("%s (u%d, i%d) derivation", where, u, i).isNotNull();
        if (DERIVATION_ENDS_WITH_PREDICTION.contains(algorithm.id()) && !Double.isNaN(e.prediction())) {
            assertThat(e.derivation().result()).as("%s (u%d, i%d): derivation result vs prediction", where, u, i)
                    .isEqualTo(e.prediction());
        }
    }

    private static void checkRecommendations(ScoredItems top, int n, double[] scores, IntPredicate seen, int u,
                                             Object where) {
        int candidates = 0;
        for (int i = 0; i < scores.length; i++) {
            candidates += !seen.test(i) && !Double.isNaN(scores[i]) ? 1 : 0;
        }
        assertThat(top.size()).as("%s u%d recommend(%d): size; scores %s", where, u, n, Arrays.toString(scores))
                .isEqualTo(Math.min(n, candidates));
        boolean[] listed = new boolean[scores.length];
        for (int r = 0; r < top.size(); r++) {
            int item = top.item(r);
            assertThat(listed[item]).as("%s u%d recommend(%d): i%d twice", where, u, n, item).isFalse();
            listed[item] = true;
            assertThat(seen.test(item)).as("%s u%d recommend(%d) rank %d: i%d was rated", where, u, n, r, item)
                    .isFalse();
            assertThat(top.score(r)).as("%s u%d recommend(%d) rank %d", where, u, n, r).isNotNaN()
                    .isEqualTo(scores[item]);
            if (r > 0) {
                boolean ordered = top.score(r - 1) > top.score(r)
                        || (top.score(r - 1) == top.score(r) && top.item(r - 1) < top.item(r));
                assertThat(ordered).as("%s u%d recommend(%d) rank %d: (i%d, %s) then (i%d, %s)", where, u, n, r,
                        top.item(r - 1), top.score(r - 1), item, top.score(r)).isTrue();
            }
        }
        if (top.size() == 0) {
            return;
        }
        // nothing left out ranks above the last one listed
        int lastItem = top.item(top.size() - 1);
        double last = top.score(top.size() - 1);
        for (int i = 0; i < scores.length; i++) {
            if (!listed[i] && !seen.test(i) && !Double.isNaN(scores[i])) {
                boolean below = scores[i] < last || (scores[i] == last && i > lastItem);
                assertThat(below).as("%s u%d recommend(%d): i%d (%s) left out, last listed i%d (%s)", where, u, n,
                        i, scores[i], lastItem, last).isTrue();
            }
        }
    }

    /** Fitting twice with the same parameters gives the same model (seeded randomness only). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fittingIsDeterministic(long seed) {
        double[][] m = matrix(seed);
        DatasetKind kind = seed % 3 == 0 ? DatasetKind.IMPLICIT : DatasetKind.EXPLICIT;
        Dataset d = dataset(m, kind, seed);
        for (Algorithm<?> algorithm : AlgorithmRegistry.all()) {
            Model a = fit(algorithm, d, algorithm.defaults());
            Model b = fit(algorithm, d, algorithm.defaults());
            for (int u = 0; u < d.userCount(); u++) {
                assertThat(b.scoreAll(u)).as("seed %d %s %s u%d", seed, kind, algorithm.id(), u)
                        .containsExactly(a.scoreAll(u));
            }
        }
    }

    /**
     * Every rescore-only parameter (kNN's k and normalisation, the hybrid's α and normalisation, MMR's λ and
     * candidates, …) changed to a random value through {@link Model#withParams} gives exactly what a fresh fit with
     * those values gives.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rescoringWithNewRescoreOnlyValuesEqualsAFreshFit(long seed) {
        double[][] m = matrix(seed);
        SplittableRandom random = new SplittableRandom(seed + 99);
        for (DatasetKind kind : DatasetKind.values()) {
            Dataset d = dataset(m, kind, seed);
            for (Algorithm<?> algorithm : AlgorithmRegistry.all()) {
                List<ParamSpec> rescore = algorithm.params().stream().filter(ParamSpec::rescoreOnly).toList();
                if (rescore.isEmpty()) {
                    continue;
                }
                ParamValues original = randomised(algorithm.defaults(), rescore, random);
                ParamValues changed = randomised(original, rescore, random);
                Model fitted = fit(algorithm, d, original);
                Model rescored = fitted.withParams(changed).orElseThrow(() -> new AssertionError(
                        "seed " + seed + " " + algorithm.id() + ": no rescored model for " + changed));
                assertThat(rescored.params()).isEqualTo(changed);
                Model fresh = fit(algorithm, d, changed);
                Object where = lazy(() -> String.format(Locale.ROOT, "seed %d %s %s %s -> %s%n%s", seed, kind,
                        algorithm.id(), original, changed, describe(m)));
                for (int u = 0; u < d.userCount(); u++) {
                    assertThat(rescored.scoreAll(u)).as("%s u%d scores", where, u).containsExactly(fresh.scoreAll(u));
                    for (int i = 0; i < d.itemCount(); i++) {
                        assertThat(same(rescored.predict(u, i), fresh.predict(u, i)))
                                .as("%s (u%d, i%d) prediction", where, u, i).isTrue();
                    }
                    ScoredItems a = rescored.recommend(u, 5);
                    ScoredItems b = fresh.recommend(u, 5);
                    assertThat(a.items()).as("%s u%d recommend", where, u).containsExactly(b.items());
                }
            }
        }
    }

    /** A random valid value for each of the given parameters. */
    static ParamValues randomised(ParamValues values, List<ParamSpec> specs, SplittableRandom random) {
        ParamValues out = values;
        for (ParamSpec spec : specs) {
            Object value = switch (spec.type()) {
                case INTEGER -> (int) spec.min() + random.nextInt((int) Math.min(spec.max() - spec.min(), 30) + 1);
                case REAL -> spec.min() + (spec.max() - spec.min()) * random.nextInt(101) / 100.0;
                case FLAG -> random.nextBoolean();
                case CHOICE -> spec.choices().get(random.nextInt(spec.choices().size()));
            };
            out = out.with(spec.name(), value);
        }
        return out;
    }

    /** An assertion description built only when an assertion fails. */
    static Object lazy(java.util.function.Supplier<String> text) {
        return new Object() {
            @Override
            public String toString() {
                return text.get();
            }
        };
    }
}
