package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.algo.baseline.BiasBaseline;
import org.recworkbench.algo.knn.ItemKnnAlgorithm;
import org.recworkbench.algo.knn.KnnModel;
import org.recworkbench.algo.knn.UserKnnAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.PairSimilarity;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityOptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.recworkbench.algo.RecommenderPropertiesTest.dataset;
import static org.recworkbench.algo.RecommenderPropertiesTest.describe;
import static org.recworkbench.algo.RecommenderPropertiesTest.fit;
import static org.recworkbench.algo.RecommenderPropertiesTest.lazy;
import static org.recworkbench.algo.RecommenderPropertiesTest.matrix;
import static org.recworkbench.algo.RecommenderPropertiesTest.same;

/**
 * Property-based checks of user- and item-kNN on random small datasets (the generator of
 * {@link RecommenderPropertiesTest}), each run over a range of seeds with every random choice drawn from a
 * {@link SplittableRandom} of that seed, which every assertion names.
 */
class KnnPropertiesTest {

    private static final List<String> IDS = List.of(UserKnnAlgorithm.ID, ItemKnnAlgorithm.ID);
    private static final String[] NORMALISATIONS = {"none", "mean-centre", "z-score", "bias-baseline"};

    /** Seeds 1…n; {@code -DpropertySeeds=n} runs more of them. */
    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, Long.getLong("propertySeeds", 40)).boxed();
    }

    /** Random similarity, shrinkage, minimum overlap and normalisation (k left at its default). */
    private static ParamValues randomParams(Algorithm<?> algorithm, SplittableRandom random) {
        return algorithm.defaults()
                .with("similarity", Measure.values()[random.nextInt(Measure.values().length)].cliName())
                .with("shrinkage", random.nextBoolean() ? 0.0 : (double) random.nextInt(11))
                .with("min-overlap", 1 + random.nextInt(3))
                .with("normalise", NORMALISATIONS[random.nextInt(NORMALISATIONS.length)])
                .with("overall-means", random.nextInt(4) == 0);
    }

    private static DatasetKind kind(long seed) {
        return seed % 4 == 3 ? DatasetKind.IMPLICIT : DatasetKind.EXPLICIT;
    }

    /**
     * Property 8: for random k1 &lt; k2, the model fitted with k2 re-scored by {@code withParams} with k1 (and, half
     * the time, another normalisation) scores, predicts, explains and recommends exactly as a fresh fit with k1.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changingKOnAFittedModelEqualsAFreshFit(long seed) {
        double[][] m = matrix(seed);
        Dataset d = dataset(m, kind(seed), seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (String id : IDS) {
            Algorithm<?> algorithm = AlgorithmRegistry.require(id);
            int limit = random.nextInt(4) == 0 ? 100 : 12;
            int k1 = 1 + random.nextInt(limit - 1);
            int k2 = k1 + 1 + random.nextInt(limit - k1);
            ParamValues big = randomParams(algorithm, random).with("k", k2);
            ParamValues small = big.with("k", k1);
            if (random.nextBoolean()) {
                small = small.with("normalise", NORMALISATIONS[random.nextInt(NORMALISATIONS.length)]);
            }
            Model fitted = fit(algorithm, d, big);
            ParamValues wanted = small;
            Model sliced = fitted.withParams(small).orElseThrow(() -> new AssertionError(
                    "seed " + seed + " " + id + ": no re-scored model for " + wanted));
            Model fresh = fit(algorithm, d, small);
            Object where = lazy(() -> String.format(Locale.ROOT, "seed %d %s %s -> %s%n%s", seed, id, big, wanted,
                    describe(m)));
            assertThat(sliced.params()).as("%s", where).isEqualTo(small);
            for (int u = 0; u < d.userCount(); u++) {
                assertThat(sliced.scoreAll(u)).as("%s u%d scores", where, u).containsExactly(fresh.scoreAll(u));
                for (int i = 0; i < d.itemCount(); i++) {
                    double p = sliced.predict(u, i);
                    double q = fresh.predict(u, i);
                    assertThat(same(p, q)).as("%s (u%d, i%d): re-scored %s, fresh %s", where, u, i, p, q).isTrue();
                    Explanation a = sliced.explain(u, i);
                    Explanation b = fresh.explain(u, i);
                    assertThat(same(a.score(), b.score())).as("%s (u%d, i%d) explained score", where, u, i).isTrue();
                    assertThat(a.contributions()).as("%s (u%d, i%d) contributions", where, u, i)
                            .isEqualTo(b.contributions());
                    assertThat(a.derivation()).as("%s (u%d, i%d) derivation", where, u, i).isEqualTo(b.derivation());
                }
                assertThat(sliced.recommend(u, 4).items()).as("%s u%d recommend", where, u)
                        .containsExactly(fresh.recommend(u, 4).items());
            }
        }
    }

    /** Changing a parameter the similarities depend on cannot be re-scored: withParams asks for a refit. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changingTheSimilarityNeedsARefit(long seed) {
        Dataset d = dataset(matrix(seed), kind(seed), seed);
        SplittableRandom random = new SplittableRandom(seed + 5);
        for (String id : IDS) {
            Algorithm<?> algorithm = AlgorithmRegistry.require(id);
            ParamValues values = randomParams(algorithm, random);
            Model model = fit(algorithm, d, values);
            assertThat(model.withParams(values)).as("seed %d %s unchanged", seed, id).isPresent();
            String measure = values.getChoice("similarity");
            String other = Measure.values()[(Measure.fromCliName(measure).ordinal() + 1) % Measure.values().length]
                    .cliName();
            assertThat(model.withParams(values.with("similarity", other))).as("seed %d %s similarity", seed, id)
                    .isEmpty();
            assertThat(model.withParams(values.with("shrinkage", values.getDouble("shrinkage") + 1)))
                    .as("seed %d %s shrinkage", seed, id).isEmpty();
            assertThat(model.withParams(values.with("min-overlap", values.getInt("min-overlap") + 1)))
                    .as("seed %d %s min-overlap", seed, id).isEmpty();
        }
    }

    /**
     * The neighbours of each explained pair are the brute-force ones: for user-kNN the k users most similar to u
     * (by {@link Similarities#pair}, positive only, ties by index) among those who rated i; for item-kNN the k items
     * most similar to i among those u rated. Their similarities match pair() within 1e-6 (the pool holds floats),
     * the score is Σ s·r and the prediction is the normalised weighted mean, recomputed here from the dataset.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neighboursScoresAndPredictionsEqualBruteForce(long seed) {
        double[][] generated = matrix(seed);
        Dataset d = dataset(generated, kind(seed), seed);
        // the values as the dataset holds them: floats, 1 for implicit data
        double[][] m = new double[generated.length][generated[0].length];
        for (int u = 0; u < m.length; u++) {
            for (int i = 0; i < m[0].length; i++) {
                double x = generated[u][i];
                m[u][i] = Double.isNaN(x) ? x : d.kind() == DatasetKind.IMPLICIT ? 1 : (float) x;
            }
        }
        SplittableRandom random = new SplittableRandom(seed + 11);
        for (String id : IDS) {
            boolean byUser = id.equals(UserKnnAlgorithm.ID);
            Algorithm<?> algorithm = AlgorithmRegistry.require(id);
            ParamValues values = randomParams(algorithm, random).with("k", 1 + random.nextInt(6));
            KnnModel model = (KnnModel) fit(algorithm, d, values);
            int k = values.getInt("k");
            String normalise = values.getChoice("normalise");
            Similarities sims = new Similarities(d, byUser ? Orientation.USERS : Orientation.ITEMS,
                    SimilarityOptions.of(Measure.fromCliName(values.getChoice("similarity")))
                            .withShrinkage(values.getDouble("shrinkage")).withMinOverlap(values.getInt("min-overlap"))
                            .withVectorMeans(values.getFlag("overall-means")
                                    && values.getChoice("similarity").equals(Measure.PEARSON.cliName())));
            Stats stats = new Stats(m, byUser);
            BiasBaseline bias = BiasBaseline.fit(d, 5, 3); // the bias algorithm's defaults, which kNN normalises with
            for (int u = 0; u < d.userCount(); u++) {
                for (int i = 0; i < d.itemCount(); i++) {
                    int target = byUser ? u : i;
                    int user = u;
                    int item = i;
                    Object where = lazy(() -> String.format(Locale.ROOT, "seed %d %s %s (u%d, i%d)%n%s", seed, id,
                            values, user, item, describe(m)));
                    // candidates: rated the item (user-kNN) / rated by the user (item-kNN), any similarity > −1e-12
                    List<PairSimilarity> candidates = new ArrayList<>();
                    for (int n = 0; n < sims.rows(); n++) {
                        double r = byUser ? m[n][i] : m[u][n];
                        PairSimilarity p = sims.pair(target, n);
                        if (n != target && !Double.isNaN(r) && p.overlap() >= values.getInt("min-overlap")
                                && p.value() > -1e-12) {
                            candidates.add(p);
                        }
                    }
                    candidates.sort((x, y) -> x.value() != y.value() ? Double.compare(y.value(), x.value())
                            : Integer.compare(x.b(), y.b()));
                    int sure = (int) candidates.stream().filter(p -> p.value() > 1e-12).count();
                    Explanation e = model.explain(u, i);
                    // contributions come largest first; the neighbours are compared in similarity order
                    List<Contribution> used = new ArrayList<>(e.contributions());
                    used.sort((x, y) -> x.value("similarity") != y.value("similarity")
                            ? Double.compare(y.value("similarity"), x.value("similarity"))
                            : Integer.compare(index(d, byUser, x.id()), index(d, byUser, y.id())));
                    if (sure == candidates.size()) {
                        assertThat(used).as("%s: neighbours, candidates %s", where, candidates)
                                .hasSize(Math.min(k, sure));
                    } else {
                        assertThat(used.size()).as("%s: neighbours, candidates %s", where, candidates)
                                .isBetween(Math.min(k, sure), Math.min(k, candidates.size()));
                    }
                    double score = 0;
                    double num = 0;
                    double den = 0;
                    Set<String> listed = new HashSet<>();
                    for (int r = 0; r < used.size(); r++) {
                        Contribution c = used.get(r);
                        int n = byUser ? d.users().indexOf(c.id()) : d.items().indexOf(c.id());
                        assertThat(listed.add(c.id())).as("%s: %s twice", where, c.id()).isTrue();
                        Set<Integer> group = tieGroup(candidates, r);
                        if (group.size() == 1) {
                            assertThat(n).as("%s rank %d; candidates %s", where, r, candidates)
                                    .isEqualTo(candidates.get(r).b());
                        } else {
                            assertThat(group).as("%s rank %d among the tied; candidates %s", where, r, candidates)
                                    .contains(n);
                        }
                        double s = c.value("similarity");
                        double rating = c.value("rating");
                        assertThat(s).as("%s: similarity of %s", where, c.id())
                                .isCloseTo(sims.pair(target, n).value(), within(1e-6))
                                .isEqualTo((double) (float) s);
                        assertThat(rating).as("%s: rating of %s", where, c.id())
                                .isEqualTo(byUser ? m[n][i] : m[u][n]);
                        assertThat(c.value("overlap")).as("%s: overlap of %s", where, c.id())
                                .isEqualTo(sims.pair(target, n).overlap());
                        int other = byUser ? i : u;
                        score += s * rating;
                        num += s * (rating - base(normalise, stats, bias, byUser, n, other)) / stats.scale(normalise, n);
                        den += Math.abs(s);
                    }
                    if (used.isEmpty()) {
                        assertThat(e.score()).as("%s score", where).isNaN();
                        assertThat(e.prediction()).as("%s prediction", where).isNaN();
                        continue;
                    }
                    assertThat(e.score()).as("%s score", where).isCloseTo(score, within(1e-9));
                    int other = byUser ? i : u;
                    double expected = base(normalise, stats, bias, byUser, target, other)
                            + stats.scale(normalise, target) * num / den;
                    assertThat(e.prediction()).as("%s prediction (%s)", where, normalise)
                            .isCloseTo(expected, within(1e-9));
                }
            }
        }
    }

    /**
     * i1 and i3 have the same Pearson similarity with i2 (co-rated users u1–u3 rate them identically), so with k = 1
     * the tie goes to i1, the lower index, and u4's prediction for i2 is mean(i2) + (4 − mean(i1)) = 7/3 + 1. This
     * failed while Pearson was not bit-symmetric (i3 won and the prediction was 7/3 + (2 − 2.5) = 1.8333).
     */
    @Test
    void anExactTieBetweenNeighboursGoesToTheLowerIndex() {
        Dataset d = org.recworkbench.data.DatasetBuilder.fromMatrix("tie", DatasetKind.EXPLICIT, new double[][] {
                {5, 3, 5},
                {2, 3, 2},
                {1, 1, 1},
                {4, Double.NaN, 2}});
        Algorithm<?> itemKnn = AlgorithmRegistry.require(ItemKnnAlgorithm.ID);
        Model model = fit(itemKnn, d, itemKnn.defaults().with("k", 1).with("similarity", "pearson"));
        assertThat(model.explain(3, 1).contributions()).extracting(Contribution::id).containsExactly("i1");
        assertThat(model.predict(3, 1)).isCloseTo(7 / 3.0 + 1, within(1e-12));
    }

    private static double base(String normalise, Stats stats, BiasBaseline bias, boolean byUser, int entity,
                               int other) {
        return switch (normalise) {
            case "none" -> 0;
            case "mean-centre", "z-score" -> stats.mean[entity];
            case "bias-baseline" -> byUser ? bias.predict(entity, other) : bias.predict(other, entity);
            default -> throw new IllegalArgumentException(normalise);
        };
    }

    /** Means and population standard deviations of each user's (byUser) or item's ratings, from the matrix. */
    private static final class Stats {
        final double[] mean;
        final double[] sd;

        Stats(double[][] m, boolean byUser) {
            int n = byUser ? m.length : m[0].length;
            mean = new double[n];
            sd = new double[n];
            for (int e = 0; e < n; e++) {
                double s = 0;
                int count = 0;
                int len = byUser ? m[0].length : m.length;
                for (int t = 0; t < len; t++) {
                    double x = byUser ? m[e][t] : m[t][e];
                    if (!Double.isNaN(x)) {
                        s += x;
                        count++;
                    }
                }
                mean[e] = count == 0 ? 0 : s / count;
                double ss = 0;
                for (int t = 0; t < len; t++) {
                    double x = byUser ? m[e][t] : m[t][e];
                    if (!Double.isNaN(x)) {
                        ss += (x - mean[e]) * (x - mean[e]);
                    }
                }
                sd[e] = count == 0 ? 0 : Math.sqrt(ss / count);
            }
        }

        double scale(String normalise, int e) {
            return normalise.equals("z-score") && sd[e] > 0 ? sd[e] : 1;
        }
    }

    private static Set<Integer> tieGroup(List<PairSimilarity> candidates, int r) {
        Set<Integer> group = new HashSet<>();
        group.add(candidates.get(r).b());
        for (int q = r - 1; q >= 0 && Math.abs(candidates.get(q).value() - candidates.get(q + 1).value()) <= 1e-12;
             q--) {
            group.add(candidates.get(q).b());
        }
        for (int q = r + 1; q < candidates.size()
                && Math.abs(candidates.get(q).value() - candidates.get(q - 1).value()) <= 1e-12; q++) {
            group.add(candidates.get(q).b());
        }
        return group;
    }

    private static int index(Dataset d, boolean byUser, String id) {
        return byUser ? d.users().indexOf(id) : d.items().indexOf(id);
    }
}
