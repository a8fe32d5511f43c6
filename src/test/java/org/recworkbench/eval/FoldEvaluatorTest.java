package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * One fold worked by hand. Training data (explicit):
 * <pre>
 *       i1 i2 i3 i4
 *   u1   5  3  .  .
 *   u2   4  .  2  .
 *   u3   .  1  .  .
 * </pre>
 * Test entries (a separate test set): u1-i3 = 4, u2-i4 = 5, u3-i1 = 1, u3-i4 = 3. Item i4 has no training
 * interaction (cold). Global mean μ = (5 + 3 + 4 + 2 + 1) / 5 = 3. Popularity: i1 2, i2 2, i3 1, i4 0.
 * <p>
 * With relevance rating ≥ 4: u1's relevant {i3}, u2's {i4}, u3 none. Popular lists (unseen items by count):
 * u1 [i3 (1), i4 (0)], u2 [i2 (2), i4 (0)], u3 [i1 (2), i3 (1), i4 (0)].
 */
class FoldEvaluatorTest {

    private static final double N = Double.NaN;
    private static final double D3 = 1 / (Math.log(3) / Math.log(2)); // 0.6309298

    static final Dataset TRAIN = DatasetBuilder.fromMatrix("hand", DatasetKind.EXPLICIT, new double[][] {
            {5, 3, N, N},
            {4, N, 2, N},
            {N, 1, N, N}});

    static Dataset testSet() {
        DatasetBuilder b = new DatasetBuilder("hand-test", DatasetKind.EXPLICIT);
        b.add("u1", "i3", 4).add("u2", "i4", 5).add("u3", "i1", 1).add("u3", "i4", 3);
        return b.build();
    }

    static Fold fold() {
        return new GivenTestSet(testSet()).split(TRAIN, 0).get(0);
    }

    static Model fit(String algorithm, Dataset train) {
        var alg = AlgorithmRegistry.require(algorithm);
        return alg.fit(train, alg.defaults(), Progress.NONE, Cancellation.NEVER);
    }

    static FoldResult evaluate(String metrics, Relevance relevance, Candidates candidates, String algorithm) {
        Fold fold = fold();
        return new FoldEvaluator(MetricSpec.parseList(metrics), relevance, candidates, 1)
                .evaluate(fold, fit(algorithm, fold.train()), 0.0, Progress.NONE, Cancellation.NEVER);
    }

    @Test
    void theFoldIsWhatTheCommentSays() {
        Fold fold = fold();
        assertThat(fold.testSize()).isEqualTo(4);
        assertThat(fold.trainSize()).isEqualTo(5);
        assertThat(fold.coldItems()).isEqualTo(1); // i4
        assertThat(fold.coldTestEntries()).isEqualTo(2); // u2-i4, u3-i4
        assertThat(fold.coldUsers()).isZero();
        assertThat(fit("global-mean", TRAIN).predict(0, 0)).isCloseTo(3, within(1e-12));
    }

    @Test
    void ratingMetricsOfTheGlobalMean() {
        FoldResult r = evaluate("rmse,mae,coverage,user-rmse,user-mae", Relevance.explicit(4), Candidates.FULL,
                "global-mean");
        // errors μ − r: 3 − 4 = −1, 3 − 5 = −2, 3 − 1 = 2, 3 − 3 = 0
        // RMSE = √((1 + 4 + 4 + 0) / 4) = 1.5; MAE = (1 + 2 + 2 + 0) / 4 = 1.25
        assertThat(r.values().get("rmse")).isCloseTo(1.5, within(1e-12));
        assertThat(r.values().get("mae")).isCloseTo(1.25, within(1e-12));
        assertThat(r.values().get("coverage")).isEqualTo(1.0);
        // per user RMSE: u1 1, u2 2, u3 √((4 + 0)/2) = √2; mean (3 + √2)/3 = 1.4714045
        assertThat(r.perUser().get("user-rmse")).containsExactly(new double[] {1, 2, Math.sqrt(2)}, within(1e-12));
        assertThat(r.values().get("user-rmse")).isCloseTo((3 + Math.sqrt(2)) / 3, within(1e-12));
        // per user MAE: 1, 2, (2 + 0)/2 = 1 → 4/3
        assertThat(r.values().get("user-mae")).isCloseTo(4.0 / 3, within(1e-12));
        // Σe = −1 − 2 + 2 + 0 = −1; Σe² = 9; Σe⁴ = 1 + 16 + 16 = 33; Σ|e| = 5
        assertThat(r.ratingTotals()).isEqualTo(new RatingTotals(4, 4, -1, 9, 33, 5));
        assertThat(r.values().keySet()).containsExactly("rmse", "mae", "coverage", "user-rmse", "user-mae");
        assertThat(r.trainSize()).isEqualTo(5);
        assertThat(r.testSize()).isEqualTo(4);
        assertThat(r.coldItems()).isEqualTo(1);
        assertThat(r.coldTestEntries()).isEqualTo(2);
        assertThat(r.droppedTestEntries()).isZero();
    }

