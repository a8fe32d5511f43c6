package org.recworkbench.stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.knn.KnnModel;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.SimilarityMatrix;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * After a replay of random events (new pairs, changed ratings, new users), the incrementally kept item-kNN equals a
 * refit on the same interactions: every item's neighbour pool (indices in order, similarities) and every user's
 * scores. 150 items against a pool of 100 exercise pools that overflow, evict and are rebuilt.
 */
class LiveItemKnnTest {

    private static final int ITEMS = 400;

    private static Dataset start(SplittableRandom random) {
        DatasetBuilder b = new DatasetBuilder("start", DatasetKind.EXPLICIT);
        for (int i = 0; i < ITEMS; i++) {
            b.item("i" + i, "Item " + i, new String[0], "");
        }
        for (int u = 0; u < 300; u++) {
            for (int i = 0; i < ITEMS; i++) {
                if (random.nextDouble() < 0.3 / (1 + i * 0.01)) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    /** The live interactions as a dataset with the same item order (users in live order). */
    private static Dataset refitData(LiveData live) {
        DatasetBuilder b = new DatasetBuilder("refit", DatasetKind.EXPLICIT);
        for (int i = 0; i < live.itemCount(); i++) {
            b.item(live.itemId(i), live.itemTitle(i), new String[0], "");
        }
        for (int u = 0; u < live.userCount(); u++) {
            for (int t = 0; t < live.rowLength(u); t++) {
                b.add(live.userId(u), live.itemId(live.rowItems(u)[t]), live.rowValues(u)[t]);
            }
        }
        return b.build();
    }

    /** From the refit's pool: the first k neighbours the user has, and the one with the largest s·r. */
    private static String expectedWhy(SimilarityMatrix pool, LiveData live, int u, int item, int k) {
        java.util.Map<Integer, Double> ratings = new java.util.HashMap<>();
        for (int t = 0; t < live.rowLength(u); t++) {
            ratings.put(live.rowItems(u)[t], live.rowValues(u)[t]);
        }
        int best = -1;
        double most = 0;
        float bestSim = 0;
        int found = 0;
        for (int p = 0; p < pool.neighbourCount(item) && found < k; p++) {
            int j = pool.neighbourAt(pool.start(item) + p);
            Double r = ratings.get(j);
            if (r != null) {
                found++;
                float sim = pool.similarityAt(pool.start(item) + p);
                if (best < 0 || sim * r > most) {
                    best = j;
                    most = sim * r;
                    bestSim = sim;
                }
            }
        }
        return "similar to " + live.itemTitle(best) + " (s = " + Math.round(bestSim * 1000) / 1000.0 + ") among "
                + found + " neighbours you have";
    }

    @org.junit.jupiter.api.Test
    void aRowOfBitsIsCopiedLikeBitByBit() {
        SplittableRandom random = new SplittableRandom(3);
        long[] bits = new long[40];
        for (int w = 0; w < bits.length; w++) {
            bits[w] = random.nextLong();
        }
        for (int round = 0; round < 500; round++) {
            int length = 1 + random.nextInt(700);
            long start = random.nextInt(bits.length * 64 - length + 1);
            long[] copy = new long[(length + 63) / 64];
            java.util.Arrays.fill(copy, -1L);
            LiveItemKnn.copyRow(bits, start, length, copy);
            for (int b = 0; b < copy.length * 64; b++) {
                boolean want = b < length && (bits[(int) ((start + b) >>> 6)] & (1L << (start + b))) != 0;
                assertThat((copy[b >>> 6] & (1L << b)) != 0).as("bit %d of %d from %d", b, length, start)
                        .isEqualTo(want);
            }
        }
    }

    @ParameterizedTest(name = "{0}, shrinkage {1}, min overlap {2}")
    @CsvSource({"cosine, 0, 1", "cosine, 10, 3", "jaccard, 5, 1"})
    void poolsAndScoresEqualARefitAfterRandomEvents(String measure, double shrinkage, int minOverlap) {
        SplittableRandom random = new SplittableRandom(11);
        Dataset first = start(random);
        var knn = AlgorithmRegistry.require("item-knn");
        ParamValues params = knn.defaults().with("k", 20).with("similarity", measure).with("shrinkage", shrinkage)
                .with("min-overlap", minOverlap).with("neighbours", "pool"); // the live model keeps pools
        KnnModel fitted = (KnnModel) knn.fit(first, params, Progress.NONE, Cancellation.NEVER);
        LiveData live = new LiveData(first);
        LiveItemKnn incremental = new LiveItemKnn(fitted, live);
        for (int e = 0; e < 3000; e++) {
            String user = random.nextDouble() < 0.1 ? "new" + random.nextInt(30) : "u" + random.nextInt(300);
            int item = (int) Math.min(ITEMS - 1, Math.floor(-Math.log(1 - random.nextDouble()) * 100));
            int u = live.addUser(user);
            double value = 1 + random.nextInt(5);
            double previous = live.set(u, item, value);
            incremental.applied(u, item, value, previous);
            if (e % 500 == 499) {
                assertThat(incremental.firstInexactList()).as("a list after event %d that is not the best in order", e)
                        .isEqualTo(-1);
            }
            if (e % 7 == 0) {
                // between events the order by bound moves the keys of raised bounds forward and keeps fallen ones
                boolean[] seen = live.seen(u);
                assertThat(incremental.top(u, 10, i -> seen[i]).items()).as("top 10 after event %d", e)
                        .containsExactly(org.recworkbench.algo.ScoredItems.top(incremental.scores(u), 10,
                                i -> seen[i]).items());
            }
        }
        Dataset again = refitData(live);
        KnnModel refit = (KnnModel) knn.fit(again, params, Progress.NONE, Cancellation.NEVER);
        SimilarityMatrix pool = refit.neighbourPool();
        for (int x = 0; x < ITEMS; x++) {
            int[] expected = new int[pool.neighbourCount(x)];
            float[] sims = new float[expected.length];
            for (int p = 0; p < expected.length; p++) {
                expected[p] = pool.neighbourAt(pool.start(x) + p);
                sims[p] = pool.similarityAt(pool.start(x) + p);
            }
            assertThat(incremental.pool(x)).as("pool of item %d", x).containsExactly(expected);
            double[] liveSims = incremental.poolSimilarities(x);
            for (int p = 0; p < sims.length; p++) {
                assertThat((float) liveSims[p]).as("similarity %d of item %d", p, x).isEqualTo(sims[p]);
            }
        }
        for (int u = 0; u < live.userCount(); u++) {
            double[] want = refit.scoreAll(again.users().indexOf(live.userId(u)));
            assertThat(incremental.scores(u)).as("scores of %s", live.userId(u)).containsExactly(want, within(1e-9));
            boolean[] seen = live.seen(u);
            for (int item : incremental.top(u, 5, i -> seen[i]).items()) {
                assertThat(incremental.why(u, item)).as("why %s gets %s", live.userId(u), live.itemId(item))
                        .isEqualTo(expectedWhy(pool, live, u, item, 20));
            }
            for (int n : new int[] {1, 10, 40}) {
                // the pruned ranking visits items by score bound; it must give the full ranking's list
                assertThat(incremental.top(u, n, i -> seen[i]).items()).as("top %d of %s", n, live.userId(u))
                        .containsExactly(org.recworkbench.algo.ScoredItems.top(incremental.scores(u), n,
                                i -> seen[i]).items());
            }
        }
        assertThat(incremental.poolRebuilds()).as("some pools fell to their bound and were rebuilt").isPositive();
        assertThat(incremental.firstBrokenBound()).as("every item's bound covers what its list leaves out")
                .isEqualTo(-1);
        assertThat(incremental.firstWrongShownBit()).as("the bits of the pools' first 100 match the lists")
                .isEqualTo(-1);
    }
}
