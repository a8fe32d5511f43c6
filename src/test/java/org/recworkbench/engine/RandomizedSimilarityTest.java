package org.recworkbench.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.IdIndex;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.DenseBudget;
import org.recworkbench.similarity.DenseSimilarity;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.PairSimilarity;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;
import org.recworkbench.similarity.SimilarityOptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Properties of every measure and option on random small matrices (seeded; a failure names its seed): symmetric,
 * finite and within [−1, 1], 1 for identical vectors, independent of id order, and the sparse top-K and dense
 * matrices equal brute force over single pairs.
 */
class RandomizedSimilarityTest {

    static Stream<Long> seeds() {
        return LongStream.range(1, 61).boxed();
    }

    private static List<SimilarityOptions> options() {
        List<SimilarityOptions> all = new ArrayList<>();
        for (Measure m : Measure.values()) {
            SimilarityOptions base = SimilarityOptions.of(m);
            all.add(base);
            all.add(base.withShrinkage(5));
            all.add(base.withMinOverlap(2));
            all.add(base.withCoRatedNorms(true));
            all.add(base.withVectorMeans(true).withShrinkage(1));
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void symmetricFiniteAndWithinMinusOneToOne(long seed) {
        Dataset d = RandomMatrices.dataset(RandomMatrices.matrix(seed));
        for (Orientation o : Orientation.values()) {
            for (SimilarityOptions opt : options()) {
                Similarities s = new Similarities(d, o, opt);
                for (int a = 0; a < s.rows(); a++) {
                    for (int b = 0; b < s.rows(); b++) {
                        double ab = s.pair(a, b).value();
                        assertThat(ab).as("seed %d %s %s (%d,%d)", seed, o, opt, a, b).isFinite()
                                .isBetween(-1.0, 1.0).isCloseTo(s.pair(b, a).value(), within(1e-12));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void identicalNonConstantVectorsHaveSimilarityOne(long seed) {
        double[][] m = RandomMatrices.matrix(seed);
        double[] twin = new double[m[0].length];
        for (int i = 0; i < twin.length; i++) {
            twin[i] = 1 + (i * 7 + seed) % 5;
        }
        twin[0] = 1;
        twin[twin.length - 1] = 5;
        double[][] withTwins = new double[m.length + 2][];
        System.arraycopy(m, 0, withTwins, 0, m.length);
        withTwins[m.length] = twin;
        withTwins[m.length + 1] = twin.clone();
        Dataset d = RandomMatrices.dataset(withTwins);
        int a = m.length;
        int n = twin.length;
        for (Measure measure : new Measure[] {Measure.COSINE, Measure.PEARSON, Measure.JACCARD, Measure.EUCLIDEAN,
                Measure.MSD}) {
            Similarities s = new Similarities(d, Orientation.USERS, SimilarityOptions.of(measure));
            assertThat(s.pair(a, a + 1).value()).as("seed %d %s", seed, measure).isCloseTo(1, within(1e-9));
            Similarities shrunk = new Similarities(d, Orientation.USERS, SimilarityOptions.of(measure)
                    .withShrinkage(3));
            assertThat(shrunk.pair(a, a + 1).value()).as("seed %d %s shrunk", seed, measure)
                    .isCloseTo((double) n / (n + 3), within(1e-9));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void similaritiesDoNotDependOnIdsOrInsertionOrder(long seed) {
        double[][] m = RandomMatrices.matrix(seed);
        Dataset plain = RandomMatrices.dataset(m);
        Dataset shuffled = RandomMatrices.shuffled(m, seed);
        for (SimilarityOptions opt : options()) {
            for (Orientation o : Orientation.values()) {
                Similarities s1 = new Similarities(plain, o, opt);
                Similarities s2 = new Similarities(shuffled, o, opt);
                IdIndex ids = o == Orientation.USERS ? shuffled.users() : shuffled.items();
                String prefix = o == Orientation.USERS ? "U" : "I";
                int n = o == Orientation.USERS ? m.length : m[0].length;
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        int sa = ids.indexOf(prefix + a);
                        int sb = ids.indexOf(prefix + b);
                        if (sa < 0 || sb < 0) {
                            continue;
                        }
                        PairSimilarity p1 = s1.pair(a, b);
                        PairSimilarity p2 = s2.pair(sa, sb);
                        assertThat(p2.value()).as("seed %d %s %s (%d,%d)", seed, o, opt, a, b)
                                .isCloseTo(p1.value(), within(1e-12));
                        assertThat(p2.overlap()).isEqualTo(p1.overlap());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void topKEqualsBruteForceOverPairs(long seed) {
        Dataset d = RandomMatrices.dataset(RandomMatrices.matrix(seed));
        for (Orientation o : Orientation.values()) {
            for (SimilarityOptions opt : options()) {
                Similarities s = new Similarities(d, o, opt);
                for (int k : new int[] {1, 2, 3, s.rows()}) {
                    SimilarityMatrix m = s.topK(k, Progress.NONE, Cancellation.NEVER);
                    for (int a = 0; a < s.rows(); a++) {
                        List<PairSimilarity> expected = bruteForce(s, a, k);
                        assertThat(m.neighbourCount(a)).as("seed %d %s %s k=%d row %d", seed, o, opt, k, a)
                                .isEqualTo(expected.size());
                        for (int r = 0; r < expected.size(); r++) {
                            int p = m.start(a) + r;
                            PairSimilarity e = expected.get(r);
                            assertThat((double) m.similarityAt(p)).isCloseTo(e.value(), within(1e-6));
                            if (r + 1 < expected.size() && Math.abs(expected.get(r + 1).value() - e.value()) > 1e-12
                                    && (r == 0 || Math.abs(expected.get(r - 1).value() - e.value()) > 1e-12)) {
                                assertThat(m.neighbourAt(p)).as("seed %d %s %s k=%d row %d rank %d", seed, o, opt,
                                        k, a, r).isEqualTo(e.b());
                                assertThat(m.overlapAt(p)).isEqualTo(e.overlap());
                            }
                        }
                    }
                }
            }
        }
    }

    private static List<PairSimilarity> bruteForce(Similarities s, int a, int k) {
        List<PairSimilarity> all = new ArrayList<>();
        for (int b = 0; b < s.rows(); b++) {
            PairSimilarity p = s.pair(a, b);
            if (b != a && p.value() > 0) {
                all.add(p);
            }
        }
        all.sort(Comparator.comparingDouble((PairSimilarity p) -> -p.value()).thenComparingInt(PairSimilarity::b));
        return all.subList(0, Math.min(k, all.size()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void denseEqualsPairs(long seed) {
        Dataset d = RandomMatrices.dataset(RandomMatrices.matrix(seed));
        Similarities s = new Similarities(d, Orientation.ITEMS, SimilarityOptions.of(Measure.ADJUSTED_COSINE));
        int[] subset = {d.itemCount() - 1, 0, d.itemCount() / 2};
        DenseSimilarity dense = s.dense(subset, DenseBudget.DEFAULT_BYTES);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                PairSimilarity p = s.pair(subset[r], subset[c]);
                assertThat((double) dense.value(r, c)).as("seed %d", seed).isCloseTo(p.value(), within(1e-6));
                assertThat(dense.overlap(r, c)).isEqualTo(p.overlap()).isEqualTo(dense.overlap(c, r));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void explainedPairsGiveTheSameValueAsPlainPairs(long seed) {
        Dataset d = RandomMatrices.dataset(RandomMatrices.matrix(seed));
        for (SimilarityOptions opt : options()) {
            Similarities s = new Similarities(d, Orientation.USERS, opt);
            for (int a = 0; a < s.rows(); a++) {
                for (int b = 0; b < s.rows(); b++) {
                    PairSimilarity explained = s.explain(a, b);
                    assertThat(explained.value()).isEqualTo(s.pair(a, b).value());
                    double last = explained.derivation().result();
                    assertThat(last).as("seed %d %s", seed, opt).isEqualTo(explained.value());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void implicitBinaryDataGivesJaccardOfTheSets(long seed) {
        double[][] m = RandomMatrices.matrix(seed);
        Dataset d = DatasetBuilder.fromMatrix("bin", DatasetKind.IMPLICIT, binary(m));
        Similarities s = new Similarities(d, Orientation.USERS, SimilarityOptions.of(Measure.JACCARD));
        for (int a = 0; a < d.userCount(); a++) {
            for (int b = 0; b < d.userCount(); b++) {
                int both = 0;
                int either = 0;
                for (int i = 0; i < m[0].length; i++) {
                    boolean x = !Double.isNaN(m[a][i]);
                    boolean y = !Double.isNaN(m[b][i]);
                    both += x && y ? 1 : 0;
                    either += x || y ? 1 : 0;
                }
                double expected = both == 0 ? 0 : (double) both / either;
                assertThat(s.pair(a, b).value()).as("seed %d (%d,%d)", seed, a, b).isCloseTo(expected, within(1e-12));
            }
        }
    }

    private static double[][] binary(double[][] m) {
        double[][] b = new double[m.length][m[0].length];
        for (int u = 0; u < m.length; u++) {
            for (int i = 0; i < m[0].length; i++) {
                b[u][i] = Double.isNaN(m[u][i]) ? 0 : 1;
            }
        }
        return b;
    }
}
