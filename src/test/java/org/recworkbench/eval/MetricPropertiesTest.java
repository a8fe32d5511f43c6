package org.recworkbench.eval;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recworkbench.algo.ScoredItems;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Seeded properties of the ranking metrics and AUC (JUnit 5 parameterised over seeds, no jqwik). */
class MetricPropertiesTest {

    private static final double EPS = 1e-12;

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    /** A random list with graded gains; the user has extra relevant items that are not in the list. */
    static RankedList randomList(SplittableRandom random) {
        int length = random.nextInt(21);
        double density = random.nextDouble();
        boolean[] relevant = new boolean[length];
        double[] gains = new double[length];
        int extra = random.nextInt(6);
        int hits = 0;
        for (int k = 0; k < length; k++) {
            relevant[k] = random.nextDouble() < density;
            gains[k] = relevant[k] ? 1 + random.nextInt(5) : 0;
            hits += relevant[k] ? 1 : 0;
        }
        if (hits + extra == 0) {
            extra = 1;
        }
        double[] ideal = new double[hits + extra];
        int g = 0;
        for (int k = 0; k < length; k++) {
            if (relevant[k]) {
                ideal[g++] = gains[k];
            }
        }
        while (g < ideal.length) {
            ideal[g++] = 1 + random.nextInt(5);
        }
        return new RankedList(relevant, gains, descending(ideal));
    }

