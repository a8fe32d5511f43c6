package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.CancelledException;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExperimentTest {

    private static final double N = Double.NaN;

    /** 6 users × 5 items, 4 + 3 + 3 + 4 + 4 + 4 = 22 ratings. */
    static final Dataset DATA = DatasetBuilder.fromMatrix("six", DatasetKind.EXPLICIT, new double[][] {
            {5, 3, N, 1, 4},
            {4, N, N, 1, 2},
            {1, 1, N, 5, N},
            {N, 1, 5, 4, 3},
            {2, 4, 3, N, 5},
            {3, N, 4, 2, 1}});

    static ParamValues defaults(String algorithm) {
        return AlgorithmRegistry.require(algorithm).defaults();
    }

    static Experiment experiment(String algorithm, Splitter splitter, String metrics, long seed) {
        return new Experiment(algorithm, defaults(algorithm), splitter, MetricSpec.parseList(metrics),
                Relevance.explicit(4), Candidates.FULL, seed);
    }

    static final String METRICS = "rmse,mae,coverage,precision@2,ndcg@2,catalog-coverage@2";

    @Test
    void kfoldGivesOneResultPerFoldAndPoolsPerUserValues() {
        assertThat(DATA.interactionCount()).isEqualTo(22);
        RunResult r = experiment("global-mean", Splitters.parse("kfold:3"), METRICS, 11)
                .run(DATA, Progress.NONE, Cancellation.NEVER);
        assertThat(r.folds()).hasSize(3);
        assertThat(r.folds()).extracting(FoldResult::index).containsExactly(0, 1, 2);
        // 22 interactions dealt into 3 parts: 8, 7, 7
        assertThat(r.folds()).extracting(FoldResult::testSize).containsExactlyInAnyOrder(8, 7, 7);
        assertThat(r.folds()).extracting(FoldResult::trainSize).containsExactlyInAnyOrder(14, 15, 15);
        assertThat(r.users()).isEqualTo(6);
        for (String key : List.of("precision@2", "ndcg@2", "rmse", "mae", "coverage")) {
            double[] pooled = r.perUser().get(key);
            assertThat(pooled).as(key).hasSize(3 * 6);
            for (int f = 0; f < 3; f++) {
                double[] fold = r.folds().get(f).perUser().get(key);
                // Arrays.equals compares NaN (users without test entries) as equal
                assertThat(java.util.Arrays.copyOfRange(pooled, f * 6, f * 6 + 6)).as(key).isEqualTo(fold);
            }
        }
        assertThat(r.perUser()).doesNotContainKey("catalog-coverage@2");
        assertThat(r.metrics().keySet()).containsExactly("rmse", "mae", "coverage", "precision@2", "ndcg@2",
                "catalog-coverage@2");
        // the catalogue-wide metric is the mean of the three fold values
        double meanCoverage = r.folds().stream().mapToDouble(f -> f.values().get("catalog-coverage@2")).sum() / 3;
        assertThat(r.value("catalog-coverage@2")).isCloseTo(meanCoverage, within(1e-12));
        assertThat(r.metrics().get("catalog-coverage@2").n()).isEqualTo(3);
        // the global mean predicts every pair
        assertThat(r.value("coverage")).isEqualTo(1.0);
        assertThat(r.metrics().get("coverage").n()).isEqualTo(22);
        assertThat(r.value("nonexistent@3")).isNaN();
    }

    /** RMSE and MAE pooled over all test entries of all folds, with the global mean recomputed here per fold. */
    @Test
    void pooledRatingErrorsAgreeWithAnIndependentGlobalMean() {
        Splitter kfold = Splitters.parse("kfold:3");
        RunResult r = experiment("global-mean", kfold, METRICS, 11).run(DATA, Progress.NONE, Cancellation.NEVER);
        double squared = 0;
        double absolute = 0;
        int count = 0;
        List<Fold> folds = kfold.split(DATA, 11);
        for (int f = 0; f < folds.size(); f++) {
            Fold fold = folds.get(f);
            RatingMatrix train = fold.train().ratings();
            double sum = 0;
            for (int p = 0; p < train.size(); p++) {
                sum += train.rowValue(p);
            }
            double mu = sum / train.size();
            double foldSquared = 0;
            RatingMatrix test = fold.test();
            for (int p = 0; p < test.size(); p++) {
                double e = mu - test.rowValue(p);
                foldSquared += e * e;
                absolute += Math.abs(e);
            }
            squared += foldSquared;
            count += test.size();
            assertThat(r.folds().get(f).values().get("rmse"))
                    .isCloseTo(Math.sqrt(foldSquared / test.size()), within(1e-9));
        }
        assertThat(count).isEqualTo(22);
        assertThat(r.value("rmse")).isCloseTo(Math.sqrt(squared / count), within(1e-9));
        assertThat(r.value("mae")).isCloseTo(absolute / count, within(1e-9));
        assertThat(r.metrics().get("rmse").n()).isEqualTo(22);
    }

    @Test
    void sameSeedSameResultsOtherSeedOtherSplit() {
        Experiment e = experiment("popular", Splitters.parse("kfold:3"), "precision@2,ndcg@2,auc,gini@2", 5);
        RunResult a = e.run(DATA, Progress.NONE, Cancellation.NEVER);
        RunResult b = e.run(DATA, Progress.NONE, Cancellation.NEVER);
        assertThat(b.metrics()).isEqualTo(a.metrics());
        for (Map.Entry<String, double[]> entry : a.perUser().entrySet()) {
            assertThat(b.perUser().get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        for (int f = 0; f < 3; f++) {
            assertThat(b.folds().get(f).values()).isEqualTo(a.folds().get(f).values());
        }
        RunResult c = experiment("popular", Splitters.parse("kfold:3"), "precision@2,ndcg@2,auc,gini@2", 6)
                .run(DATA, Progress.NONE, Cancellation.NEVER);
        assertThat(c.folds()).extracting(FoldResult::values).isNotEqualTo(
                a.folds().stream().map(FoldResult::values).toList());
    }

    @Test
    void givenTestSetReproducesTheHandWorkedFold() {
        Experiment e = new Experiment("popular", defaults("popular"), new GivenTestSet(FoldEvaluatorTest.testSet()),
                MetricSpec.parseList("precision@1,ndcg@2,coverage"), Relevance.explicit(4), Candidates.FULL, 0);
        RunResult r = e.run(FoldEvaluatorTest.TRAIN, Progress.NONE, Cancellation.NEVER);
        assertThat(r.folds()).hasSize(1);
        // see FoldEvaluatorTest: precision@1 per user (1, 0, —), ndcg@2 (1, 1/log2 3, —)
        assertThat(r.perUser().get("precision@1")).containsExactly(1, 0, N);
        Summary p = r.metrics().get("precision@1");
        assertThat(p.value()).isCloseTo(0.5, within(1e-12));
        assertThat(p.n()).isEqualTo(2);
        // two values 1 and 0: s = √0.5, se = 0.5, half = 12.7062047·0.5 = 6.3531024
        assertThat(p.high() - p.value()).isCloseTo(6.353102368087347, within(1e-6));
        assertThat(r.value("coverage")).isZero(); // popular predicts no ratings
        assertThat(r.split()).isEqualTo("test-dataset:hand-test");
    }

    @Test
    void leaveOneOutWithPopularAgreesWithABruteForceTopOne() {
        long seed = 3;
        Splitter loo = Splitters.parse("leave-one-out");
        Experiment e = new Experiment("popular", defaults("popular"), loo, MetricSpec.parseList("precision@1,hit@2"),
                Relevance.implicit(), Candidates.FULL, seed);
        RunResult r = e.run(DATA, Progress.NONE, Cancellation.NEVER);
        Fold fold = loo.split(DATA, seed).get(0);
        RatingMatrix train = fold.train().ratings();
        RatingMatrix test = fold.test();
        double[] expectedTop1 = new double[DATA.userCount()];
        double[] expectedHit2 = new double[DATA.userCount()];
        for (int u = 0; u < DATA.userCount(); u++) {
            assertThat(test.rowLength(u)).isEqualTo(1); // every user has ≥ 2 ratings
            int held = test.rowItem(test.rowStart(u));
            // unseen items ordered by training count (descending), ties by item index
            List<Integer> unseen = new ArrayList<>();
            for (int i = 0; i < DATA.itemCount(); i++) {
                if (Float.isNaN(train.value(u, i))) {
                    unseen.add(i);
                }
            }
            unseen.sort((a, b) -> train.colLength(a) != train.colLength(b)
                    ? Integer.compare(train.colLength(b), train.colLength(a)) : Integer.compare(a, b));
            expectedTop1[u] = unseen.get(0) == held ? 1 : 0;
            expectedHit2[u] = unseen.subList(0, Math.min(2, unseen.size())).contains(held) ? 1 : 0;
        }
        assertThat(r.perUser().get("precision@1")).containsExactly(expectedTop1);
        assertThat(r.perUser().get("hit@2")).containsExactly(expectedHit2);
        assertThat(r.perUser().get("precision@1")).hasSize(6);
    }

    @Test
    void runResultDescribesTheRun() {
        ParamValues params = defaults("item-knn");
        Experiment e = new Experiment("item-knn", params, Splitters.parse("holdout:0.3"),
                MetricSpec.parseList("rmse,ndcg@3"), Relevance.explicit(4), Candidates.FULL, 9);
        RunResult r = e.run(DATA, Progress.NONE, Cancellation.NEVER);
        assertThat(r.runId()).isZero();
        assertThat(r.withRunId(17).runId()).isEqualTo(17);
        assertThat(r.dataset()).isEqualTo("six");
        assertThat(r.datasetChecksum()).isEqualTo(DatasetChecksum.of(DATA)).hasSize(64);
        assertThat(r.algorithm()).isEqualTo("item-knn");
        assertThat(r.params().keySet()).containsExactlyElementsOf(params.asMap().keySet());
        assertThat(r.split()).isEqualTo("holdout:0.3");
        assertThat(r.seed()).isEqualTo(9);
        assertThat(r.relevance().describe()).isEqualTo("rating ≥ 4");
        assertThat(r.candidates().describe()).isEqualTo("all unseen items");
        assertThat(r.folds()).hasSize(1);
        // 0.3 · 22 = 6.6 → 7 test entries
        assertThat(r.folds().get(0).testSize()).isEqualTo(7);
        assertThat(r.appVersion()).isNotBlank();
        assertThat(e.withParams(params).seed()).isEqualTo(9);
    }

    @Test
    void aStoredRunCanBeRunAgainExactly() {
        for (String algorithm : List.of("item-knn", "bias", "popular")) {
            Experiment e = new Experiment(algorithm, defaults(algorithm), Splitters.parse("kfold:3"),
                    MetricSpec.parseList("rmse,ndcg@3,auc,gini@2"), Relevance.explicit(4), Candidates.sampled(2), 21);
            RunResult first = e.run(DATA, Progress.NONE, Cancellation.NEVER);
            Experiment again = Experiment.of(first, Splitters.parse(first.split()));
            assertThat(again).isEqualTo(e);
            RunResult second = again.run(DATA, Progress.NONE, Cancellation.NEVER);
            assertThat(second.metrics()).as(algorithm).isEqualTo(first.metrics());
            assertThat(second.params()).isEqualTo(first.params());
        }
    }

    @Test
    void aDifferentDatasetHasADifferentChecksum() {
        Dataset other = DatasetBuilder.fromMatrix("six", DatasetKind.EXPLICIT, new double[][] {
                {5, 3, N, 1, 4},
                {4, N, N, 1, 2},
                {1, 1, N, 5, N},
                {N, 1, 5, 4, 3},
                {2, 4, 3, N, 5},
                {3, N, 4, 2, 2}}); // last value changed
        assertThat(DatasetChecksum.of(other)).isNotEqualTo(DatasetChecksum.of(DATA));
        Dataset same = DatasetBuilder.fromMatrix("renamed", DatasetKind.EXPLICIT, new double[][] {
                {5, 3, N, 1, 4},
                {4, N, N, 1, 2},
                {1, 1, N, 5, N},
                {N, 1, 5, 4, 3},
                {2, 4, 3, N, 5},
                {3, N, 4, 2, 1}});
        assertThat(DatasetChecksum.of(same)).isEqualTo(DatasetChecksum.of(DATA));
    }

    @Test
    void anExperimentNeedsAMetric() {
        assertThatThrownBy(() -> new Experiment("popular", defaults("popular"), Splitters.parse("kfold:3"), List.of(),
                Relevance.implicit(), Candidates.FULL, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void progressStaysWithinZeroAndOneAndEndsAtOne() {
        List<Double> fractions = new java.util.concurrent.CopyOnWriteArrayList<>();
        experiment("popular", Splitters.parse("kfold:3"), "precision@2", 1)
                .run(DATA, (fraction, message) -> fractions.add(fraction), Cancellation.NEVER);
        assertThat(fractions).isNotEmpty().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void cancellationStopsTheRun() {
        Experiment e = experiment("popular", Splitters.parse("kfold:3"), "precision@2", 1);
        assertThatThrownBy(() -> e.run(DATA, Progress.NONE, () -> true)).isInstanceOf(CancelledException.class);
    }
}