    @Test
    void aModelThatCannotPredictHasZeroCoverage() {
        FoldResult r = evaluate("rmse,coverage", Relevance.explicit(4), Candidates.FULL, "popular");
        assertThat(r.values().get("coverage")).isZero();
        assertThat(r.values().get("rmse")).isNaN();
        assertThat(r.ratingTotals().entries()).isEqualTo(4);
        assertThat(r.ratingTotals().covered()).isZero();
    }

    @Test
    void rankingMetricsOfPopular() {
        FoldResult r = evaluate("precision@1,recall@1,hit@1,ndcg@2,map@2,mrr@2,precision@2,auc",
                Relevance.explicit(4), Candidates.FULL, "popular");
        assertThat(r.rankedUsers()).isEqualTo(2);
        assertThat(r.usersWithoutRelevant()).isEqualTo(1); // u3 (ratings 1 and 3)
        // @1: u1 [i3] hit, u2 [i2] miss
        assertThat(r.values().get("precision@1")).isCloseTo(0.5, within(1e-12));
        assertThat(r.perUser().get("precision@1")).containsExactly(1, 0, N);
        assertThat(r.values().get("recall@1")).isCloseTo(0.5, within(1e-12));
        assertThat(r.values().get("hit@1")).isCloseTo(0.5, within(1e-12));
        // @2: u1 [i3 ✓, i4] ndcg 1; u2 [i2, i4 ✓] ndcg 1/log2(3) → (1 + 0.6309298)/2 = 0.8154649
        assertThat(r.values().get("ndcg@2")).isCloseTo((1 + D3) / 2, within(1e-12));
        // map: u1 1/1, u2 (1/2)/1 → 0.75; mrr the same
        assertThat(r.values().get("map@2")).isCloseTo(0.75, within(1e-12));
        assertThat(r.values().get("mrr@2")).isCloseTo(0.75, within(1e-12));
        assertThat(r.values().get("precision@2")).isCloseTo(0.5, within(1e-12));
        // AUC over unseen items: u1 i3 (1, relevant) vs i4 (0) → 1; u2 i4 (0, relevant) vs i2 (2) → 0
        assertThat(r.perUser().get("auc")).containsExactly(1, 0, N);
        assertThat(r.values().get("auc")).isCloseTo(0.5, within(1e-12));
        assertThat(r.values().keySet()).containsExactly("precision@1", "recall@1", "hit@1", "ndcg@2", "map@2",
                "mrr@2", "precision@2", "auc");
    }

    @Test
    void beyondAccuracyOfPopular() {
        FoldResult r = evaluate("catalog-coverage@1,catalog-coverage@2,gini@1,gini@2,personalisation@2,"
                + "novelty@1,popularity@2,ild@2", Relevance.explicit(4), Candidates.FULL, "popular");
        // lists of the 2 ranked users: u1 [i3, i4], u2 [i2, i4]
        // coverage@1 {i3, i2} / 4 = 0.5; @2 {i2, i3, i4} / 4 = 0.75
        assertThat(r.values().get("catalog-coverage@1")).isCloseTo(0.5, within(1e-12));
        assertThat(r.values().get("catalog-coverage@2")).isCloseTo(0.75, within(1e-12));
        // gini@1: counts (0, 0, 1, 1): (−3·0 − 1·0 + 1·1 + 3·1) / (4·2) = 0.5
        assertThat(r.values().get("gini@1")).isCloseTo(0.5, within(1e-12));
        // gini@2: counts (0, 1, 1, 2): (−1 + 1 + 6) / (4·4) = 0.375
        assertThat(r.values().get("gini@2")).isCloseTo(0.375, within(1e-12));
        // personalisation@2: one shared item (i4) of 2 → 1 − 1/2
        assertThat(r.values().get("personalisation@2")).isCloseTo(0.5, within(1e-12));
        // novelty@1: u1 [i3] −log2(2/4) = 1; u2 [i2] −log2(3/4) = 0.4150375 → 0.7075187
        assertThat(r.values().get("novelty@1"))
                .isCloseTo((1 - Math.log(0.75) / Math.log(2)) / 2, within(1e-12));
        // popularity@2: u1 (1 + 0)/2, u2 (2 + 0)/2 → 0.75
        assertThat(r.values().get("popularity@2")).isCloseTo(0.75, within(1e-12));
        // ild@2: i4 has no training users, cosine 0 → 1 for both
        assertThat(r.values().get("ild@2")).isCloseTo(1, within(1e-12));
        // catalogue-wide metrics have no per-user values
        assertThat(r.perUser()).doesNotContainKeys("catalog-coverage@1", "gini@1", "personalisation@2");
        assertThat(r.perUser().get("novelty@1")).hasSize(3);
        assertThat(r.perUser().get("novelty@1")[2]).isNaN();
    }