    static double[] descending(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        for (int a = 0, b = s.length - 1; a < b; a++, b--) {
            double t = s[a];
            s[a] = s[b];
            s[b] = t;
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyMetricIsBetweenZeroAndOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 20; trial++) {
            RankedList l = randomList(random);
            int n = 1 + random.nextInt(25);
            for (RankingMetric m : RankingMetric.values()) {
                assertThat(m.of(l, n)).as("%s@%d of %s", m.label(), n, Arrays.toString(l.relevant()))
                        .isBetween(-EPS, 1 + EPS);
            }
            // recall ≤ normalised recall, and precision ≤ nrecall (both divide the same hits by more)
            assertThat(RankingMetric.RECALL.of(l, n)).isLessThanOrEqualTo(RankingMetric.NORMALISED_RECALL.of(l, n));
            assertThat(RankingMetric.PRECISION.of(l, n))
                    .isLessThanOrEqualTo(RankingMetric.NORMALISED_RECALL.of(l, n) + EPS);
            // no hit in the top n: every metric is 0
            if (RankingMetric.HIT_RATE.of(l, n) == 0) {
                for (RankingMetric m : RankingMetric.values()) {
                    assertThat(m.of(l, n)).isZero();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aPerfectRankingScoresOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int r = 1 + random.nextInt(10);
        int length = r + random.nextInt(11);
        int n = 1 + random.nextInt(25);
        boolean[] relevant = new boolean[length];
        double[] gains = new double[length];
        double[] ideal = new double[r];
        for (int k = 0; k < r; k++) {
            ideal[k] = 1 + random.nextInt(5);
        }
        ideal = descending(ideal);
        for (int k = 0; k < r; k++) {
            relevant[k] = true;
            gains[k] = ideal[k]; // best gains first
        }
        RankedList l = new RankedList(relevant, gains, ideal);
        assertThat(RankingMetric.NDCG.of(l, n)).isCloseTo(1, within(1e-12));
        assertThat(RankingMetric.NDCG_GRADED.of(l, n)).isCloseTo(1, within(1e-12));
        assertThat(RankingMetric.MAP.of(l, n)).isCloseTo(1, within(1e-12));
        assertThat(RankingMetric.NORMALISED_RECALL.of(l, n)).isCloseTo(1, within(1e-12));
        assertThat(RankingMetric.MRR.of(l, n)).isEqualTo(1);
        assertThat(RankingMetric.HIT_RATE.of(l, n)).isEqualTo(1);
        // precision min(n, r)/n and recall min(n, r)/r
        assertThat(RankingMetric.PRECISION.of(l, n)).isCloseTo((double) Math.min(n, r) / n, within(EPS));
        assertThat(RankingMetric.RECALL.of(l, n)).isCloseTo((double) Math.min(n, r) / r, within(EPS));
        // the binary version of the same list
        RankedList b = RankedList.binary(relevant, r);
        assertThat(RankingMetric.NDCG.of(b, n)).isCloseTo(1, within(1e-12));
        assertThat(RankingMetric.MAP.of(b, n)).isCloseTo(1, within(1e-12));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRelevantItemMovedUpNeverLowersNdcgOrMap(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int trial = 0; trial < 20; trial++) {
            RankedList l = randomList(random);
            int len = l.relevant().length;
            int n = 1 + random.nextInt(25);
            // find an irrelevant rank a above a relevant rank b and swap them
            for (int a = 0; a < len; a++) {
                for (int b = a + 1; b < len; b++) {
                    if (!l.relevant()[a] && l.relevant()[b]) {
                        boolean[] rel = l.relevant().clone();
                        double[] gains = l.gains().clone();
                        rel[a] = true;
                        rel[b] = false;
                        gains[a] = gains[b];
                        gains[b] = 0;
                        RankedList better = new RankedList(rel, gains, l.idealGains());
                        for (RankingMetric m : new RankingMetric[] {RankingMetric.NDCG, RankingMetric.NDCG_GRADED,
                                RankingMetric.MAP, RankingMetric.MRR, RankingMetric.PRECISION}) {
                            assertThat(m.of(better, n)).as(m.label()).isGreaterThanOrEqualTo(m.of(l, n) - EPS);
                        }
                    }
                }
            }
        }
    }

    /** Everything one user's evaluation sees, for m items. */
    record Case(double[] scores, boolean[] relevant, double[] gain, boolean[] excluded) {

        Case relabel(int[] to) {
            int m = scores.length;
            double[] s = new double[m];
            boolean[] r = new boolean[m];
            double[] g = new double[m];
            boolean[] x = new boolean[m];
            for (int i = 0; i < m; i++) {
                s[to[i]] = scores[i];
                r[to[i]] = relevant[i];
                g[to[i]] = gain[i];
                x[to[i]] = excluded[i];
            }
            return new Case(s, r, g, x);
        }

        /** The list as FoldEvaluator builds it: top n of the non-excluded items by score. */
        RankedList list(int n) {
            ScoredItems top = ScoredItems.top(scores, n, i -> excluded[i]);
            boolean[] rel = new boolean[top.size()];
            double[] gains = new double[top.size()];
            for (int k = 0; k < top.size(); k++) {
                rel[k] = relevant[top.item(k)];
                gains[k] = rel[k] ? gain[top.item(k)] : 0;
            }
            int count = 0;
            for (boolean b : relevant) {
                count += b ? 1 : 0;
            }
            double[] ideal = new double[count];
            for (int i = 0, k = 0; i < relevant.length; i++) {
                if (relevant[i]) {
                    ideal[k++] = gain[i];
                }
            }
            return new RankedList(rel, gains, descending(ideal));
        }

        double auc() {
            int c = 0;
            for (boolean b : excluded) {
                c += b ? 0 : 1;
            }
            double[] s = new double[c];
            boolean[] r = new boolean[c];
            for (int i = 0, k = 0; i < scores.length; i++) {
                if (!excluded[i]) {
                    s[k] = scores[i];
                    r[k++] = relevant[i];
                }
            }
            return Auc.of(s, r);
        }
    }

    static Case randomCase(SplittableRandom random, boolean ties) {
        int m = 2 + random.nextInt(40);
        int[] distinct = Splitters.permutation(m, random);
        double[] scores = new double[m];
        boolean[] relevant = new boolean[m];
        double[] gain = new double[m];
        boolean[] excluded = new boolean[m];
        for (int i = 0; i < m; i++) {
            scores[i] = ties ? random.nextInt(4) : distinct[i] + 0.5 * random.nextDouble();
            relevant[i] = random.nextInt(3) == 0;
            gain[i] = relevant[i] ? 1 + random.nextInt(5) : 0;
            excluded[i] = !relevant[i] && random.nextInt(4) == 0;
        }
        relevant[0] = true; // at least one relevant, and one irrelevant candidate
        gain[0] = 3;
        excluded[0] = false;
        relevant[1] = false;
        gain[1] = 0;
        excluded[1] = false;
        return new Case(scores, relevant, gain, excluded);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void relabellingItemsLeavesRankingMetricsUnchanged(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Case c = randomCase(random, false);
        Case relabelled = c.relabel(Splitters.permutation(c.scores().length, random));
        for (int n : new int[] {1, 3, 5, 10, 50}) {
            RankedList a = c.list(n);
            RankedList b = relabelled.list(n);
            assertThat(b.relevant()).isEqualTo(a.relevant());
            for (RankingMetric m : RankingMetric.values()) {
                assertThat(m.of(b, n)).as(m.label() + "@" + n).isCloseTo(m.of(a, n), within(EPS));
            }
        }
        assertThat(relabelled.auc()).isCloseTo(c.auc(), within(EPS));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void relabellingItemsLeavesAucUnchangedEvenWithTies(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Case c = randomCase(random, true);
        Case relabelled = c.relabel(Splitters.permutation(c.scores().length, random));
        double auc = c.auc();
        assertThat(auc).isBetween(0.0, 1.0);
        assertThat(relabelled.auc()).isCloseTo(auc, within(EPS));
        assertThat(auc).isCloseTo(AucTest.bruteForce(
                filter(c.scores(), c.excluded()), filter(c.relevant(), c.excluded())), within(EPS));
    }

    private static double[] filter(double[] v, boolean[] excluded) {
        return java.util.stream.IntStream.range(0, v.length).filter(i -> !excluded[i]).mapToDouble(i -> v[i])
                .toArray();
    }

    private static boolean[] filter(boolean[] v, boolean[] excluded) {
        int[] keep = java.util.stream.IntStream.range(0, v.length).filter(i -> !excluded[i]).toArray();
        boolean[] out = new boolean[keep.length];
        for (int k = 0; k < keep.length; k++) {
            out[k] = v[keep[k]];
        }
        return out;
    }
}
