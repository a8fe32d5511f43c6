package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Training data for popularity, novelty and diversity (4 users, 4 items, implicit):
 * <pre>
 *       i1 i2 i3 i4
 *   u1   1  1  .  .
 *   u2   1  1  .  .
 *   u3   1  .  1  .
 *   u4   .  .  1  .
 * </pre>
 * Item users: i1 {u1,u2,u3} (3), i2 {u1,u2} (2), i3 {u3,u4} (2), i4 {} (0).
 */
class BeyondAccuracyTest {

    private static final Dataset TRAIN = DatasetBuilder.fromMatrix("beyond", DatasetKind.IMPLICIT, new double[][] {
            {1, 1, 0, 0},
            {1, 1, 0, 0},
            {1, 0, 1, 0},
            {0, 0, 1, 0}});
    private static final RatingMatrix R = TRAIN.ratings();

    @Test
    void theFixtureIsWhatTheCommentSays() {
        assertThat(R.userCount()).isEqualTo(4);
        assertThat(R.itemCount()).isEqualTo(4);
        assertThat(new int[] {R.colLength(0), R.colLength(1), R.colLength(2), R.colLength(3)})
                .containsExactly(3, 2, 2, 0);
    }

    // ---- catalogue coverage

    @Test
    void catalogCoverageCountsDistinctItems() {
        // {0, 1, 2} of 5 items
        assertThat(BeyondAccuracy.catalogCoverage(List.of(new int[] {0, 1}, new int[] {1, 2}), 5))
                .isCloseTo(0.6, within(1e-12));
        assertThat(BeyondAccuracy.catalogCoverage(List.of(new int[] {0, 1}, new int[] {2, 3}), 4)).isEqualTo(1.0);
        assertThat(BeyondAccuracy.catalogCoverage(List.of(), 4)).isZero();
    }

    // ---- Gini

    @Test
    void giniOfEqualCountsIsZero() {
        // every item recommended once
        assertThat(BeyondAccuracy.gini(List.of(new int[] {0, 1}, new int[] {2, 3}), 4)).isCloseTo(0, within(1e-12));
        // every item recommended twice
        assertThat(BeyondAccuracy.gini(List.of(new int[] {0, 1, 2}, new int[] {2, 1, 0}), 3))
                .isCloseTo(0, within(1e-12));
    }