    @Test
    void implicitRelevanceCountsEveryTestEntry() {
        // relevant: u1 {i3}, u2 {i4}, u3 {i1, i4}; u3's list [i1 (2), i3 (1), i4 (0)] → hit at 1
        FoldResult r = evaluate("precision@1,recall@3", Relevance.implicit(), Candidates.FULL, "popular");
        assertThat(r.rankedUsers()).isEqualTo(3);
        assertThat(r.usersWithoutRelevant()).isZero();
        assertThat(r.perUser().get("precision@1")).containsExactly(1, 0, 1);
        // recall@3: u1 1/1, u2 1/1 ([i2, i4]), u3 2/2 ([i1, i3, i4])
        assertThat(r.values().get("recall@3")).isCloseTo(1, within(1e-12));
    }

    @Test
    void sampledCandidatesLeaveOutIrrelevantTestItems() {
        // relevance ≥ 3: u1 {i3}, u2 {i4}, u3 {i4} (u3-i1 = 1 is a test item but not relevant)
        // full ranking: u1 [i3 ✓, i4], u2 [i2, i4 ✓], u3 [i1, i3] → precision@2 = (1/2 + 1/2 + 0)/3 = 1/3
        FoldResult full = evaluate("precision@2,auc", Relevance.explicit(3), Candidates.FULL, "popular");
        assertThat(full.values().get("precision@2")).isCloseTo(1.0 / 3, within(1e-12));
        // AUC full: u1 1; u2 0; u3 i4 (0, rel) vs i1 (2), i3 (1) → 0 → 1/3
        assertThat(full.values().get("auc")).isCloseTo(1.0 / 3, within(1e-12));
        // sampled with more negatives than there are never-seen items (deterministic): u1 {i3, i4},
        // u2 {i4, i2}, u3 {i4, i3} — u3's i1 is no candidate: u3 [i3, i4 ✓] → precision@2 = 1/2 for everyone
        FoldResult sampled = evaluate("precision@2,auc", Relevance.explicit(3), Candidates.sampled(5), "popular");
        assertThat(sampled.values().get("precision@2")).isCloseTo(0.5, within(1e-12));
        // AUC sampled: u1 1, u2 0, u3 i4 (0) vs i3 (1) → 0
        assertThat(sampled.values().get("auc")).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void metricsAreReportedInTheOrderAsked() {
        FoldResult r = evaluate("ndcg@2,rmse,auc,gini@1", Relevance.explicit(4), Candidates.FULL, "global-mean");
        assertThat(r.values().keySet()).containsExactly("ndcg@2", "rmse", "auc", "gini@1");
    }

    @Test
    void relevanceRules() {
        Relevance explicit = Relevance.explicit(4);
        assertThat(explicit.relevant(4)).isTrue();
        assertThat(explicit.relevant(3.99)).isFalse();
        assertThat(explicit.gain(4.5)).isEqualTo(4.5);
        assertThat(explicit.describe()).isEqualTo("rating ≥ 4");
        assertThat(Relevance.explicit(3.5).describe()).isEqualTo("rating ≥ 3.5");
        Relevance implicit = Relevance.implicit();
        assertThat(implicit.relevant(0.01)).isTrue();
        assertThat(implicit.relevant(0)).isFalse();
        assertThat(implicit.gain(7)).isEqualTo(1);
        assertThat(implicit.describe()).isEqualTo("any interaction");
    }

    @Test
    void candidateRules() {
        assertThat(Candidates.FULL.full()).isTrue();
        assertThat(Candidates.FULL.describe()).isEqualTo("all unseen items");
        assertThat(Candidates.sampled(100).full()).isFalse();
        assertThat(Candidates.sampled(100).describe()).isEqualTo("100 sampled negatives per user");
        assertThatThrownBy(() -> Candidates.sampled(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Candidates(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
