package org.recworkbench.similarity;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.job.Cancellation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Clustering order, heatmap values against pair computations, subsets and neighbours. */
class HeatmapTest {

    private static final double N = Double.NaN;
    private static final Dataset RATINGS = DatasetBuilder.fromMatrix("four",
            DatasetKind.EXPLICIT, new double[][] {
                    {5, 3, 4, N},
                    {3, 1, N, 3},
                    {4, 3, 4, 3},
                    {N, 5, 1, 2}});

    /** Random ratings 1–5; items "i0".. titled "Title k" with one of three categories. */
    private static Dataset random(int users, int items, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetBuilder b = new DatasetBuilder("random " + seed, DatasetKind.EXPLICIT);
        for (int i = 0; i < items; i++) {
            b.item("i" + i, "Title " + i, new String[] {"cat" + (i % 3)}, "");
        }
        for (int u = 0; u < users; u++) {
            b.user("u" + u);
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() < density * (1 + (i % 5))) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    @Test
    void averageLinkageJoinsTheClosestPairsFirst() {
        // points on a line at 0, 10, 1, 11, 2: clusters {0,1,2} at positions 0,2,4 and {10,11} at 1,3
        double[] x = {0, 10, 1, 11, 2};
        int n = x.length;
        double[] d = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                d[a * n + b] = Math.abs(x[a] - x[b]);
            }
        }
        int[] order = Clustering.leafOrder(d, n);
        assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        // the two clusters come out as contiguous blocks
        List<Integer> positions = new ArrayList<>();
        for (int k : order) {
            positions.add(k);
        }
        int firstHigh = Math.min(positions.indexOf(1), positions.indexOf(3));
        assertThat(Math.abs(positions.indexOf(1) - positions.indexOf(3))).isEqualTo(1);
        assertThat(firstHigh == 0 || firstHigh == 3).isTrue();
        // 0 and 2 (distance 1) were merged first, so they are neighbours in the order
        assertThat(Math.abs(positions.indexOf(0) - positions.indexOf(2))).isEqualTo(1);
    }

    @Test
    void clusteringRecoversShuffledBlocks() {
        // three blocks of 20 rows, similarity 0.9 inside a block and 0.1 across, rows shuffled
        int n = 60;
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        Collections.shuffle(rows, new java.util.Random(3));
        float[] values = new float[n * n];
        SplittableRandom noise = new SplittableRandom(5);
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double v = a == b ? 1 : rows.get(a) / 20 == rows.get(b) / 20 ? 0.9 : 0.1;
                v += a == b ? 0 : noise.nextDouble(-0.05, 0.05);
                values[a * n + b] = (float) v;
                values[b * n + a] = (float) v;
            }
        }
        int[] order = Clustering.leafOrder(new DenseSimilarity(new int[n], values, new int[n * n]));
        int changes = 0;
        for (int k = 1; k < n; k++) {
            if (rows.get(order[k]) / 20 != rows.get(order[k - 1]) / 20) {
                changes++;
            }
        }
        assertThat(changes).isEqualTo(2);
    }

    @Test
    void everyCellIsThePairSimilarityAndItsDerivationEndsInIt() {
        Dataset d = random(200, 80, 0.1, 11);
        for (Measure measure : Measure.values()) {
            SimilarityOptions options = SimilarityOptions.of(measure).withShrinkage(measure.ordinal() * 5);
            int[] subset = Subsets.mostPopularItems(d, 25);
            SimilarityHeatmap h = SimilarityHeatmap.build(d, Orientation.ITEMS, options, subset,
                    HeatmapOrder.CLUSTERED, Cancellation.NEVER);
            Similarities direct = new Similarities(d, Orientation.ITEMS, options);
            assertThat(h.size()).isEqualTo(25);
            for (int r = 0; r < h.size(); r++) {
                for (int c = 0; c < h.size(); c++) {
                    PairSimilarity p = direct.pair(h.index(r), h.index(c));
                    // the same sums in the same order through the same formula: equal to the last bit
                    assertThat(h.value(r, c)).isEqualTo((double) (float) p.value());
                    assertThat(h.overlap(r, c)).isEqualTo(p.overlap());
                }
            }
            PairSimilarity explained = h.explain(3, 7);
            assertThat(explained.derivation().result()).isCloseTo(h.value(3, 7), within(1e-6));
        }
    }

    @Test
    void ordersByIdAndByPopularity() {
        int[] all = {0, 1, 2, 3};
        SimilarityHeatmap byPopularity = SimilarityHeatmap.build(RATINGS, Orientation.ITEMS,
                SimilarityOptions.of(Measure.COSINE), all, HeatmapOrder.POPULARITY, Cancellation.NEVER);
        // counts: i1 3, i2 4, i3 3, i4 3 → i2 first, then ties by id
        assertThat(byPopularity.count(0)).isEqualTo(4);
        assertThat(new int[] {byPopularity.index(0), byPopularity.index(1), byPopularity.index(2),
                byPopularity.index(3)}).containsExactly(1, 0, 2, 3);
        SimilarityHeatmap byId = SimilarityHeatmap.build(RATINGS, Orientation.USERS,
                SimilarityOptions.of(Measure.COSINE), new int[] {3, 1, 0, 2}, HeatmapOrder.ID, Cancellation.NEVER);
        assertThat(new String[] {byId.id(0), byId.id(1), byId.id(2), byId.id(3)})
                .containsExactly(RATINGS.users().id(0), RATINGS.users().id(1), RATINGS.users().id(2),
                        RATINGS.users().id(3));
        assertThat(SimilarityHeatmap.compareIds("2", "10")).isNegative();
        assertThat(SimilarityHeatmap.compareIds("b", "a")).isPositive();
        assertThat(SimilarityHeatmap.compareIds("9", "a")).isNegative();
    }

    @Test
    void neighboursAreTheBestPairsByValue() {
        Dataset d = random(150, 60, 0.1, 4);
        Similarities s = new Similarities(d, Orientation.ITEMS, SimilarityOptions.of(Measure.PEARSON));
        List<PairSimilarity> top = s.neighbours(5, 10);
        double[] brute = new double[d.itemCount()];
        Arrays.fill(brute, Double.NEGATIVE_INFINITY);
        for (int b = 0; b < d.itemCount(); b++) {
            if (b != 5 && s.pair(5, b).overlap() > 0) {
                brute[b] = s.pair(5, b).value();
            }
        }
        double[] sorted = brute.clone();
        Arrays.sort(sorted);
        assertThat(top).hasSize(10);
        for (int k = 0; k < 10; k++) {
            assertThat(top.get(k).value()).isEqualTo(sorted[sorted.length - 1 - k]);
            assertThat(top.get(k).b()).isNotEqualTo(5);
        }
    }

    @Test
    void subsetsBySearchAndCategory() {
        Dataset d = random(100, 40, 0.2, 8);
        List<String> categories = Subsets.categories(d);
        assertThat(categories).isNotEmpty().isSorted();
        int[] inFirst = Subsets.inCategory(d, categories.get(0), 1000);
        assertThat(inFirst).isNotEmpty();
        for (int i : inFirst) {
            assertThat(d.catalog().categories(i)).contains(categories.get(0));
        }
        String id = d.items().id(7);
        int[] found = Subsets.matching(d, Orientation.ITEMS, id.toUpperCase(java.util.Locale.ROOT), 50);
        assertThat(found).contains(7);
        for (int i : found) {
            assertThat(d.items().id(i) + " " + d.catalog().title(i)).containsIgnoringCase(id);
        }
        assertThat(Subsets.matching(d, Orientation.USERS, "", 10)).hasSize(10);
    }
}
