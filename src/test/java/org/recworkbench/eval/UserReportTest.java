package org.recworkbench.eval;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.explain.Derivation;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each metric's derivation for one user ends in exactly the value the evaluation stores for that user, and the
 * derivations' steps hold the hand-checkable counts.
 */
class UserReportTest {

    private static Dataset random(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DatasetBuilder b = new DatasetBuilder("random " + seed, DatasetKind.EXPLICIT);
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 40; i++) {
                if (random.nextDouble() < 0.25) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    @Test
    void everyUsersDerivationsEndInTheValuesTheEvaluationStores() {
        for (long seed = 1; seed <= 3; seed++) {
            Dataset d = random(seed);
            Fold fold = Splitters.parse("holdout:0.3").split(d, seed).get(0);
            Model model = AlgorithmRegistry.require("item-knn").fit(fold.train(),
                    AlgorithmRegistry.require("item-knn").defaults(), Progress.NONE, Cancellation.NEVER);
            List<MetricSpec> metrics = MetricSpec.parseList("rmse,mae,precision@5,recall@5,ndcg@5,auc");
            FoldEvaluator evaluator = new FoldEvaluator(metrics, Relevance.explicit(4), Candidates.FULL, seed);
            FoldResult result = evaluator.evaluate(fold, model, 0, Progress.NONE, Cancellation.NEVER);
            Map<String, double[]> per = result.perUser();
            int checked = 0;
            for (int u = 0; u < fold.test().userCount(); u++) {
                if (fold.test().rowLength(u) == 0) {
                    continue;
                }
                UserReport report = evaluator.explainUser(fold, model, u, 5);
                for (Derivation derivation : report.derivations()) {
                    String key = derivation.title().startsWith("RMSE") ? "rmse"
                            : derivation.title().startsWith("MAE") ? "mae"
                            : derivation.title().startsWith("Precision") ? "precision@5"
                            : derivation.title().startsWith("Recall") ? "recall@5"
                            : derivation.title().startsWith("NDCG") ? "ndcg@5" : "auc";
                    assertThat(derivation.result()).as(key + " of user " + u)
                            .isCloseTo(per.get(key)[u], within(1e-12));
                    checked++;
                }
                assertThat(report.ranked()).isEqualTo(!Double.isNaN(per.get("precision@5")[u]));
            }
            assertThat(checked).isGreaterThan(100);
        }
    }

    @Test
    void aSmallCaseByHand() {
        // u0 rated i0..i5 in training and i6 (5), i7 (2) in test; the popular model ranks i6 first (most rated)
        DatasetBuilder b = new DatasetBuilder("hand", DatasetKind.EXPLICIT);
        for (int i = 0; i < 6; i++) {
            b.add("u0", "i" + i, 3);
        }
        for (int u = 1; u <= 4; u++) {
            b.add("u" + u, "i6", 4);
        }
        b.add("u1", "i7", 4);
        b.add("u1", "i8", 4);
        b.add("u2", "i8", 4);
        Dataset all = b.build();
        // the test set: u0's ratings of i6 and i7
        DatasetBuilder t = new DatasetBuilder("test", DatasetKind.EXPLICIT);
        t.add("u0", "i6", 5);
        t.add("u0", "i7", 2);
        Fold fold = new GivenTestSet(t.build()).split(all, 1).get(0);
        Model popular = AlgorithmRegistry.require("popular").fit(fold.train(),
                AlgorithmRegistry.require("popular").defaults(), Progress.NONE, Cancellation.NEVER);
        FoldEvaluator evaluator = new FoldEvaluator(MetricSpec.parseList("precision@2,recall@2,ndcg@2,auc"),
                Relevance.explicit(4), Candidates.FULL, 1);
        UserReport report = evaluator.explainUser(fold, popular, fold.train().users().indexOf("u0"), 2);
        // one relevant item (i6, rated 5); the list is i6 (4 raters), i8 (2 raters): one hit at rank 1
        assertThat(report.precision().result()).isEqualTo(0.5);
        assertThat(report.recall().result()).isEqualTo(1.0);
        assertThat(report.ndcg().result()).isEqualTo(1.0);
        assertThat(report.precision().steps().get(1).value()).isEqualTo(1);
        // candidates i6, i7, i8: the relevant i6 outscores both others
        assertThat(report.auc().result()).isEqualTo(1.0);
        assertThat(report.auc().steps().get(2).value()).isEqualTo(2);
    }

    /** W is counted pair by pair (outright wins plus half the ties), and the formula brackets both terms. */
    @Test
    void aucCountsItsWinsAndTiesPairByPair() {
        // scores 3, 2, 2, 1; relevant: the 3 and one of the 2s. Pairs: 3 beats 2 and 1 (2 wins); the relevant 2
        // beats 1 and ties the other 2 (1 win, 1 tie): W = 3 + ½ · 1 = 3.5 of 2 · 2 = 4 pairs, AUC 0.875
        double[] scores = {3, 2, 2, 1};
        boolean[] relevant = {true, false, true, false};
        DatasetBuilder b = new DatasetBuilder("four", DatasetKind.EXPLICIT);
        b.add("u0", "i0", 3);
        UserReport report = new UserReport(b.build(), 0, 2, null, null, scores, relevant, Auc.of(scores, relevant));
        var steps = report.auc().steps();
        assertThat(steps.get(3).value()).isEqualTo(3.5);
        assertThat(steps.get(3).substituted()).isEqualTo("3 + \\tfrac{1}{2} \\cdot 1");
        assertThat(steps.get(3).latex()).contains("\\left([x_r > x_s] + \\tfrac{1}{2}[x_r = x_s]\\right)");
        assertThat(report.auc().result()).isEqualTo(0.875);
        assertThat(Auc.pairs(scores, relevant)).isEqualTo(new Auc.Pairs(2, 2, 3, 1));
    }
}