    @Test
    void giniWhenOneItemTakesEverySlotIsMMinusOneOverM() {
        // counts sorted (0, 0, 0, 3): (2·4 − 4 − 1)·3 / (4·3) = 9/12 = (4 − 1)/4
        assertThat(BeyondAccuracy.gini(List.of(new int[] {2}, new int[] {2}, new int[] {2}), 4))
                .isCloseTo(0.75, within(1e-12));
        // m = 10: 9/10
        assertThat(BeyondAccuracy.gini(List.of(new int[] {7}, new int[] {7}), 10)).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void giniHandCaseInBetween() {
        // counts (1, 2, 3): Σ_i Σ_j |x_i − x_j| = 2·(1 + 2 + 1) = 8; G = 8 / (2·m²·mean) = 8 / (2·9·2) = 2/9
        List<int[]> lists = List.of(new int[] {0, 1, 2}, new int[] {1, 2}, new int[] {2});
        assertThat(BeyondAccuracy.gini(lists, 3)).isCloseTo(2.0 / 9, within(1e-12));
        // no recommendations at all
        assertThat(BeyondAccuracy.gini(List.of(), 3)).isZero();
    }

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    /** Gini from the mean absolute difference: Σ_i Σ_j |x_i − x_j| / (2 m Σ x). */
    @ParameterizedTest
    @MethodSource("seeds")
    void giniAgreesWithTheMeanAbsoluteDifference(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int items = 1 + random.nextInt(15);
        List<int[]> lists = randomLists(random, 1 + random.nextInt(10), items, 1 + random.nextInt(items));
        long[] counts = new long[items];
        long total = 0;
        for (int[] l : lists) {
            for (int i : l) {
                counts[i]++;
                total++;
            }
        }
        double diff = 0;
        for (long a : counts) {
            for (long b : counts) {
                diff += Math.abs(a - b);
            }
        }
        double expected = diff / (2.0 * items * total);
        assertThat(BeyondAccuracy.gini(lists, items)).isCloseTo(expected, within(1e-12)).isBetween(0.0, 1.0);
    }

    // ---- personalisation

    @Test
    void personalisationOfIdenticalListsIsZeroAndOfDisjointListsOne() {
        List<int[]> same = List.of(new int[] {0, 1}, new int[] {1, 0}, new int[] {0, 1});
        assertThat(BeyondAccuracy.personalisation(same, 2, 5)).isCloseTo(0, within(1e-12));
        List<int[]> disjoint = List.of(new int[] {0, 1}, new int[] {2, 3}, new int[] {4, 5});
        assertThat(BeyondAccuracy.personalisation(disjoint, 2, 6)).isCloseTo(1, within(1e-12));
    }

    @Test
    void personalisationHandCase() {
        // overlaps: |L1∩L2| = 1 ({1}), |L1∩L3| = 0, |L2∩L3| = 0; mean overlap / n = (1/2 + 0 + 0) / 3 = 1/6
        List<int[]> lists = List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {3, 4});
        assertThat(BeyondAccuracy.personalisation(lists, 2, 5)).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void personalisationNeedsTwoLists() {
        assertThat(BeyondAccuracy.personalisation(List.of(new int[] {0}), 1, 2)).isNaN();
        assertThat(BeyondAccuracy.personalisation(List.of(), 1, 2)).isNaN();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void personalisationAgreesWithPairwiseOverlaps(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int items = 2 + random.nextInt(12);
        int n = 1 + random.nextInt(items);
        List<int[]> lists = randomLists(random, 2 + random.nextInt(8), items, n);
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < lists.size(); a++) {
            for (int b = a + 1; b < lists.size(); b++) {
                Set<Integer> sa = set(lists.get(a));
                sa.retainAll(set(lists.get(b)));
                sum += (double) sa.size() / n;
                pairs++;
            }
        }
        assertThat(BeyondAccuracy.personalisation(lists, n, items)).isCloseTo(1 - sum / pairs, within(1e-12))
                .isBetween(-1e-12, 1 + 1e-12);
    }

    @Test
    void personalisationDoesNotOverflowForManyUsers() {
        List<int[]> lists = new ArrayList<>();
        for (int u = 0; u < 50_000; u++) {
            lists.add(new int[] {0});
        }
        // everyone gets the same list: shared slots = pairs = 50000·49999/2 → 1 − 1 = 0
        assertThat(BeyondAccuracy.personalisation(lists, 1, 1)).isCloseTo(0, within(1e-9));
    }

    // ---- popularity and novelty

    @Test
    void popularityIsTheMeanTrainingCount() {
        // (3 + 2 + 2 + 0) / 4
        assertThat(BeyondAccuracy.popularity(new int[] {0, 1, 2, 3}, R)).isCloseTo(1.75, within(1e-12));
        assertThat(BeyondAccuracy.popularity(new int[] {0}, R)).isEqualTo(3.0);
        assertThat(BeyondAccuracy.popularity(new int[0], R)).isNaN();
    }

    @Test
    void noveltyIsTheMeanSmoothedSelfInformation() {
        // p = (n_i + 1) / (4 + 1): 4/5, 3/5, 3/5, 1/5 → −log2: 0.3219281, 0.7369656, 0.7369656, 2.3219281;
        // mean 1.0294468
        assertThat(BeyondAccuracy.novelty(new int[] {0, 1, 2, 3}, R)).isCloseTo(1.0294468445267841, within(1e-12));
        // an item nobody has seen: log2(5)
        assertThat(BeyondAccuracy.novelty(new int[] {3}, R))
                .isCloseTo(Math.log(5) / Math.log(2), within(1e-12));
        assertThat(BeyondAccuracy.novelty(new int[0], R)).isNaN();
    }

    // ---- intra-list diversity

    @Test
    void intraListDiversityByHand() {
        // cos(i1,i2) = |{u1,u2}| / √(3·2) = 2/√6 = 0.8164966; cos(i1,i3) = |{u3}| / √6 = 0.4082483;
        // cos(i2,i3) = 0 → ILD = 1 − (0.8164966 + 0.4082483 + 0) / 3 = 0.5917517
        assertThat(BeyondAccuracy.intraListDiversity(new int[] {0, 1, 2}, R))
                .isCloseTo(0.5917517095361369, within(1e-12));
        // a pair with an item nobody trained on: cosine 0
        assertThat(BeyondAccuracy.intraListDiversity(new int[] {0, 3}, R)).isCloseTo(1, within(1e-12));
        // 1 − 2/√6
        assertThat(BeyondAccuracy.intraListDiversity(new int[] {1, 0}, R))
                .isCloseTo(1 - 2 / Math.sqrt(6), within(1e-12));
        assertThat(BeyondAccuracy.intraListDiversity(new int[] {0}, R)).isNaN();
        assertThat(BeyondAccuracy.intraListDiversity(new int[0], R)).isNaN();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void binaryCosineAgreesWithSetIntersection(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int users = 1 + random.nextInt(12);
        int items = 2 + random.nextInt(8);
        double[][] m = new double[users][items];
        double density = random.nextDouble();
        for (double[] row : m) {
            for (int i = 0; i < items; i++) {
                row[i] = random.nextDouble() < density ? 1 : 0;
            }
        }
        RatingMatrix r = DatasetBuilder.fromMatrix("cos", DatasetKind.IMPLICIT, m).ratings();
        int[] list = new int[items];
        for (int i = 0; i < items; i++) {
            list[i] = i;
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < items; a++) {
            for (int b = a + 1; b < items; b++) {
                int ca = 0;
                int cb = 0;
                int common = 0;
                for (double[] row : m) {
                    ca += row[a] > 0 ? 1 : 0;
                    cb += row[b] > 0 ? 1 : 0;
                    common += row[a] > 0 && row[b] > 0 ? 1 : 0;
                }
                double cos = ca == 0 || cb == 0 ? 0 : common / Math.sqrt((double) ca * cb);
                assertThat(BeyondAccuracy.binaryCosine(r, a, b)).isCloseTo(cos, within(1e-12));
                sum += cos;
                pairs++;
            }
        }
        assertThat(BeyondAccuracy.intraListDiversity(list, r)).isCloseTo(1 - sum / pairs, within(1e-12))
                .isBetween(-1e-12, 1 + 1e-12);
    }

    // ---- helpers

    /** Lists of n distinct items each (n ≤ items). */
    static List<int[]> randomLists(SplittableRandom random, int count, int items, int n) {
        List<int[]> lists = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int[] order = new int[items];
            for (int i = 0; i < items; i++) {
                order[i] = i;
            }
            for (int k = items - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
            lists.add(java.util.Arrays.copyOf(order, n));
        }
        return lists;
    }

    private static Set<Integer> set(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int x : a) {
            s.add(x);
        }
        return s;
    }
}
