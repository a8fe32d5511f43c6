package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplittersTest {

    /** One interaction, by dense indices. */
    record Entry(int user, int item, float value, int time) {
    }

    static Set<Entry> entries(RatingMatrix r) {
        Set<Entry> set = new HashSet<>();
        for (int u = 0; u < r.userCount(); u++) {
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                set.add(new Entry(u, r.rowItem(p), r.rowValue(p), r.rowTimestamp(p)));
            }
        }
        return set;
    }

    static Map<Integer, List<Entry>> byUser(Set<Entry> entries) {
        return entries.stream().collect(Collectors.groupingBy(Entry::user));
    }

    /**
     * A random explicit dataset: every user (including those without interactions) and item is declared; each
     * (user, item) is present with the given density; timestamps are distinct (a random permutation × 10).
     */
    static Dataset random(long seed, int users, int items, double density, boolean timestamps) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetBuilder b = new DatasetBuilder("random-" + seed, DatasetKind.EXPLICIT);
        for (int u = 0; u < users; u++) {
            b.user("u" + u);
        }
        for (int i = 0; i < items; i++) {
            b.item("i" + i, "Item " + i, new String[0], "");
        }
        List<int[]> pairs = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() < density) {
                    pairs.add(new int[] {u, i});
                }
            }
        }
        int[] times = Splitters.permutation(pairs.size(), random);
        for (int k = 0; k < pairs.size(); k++) {
            int[] p = pairs.get(k);
            double value = 1 + random.nextInt(5);
            if (timestamps) {
                b.add("u" + p[0], "i" + p[1], value, 1_000 + 10 * times[k]);
            } else {
                b.add("u" + p[0], "i" + p[1], value);
            }
        }
        return b.build();
    }

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    // ---- parsing

    @ParameterizedTest
    @ValueSource(strings = {"holdout:0.2", "holdout:0.35", "user-holdout:0.25", "given:3", "kfold:5", "kfold:2",
            "kfold:100", "temporal:0.1", "leave-last:2", "leave-one-out"})
    void everySpecParsesAndRoundTrips(String spec) {
        Splitter s = Splitters.parse(spec);
        assertThat(s.spec()).isEqualTo(spec);
        assertThat(Splitters.parse(s.spec()).spec()).isEqualTo(spec);
        assertThat(Splitters.parse(s.spec())).isEqualTo(s);
    }

    @ParameterizedTest
    @CsvSource({
            "holdout, holdout:0.2",
            "user-holdout, user-holdout:0.2",
            "kfold, kfold:5",
            "temporal, temporal:0.2",
            "leave-last, leave-last:1",
            "'  KFold:3  ', kfold:3",
            "HOLDOUT:0.5, holdout:0.5",
            "kfold:4.0, kfold:4",
            "given:2.0, given:2"})
    void defaultsCaseAndWhitespace(String spec, String canonical) {
        assertThat(Splitters.parse(spec).spec()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "holdout:0", "holdout:1", "holdout:1.5", "holdout:-0.2", "holdout:abc",
            "user-holdout:2", "temporal:0", "kfold:1", "kfold:0", "kfold:101", "kfold:2.5", "kfold:x", "given",
            "given:", "given:0", "given:1.5", "leave-last:0", "leave-last:-1", "leave-last:0.5", "", "holdout:0.2:1"})
    void badSpecsNameTheAcceptedForms(String spec) {
        assertThatThrownBy(() -> Splitters.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + spec + "'")
                .hasMessageContaining("holdout:F, user-holdout:F, given:N, kfold:K, temporal:F, leave-last:N, "
                        + "leave-one-out");
    }

    // ---- k-fold

    @ParameterizedTest
    @MethodSource("seeds")
    void kfoldTestsEveryInteractionExactlyOnce(long seed) {
        Dataset data = random(seed, 15, 12, 0.3, seed % 2 == 0);
        Set<Entry> all = entries(data.ratings());
        for (int k : new int[] {2, 3, 5, 7}) {
            List<Fold> folds = Splitters.parse("kfold:" + k).split(data, seed);
            assertThat(folds).hasSize(k);
            Map<Entry, Integer> timesTested = new HashMap<>();
            for (int f = 0; f < k; f++) {
                Fold fold = folds.get(f);
                assertThat(fold.index()).isEqualTo(f);
                Set<Entry> train = entries(fold.train().ratings());
                Set<Entry> test = entries(fold.test());
                // disjoint, and together the whole dataset (values and timestamps kept)
                Set<Entry> overlap = new HashSet<>(train);
                overlap.retainAll(test);
                assertThat(overlap).isEmpty();
                Set<Entry> union = new HashSet<>(train);
                union.addAll(test);
                assertThat(union).isEqualTo(all);
                assertThat(fold.trainSize() + fold.testSize()).isEqualTo(all.size());
                // parts dealt round-robin: sizes ⌊size/k⌋ or ⌈size/k⌉
                assertThat(fold.testSize()).isBetween(all.size() / k, (all.size() + k - 1) / k);
                // indices and catalogue are the full dataset's
                assertThat(fold.train().userCount()).isEqualTo(data.userCount());
                assertThat(fold.train().itemCount()).isEqualTo(data.itemCount());
                assertThat(fold.test().userCount()).isEqualTo(data.userCount());
                assertThat(fold.test().itemCount()).isEqualTo(data.itemCount());
                assertThat(fold.train().users().ids()).isEqualTo(data.users().ids());
                assertThat(fold.train().items().ids()).isEqualTo(data.items().ids());
                assertThat(fold.train().kind()).isEqualTo(data.kind());
                assertThat(fold.train().catalog()).isSameAs(data.catalog());
                for (Entry e : test) {
                    timesTested.merge(e, 1, Integer::sum);
                }
            }
            assertThat(timesTested.keySet()).isEqualTo(all);
            assertThat(timesTested.values()).containsOnly(1);
        }
    }

    @Test
    void sameSeedSameFoldsOtherSeedOtherFolds() {
        Dataset data = random(7, 20, 15, 0.3, false);
        for (String spec : List.of("kfold:4", "holdout:0.3", "user-holdout:0.4", "given:2", "leave-one-out")) {
            Splitter s = Splitters.parse(spec);
            List<Set<Entry>> a = tests(s.split(data, 42));
            List<Set<Entry>> b = tests(s.split(data, 42));
            List<Set<Entry>> c = tests(s.split(data, 43));
            assertThat(a).as(spec).isEqualTo(b);
            assertThat(a).as(spec).isNotEqualTo(c);
        }
    }

    private static List<Set<Entry>> tests(List<Fold> folds) {
        return folds.stream().map(f -> entries(f.test())).toList();
    }

    @Test
    void trainNamesTellTheFold() {
        Dataset data = random(1, 6, 6, 0.5, false);
        List<Fold> folds = Splitters.parse("kfold:3").split(data, 1);
        assertThat(folds.get(1).train().name()).isEqualTo("random-1 [train 2/3]");
        assertThat(Splitters.parse("holdout:0.2").split(data, 1).get(0).train().name())
                .isEqualTo("random-1 [train]");
    }

    // ---- random hold-out

    @ParameterizedTest
    @CsvSource({
            "0.1, 5",   // 0.1·50 = 5
            "0.25, 13", // 0.25·50 = 12.5 → rounds to 13
            "0.3, 15",  // 15
            "0.99, 50"}) // 49.5 → 50
    void holdoutTestsRoundedFractionOfFifty(double fraction, int expected) {
        double[][] full = new double[10][5]; // 10 users × 5 items, every cell rated: 50 interactions
        for (int u = 0; u < 10; u++) {
            for (int i = 0; i < 5; i++) {
                full[u][i] = 1 + (u + i) % 5;
            }
        }
        Dataset data = DatasetBuilder.fromMatrix("fifty", DatasetKind.EXPLICIT, full);
        assertThat(data.interactionCount()).isEqualTo(50);
        for (long seed = 0; seed < 5; seed++) {
            List<Fold> folds = Splitters.parse("holdout:" + fraction).split(data, seed);
            assertThat(folds).hasSize(1);
            Fold fold = folds.get(0);
            assertThat(fold.testSize()).isEqualTo(expected);
            assertThat(fold.trainSize()).isEqualTo(50 - expected);
            Set<Entry> union = entries(fold.train().ratings());
            union.addAll(entries(fold.test()));
            assertThat(union).isEqualTo(entries(data.ratings()));
        }
    }

    // ---- per-user splits on a hand dataset

    /**
     * Users with 1, 2, 4 and 5 interactions; timestamps chosen so that the time order differs from the item order.
     * <pre>
     *   a: i1@50
     *   b: i1@20 i2@10
     *   c: i1@40 i2@10 i3@30 i4@20
     *   d: i1@5 i2@4 i3@3 i4@2 i5@1
     * </pre>
     */
    static Dataset perUser(boolean timestamps) {
        DatasetBuilder b = new DatasetBuilder("per-user", DatasetKind.EXPLICIT);
        int[][] times = {{50}, {20, 10}, {40, 10, 30, 20}, {5, 4, 3, 2, 1}};
        String[] users = {"a", "b", "c", "d"};
        for (int u = 0; u < users.length; u++) {
            for (int i = 0; i < times[u].length; i++) {
                if (timestamps) {
                    b.add(users[u], "i" + (i + 1), 1 + i, times[u][i]);
                } else {
                    b.add(users[u], "i" + (i + 1), 1 + i);
                }
            }
        }
        return b.build();
    }

    private static int[] testedPerUser(Fold fold) {
        int[] n = new int[fold.test().userCount()];
        for (int u = 0; u < n.length; u++) {
            n[u] = fold.test().rowLength(u);
        }
        return n;
    }

    private static int[] trainedPerUser(Fold fold) {
        RatingMatrix r = fold.train().ratings();
        int[] n = new int[r.userCount()];
        for (int u = 0; u < n.length; u++) {
            n[u] = r.rowLength(u);
        }
        return n;
    }

    @Test
    void userHoldoutTestsTheRoundedFractionButKeepsOneForTraining() {
        // F = 0.5: n = 1 → min(0, 1) = 0; n = 2 → 1; n = 4 → 2; n = 5 → round(2.5) = 3
        for (long seed = 0; seed < 10; seed++) {
            Fold fold = Splitters.parse("user-holdout:0.5").split(perUser(false), seed).get(0);
            assertThat(testedPerUser(fold)).containsExactly(0, 1, 2, 3);
            assertThat(trainedPerUser(fold)).containsExactly(1, 1, 2, 2);
        }
        // F = 0.9: n = 1 → 0; n = 2 → min(1, 2) = 1; n = 4 → min(3, 4) = 3; n = 5 → min(4, 5) = 4
        Fold fold = Splitters.parse("user-holdout:0.9").split(perUser(false), 3).get(0);
        assertThat(testedPerUser(fold)).containsExactly(0, 1, 3, 4);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void userHoldoutKeepsATrainingInteractionForEveryUser(long seed) {
        Dataset data = random(seed, 25, 10, 0.25, false);
        for (String spec : List.of("user-holdout:0.2", "user-holdout:0.9", "leave-one-out", "given:1")) {
            Fold fold = Splitters.parse(spec).split(data, seed).get(0);
            for (int u = 0; u < data.userCount(); u++) {
                int n = data.ratings().rowLength(u);
                if (n > 0) {
                    assertThat(fold.train().ratings().rowLength(u)).as(spec + " user " + u).isPositive();
                }
                assertThat(fold.train().ratings().rowLength(u) + fold.test().rowLength(u)).isEqualTo(n);
            }
            assertThat(fold.coldUsers()).isZero();
            Set<Entry> union = entries(fold.train().ratings());
            union.addAll(entries(fold.test()));
            assertThat(union).isEqualTo(entries(data.ratings()));
        }
    }

    @Test
    void givenKeepsExactlyNInTrainingOrAllWhenFewer() {
        // given:2 — n = 1 → keeps 1; n = 2 → keeps 2; n = 4 → keeps 2 (tests 2); n = 5 → keeps 2 (tests 3)
        for (long seed = 0; seed < 10; seed++) {
            Fold fold = Splitters.parse("given:2").split(perUser(false), seed).get(0);
            assertThat(trainedPerUser(fold)).containsExactly(1, 2, 2, 2);
            assertThat(testedPerUser(fold)).containsExactly(0, 0, 2, 3);
        }
        // given:4 — keeps 1, 2, 4, 4
        Fold fold = Splitters.parse("given:4").split(perUser(false), 0).get(0);
        assertThat(trainedPerUser(fold)).containsExactly(1, 2, 4, 4);
        assertThat(testedPerUser(fold)).containsExactly(0, 0, 0, 1);
    }

    @Test
    void leaveOneOutTestsOneOfEachUserWithAtLeastTwo() {
        Set<Integer> pickedForD = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Fold fold = Splitters.parse("leave-one-out").split(perUser(false), seed).get(0);
            assertThat(testedPerUser(fold)).containsExactly(0, 1, 1, 1);
            pickedForD.add(fold.test().rowItem(fold.test().rowStart(3)));
        }
        // the pick is random: over 40 seeds user d (5 items) has more than one item picked
        assertThat(pickedForD).hasSizeGreaterThan(1);
    }

    @Test
    void leaveLastTestsTheLatestByTimestamp() {
        Dataset data = perUser(true);
        // leave-last:2 — a: (only one) nothing; b: min(1, 2) = 1 → i1@20; c: i1@40, i3@30; d: i1@5, i2@4
        Fold fold = Splitters.parse("leave-last:2").split(data, 0).get(0);
        Map<Integer, List<Entry>> test = byUser(entries(fold.test()));
        assertThat(test).doesNotContainKey(0);
        assertThat(test.get(1)).extracting(Entry::item).containsExactlyInAnyOrder(0);
        assertThat(test.get(2)).extracting(Entry::time).containsExactlyInAnyOrder(40, 30);
        assertThat(test.get(2)).extracting(Entry::item).containsExactlyInAnyOrder(0, 2);
        assertThat(test.get(3)).extracting(Entry::time).containsExactlyInAnyOrder(5, 4);
        // the seed plays no part
        assertThat(entries(Splitters.parse("leave-last:2").split(data, 99).get(0).test()))
                .isEqualTo(entries(fold.test()));
        // leave-last:1 — b: i1@20; c: i1@40; d: i1@5
        Fold last = Splitters.parse("leave-last:1").split(data, 0).get(0);
        assertThat(entries(last.test())).extracting(Entry::time).containsExactlyInAnyOrder(20, 40, 5);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void leaveLastAgreesWithSortingEachUserByTime(long seed) {
        Dataset data = random(seed, 20, 12, 0.35, true);
        int n = 1 + (int) (seed % 3);
        Fold fold = Splitters.parse("leave-last:" + n).split(data, seed).get(0);
        Map<Integer, List<Entry>> all = byUser(entries(data.ratings()));
        Set<Entry> expected = new HashSet<>();
        for (List<Entry> row : all.values()) {
            List<Entry> sorted = new ArrayList<>(row);
            sorted.sort((x, y) -> Integer.compare(y.time(), x.time())); // latest first
            expected.addAll(sorted.subList(0, Math.min(n, row.size() - 1)));
        }
        assertThat(entries(fold.test())).isEqualTo(expected);
    }

    @Test
    void timeSplitsRefuseDatasetsWithoutTimestamps() {
        Dataset data = perUser(false);
        assertThatThrownBy(() -> Splitters.parse("leave-last:1").split(data, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leave-last needs timestamps")
                .hasMessageContaining("per-user");
        assertThatThrownBy(() -> Splitters.parse("temporal:0.2").split(data, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temporal splits need timestamps")
                .hasMessageContaining("per-user");
    }

    // ---- temporal

    @ParameterizedTest
    @MethodSource("seeds")
    void temporalTestsTheGloballyLatestFraction(long seed) {
        Dataset data = random(seed, 15, 10, 0.4, true);
        double fraction = 0.1 + 0.1 * (seed % 5);
        Fold fold = Splitters.parse("temporal:" + fraction).split(data, seed).get(0);
        List<Entry> sorted = new ArrayList<>(entries(data.ratings()));
        sorted.sort((x, y) -> Integer.compare(y.time(), x.time())); // latest first
        int tested = (int) Math.round(fraction * sorted.size());
        assertThat(entries(fold.test())).isEqualTo(new HashSet<>(sorted.subList(0, tested)));
        Set<Entry> train = new HashSet<>(sorted.subList(tested, sorted.size()));
        assertThat(entries(fold.train().ratings())).isEqualTo(train);
        // every test interaction is at least as late as every training one
        int latestTrain = train.stream().mapToInt(Entry::time).max().orElse(Integer.MIN_VALUE);
        assertThat(entries(fold.test())).allSatisfy(e -> assertThat(e.time()).isGreaterThan(latestTrain));
    }

    @Test
    void temporalBreaksEqualTimesByUserThenItem() {
        // all at the same time: the last half in (user, item) order is tested → u2's two entries
        DatasetBuilder b = new DatasetBuilder("same-time", DatasetKind.EXPLICIT);
        b.add("u1", "i1", 1, 7).add("u1", "i2", 2, 7).add("u2", "i1", 3, 7).add("u2", "i2", 4, 7);
        Fold fold = Splitters.parse("temporal:0.5").split(b.build(), 0).get(0);
        assertThat(entries(fold.test())).extracting(Entry::user).containsOnly(1);
        assertThat(fold.testSize()).isEqualTo(2);
        // 0.25 · 4 = 1: only (u2, i2)
        Fold one = Splitters.parse("temporal:0.25").split(b.build(), 0).get(0);
        assertThat(entries(one.test())).containsExactly(new Entry(1, 1, 4f, 7));
    }

    // ---- cold users and items

    @Test
    void coldUsersItemsAndEntriesAreCounted() {
        // u1-i1@1 u1-i2@2 u2-i1@3 u3-i2@5 u3-i1@6 u2-i3@7 u2-i2@8; temporal:0.57 → round(3.99) = 4 latest tested:
        // u2-i2 (warm), u2-i3 (i3 has no training: cold item), u3-i1 and u3-i2 (u3 has no training: cold user).
        // cold users 1 (u3), cold items 1 (i3), cold entries 3
        DatasetBuilder b = new DatasetBuilder("cold", DatasetKind.EXPLICIT);
        b.add("u1", "i1", 5, 1).add("u1", "i2", 4, 2).add("u2", "i1", 3, 3).add("u3", "i2", 2, 5)
                .add("u3", "i1", 1, 6).add("u2", "i3", 5, 7).add("u2", "i2", 4, 8);
        Fold fold = Splitters.parse("temporal:0.57").split(b.build(), 0).get(0);
        assertThat(fold.testSize()).isEqualTo(4);
        assertThat(fold.trainSize()).isEqualTo(3);
        assertThat(fold.coldUsers()).isEqualTo(1);
        assertThat(fold.coldItems()).isEqualTo(1);
        assertThat(fold.coldTestEntries()).isEqualTo(3);
        assertThat(fold.droppedTestEntries()).isZero();
    }

    // ---- a separate test dataset

    @Test
    void givenTestSetMapsIdsAndCountsUnknownEntries() {
        // training: u1, u2, u3 × i1, i2, i3
        DatasetBuilder tb = new DatasetBuilder("base", DatasetKind.EXPLICIT);
        tb.add("u1", "i1", 5).add("u1", "i2", 3).add("u2", "i2", 4).add("u3", "i3", 2).add("u2", "i1", 1);
        Dataset train = tb.build();
        // test, ids in a different order: u3-i2 = 4, u9-i1 (unknown user), u1-i7 (unknown item), u1-i3 = 2,
        // u2-i3 = 1
        DatasetBuilder sb = new DatasetBuilder("probe", DatasetKind.EXPLICIT);
        sb.add("u3", "i2", 4).add("u9", "i1", 3).add("u1", "i7", 5).add("u1", "i3", 2).add("u2", "i3", 1);
        GivenTestSet given = new GivenTestSet(sb.build());
        assertThat(given.spec()).isEqualTo("test-dataset:probe");
        List<Fold> folds = given.split(train, 0);
        assertThat(given.unknownEntries()).isEqualTo(2);
        assertThat(folds).hasSize(1);
        Fold fold = folds.get(0);
        assertThat(fold.droppedTestEntries()).isEqualTo(2);
        assertThat(fold.train()).isSameAs(train);
        // training indices: users u1 0, u2 1, u3 2; items i1 0, i2 1, i3 2
        assertThat(entries(fold.test())).containsExactlyInAnyOrder(
                new Entry(2, 1, 4f, RatingMatrix.NO_TIMESTAMP),
                new Entry(0, 2, 2f, RatingMatrix.NO_TIMESTAMP),
                new Entry(1, 2, 1f, RatingMatrix.NO_TIMESTAMP));
        assertThat(fold.test().userCount()).isEqualTo(3);
        assertThat(fold.test().itemCount()).isEqualTo(3);
        assertThat(fold.coldUsers()).isZero();
        assertThat(fold.coldItems()).isZero();
        assertThat(fold.trainSize()).isEqualTo(5);
    }

    @Test
    void givenTestSetCountsColdItemsOfTheTrainingCatalogue() {
        // i2 is in the training catalogue but has no training interaction
        double n = Double.NaN;
        Dataset train = DatasetBuilder.fromMatrix("base", DatasetKind.EXPLICIT, new double[][] {{5, n}, {3, n}});
        DatasetBuilder sb = new DatasetBuilder("probe", DatasetKind.EXPLICIT);
        sb.add("u1", "i2", 4).add("u2", "i2", 2).add("u1", "i1", 1);
        Fold fold = new GivenTestSet(sb.build()).split(train, 0).get(0);
        assertThat(fold.testSize()).isEqualTo(3); // u1-i1 duplicates training but is still a test entry
        assertThat(fold.coldItems()).isEqualTo(1);
        assertThat(fold.coldTestEntries()).isEqualTo(2);
        assertThat(fold.coldUsers()).isZero();
    }
}
