package org.recworkbench.spark;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Fold;
import org.recworkbench.eval.FoldEvaluator;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.Splitters;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Spark MLlib's ALS in local mode on a small dataset with a clear structure, brought back as a workbench model: it
 * must rank about as well as the workbench's own ALS with the same settings, and explain itself like it.
 */
class SparkAlsTest {

    private static Fold fold;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path folder;

    /** 150 users, 100 items in three taste groups: a user rates an item of its group with probability 0.35. */
    @BeforeAll
    static void data() {
        DatasetBuilder b = new DatasetBuilder("groups", DatasetKind.EXPLICIT);
        SplittableRandom random = new SplittableRandom(7);
        for (int u = 0; u < 150; u++) {
            for (int i = 0; i < 100; i++) {
                boolean same = u % 3 == i % 3;
                if (random.nextDouble() < (same ? 0.35 : 0.05)) {
                    b.add("u" + u, "i" + i, same ? 4 + random.nextInt(2) : 1 + random.nextInt(3));
                }
            }
        }
        Dataset all = b.build();
        fold = Splitters.parse("holdout:0.2").split(all, 42).get(0);
    }

    private static double ndcg(Model model) {
        return new FoldEvaluator(List.of(MetricSpec.parse("ndcg@10")), Relevance.explicit(4), Candidates.FULL, 42)
                .evaluate(fold, model, 0, Progress.NONE, Cancellation.NEVER).values().get("ndcg@10");
    }

    private static Model workbench(String id, String... params) {
        Algorithm<?> a = AlgorithmRegistry.require(id);
        return a.fit(fold.train(), ParamValues.parse(a.params(), List.of(params)), Progress.NONE, Cancellation.NEVER);
    }

    @Test
    void explicitSparkAlsRanksLikeTheWorkbenchsAlsAndExplainsItself() {
        SparkAls.Result spark = SparkAls.train(fold.train(),
                new SparkAls.Settings("local[1]", false, 8, 10, 0.1, 1, 42));
        Model own = workbench("als", "factors=8", "iterations=10", "lambda=0.1", "weighted=true");
        double sparkNdcg = ndcg(spark.model());
        double ownNdcg = ndcg(own);
        System.out.printf("explicit ALS NDCG@10: spark %.4f, workbench %.4f; spark %.1f s%n", sparkNdcg, ownNdcg,
                spark.seconds());
        assertThat(spark.model().algorithmId()).isEqualTo("als");
        assertThat(sparkNdcg).isCloseTo(ownNdcg, within(0.05)).isGreaterThan(ndcg(workbench("popular")));
        // the same users get predictions of the same size as the workbench's own
        int user = fold.train().users().indexOf("u0");
        ScoredItems top = spark.model().recommend(user, 5);
        assertThat(top.size()).isEqualTo(5);
        int item = top.item(0);
        assertThat(spark.model().explain(user, item).derivation().result())
                .isCloseTo(spark.model().predict(user, item), within(1e-9));

        // saved as a workbench model file and loaded back: the same scores, no Spark needed
        java.nio.file.Path file = folder.resolve("spark-als.rwbm");
        org.recworkbench.export.ModelFile.save(spark.model(), file, "test");
        Model loaded = org.recworkbench.export.ModelFile.load(file, fold.train(), Progress.NONE, Cancellation.NEVER);
        assertThat(loaded.algorithmId()).isEqualTo("als");
        assertThat(loaded.predict(user, item)).isEqualTo(spark.model().predict(user, item));
    }

    @Test
    void implicitSparkAlsRanksLikeTheWorkbenchsImplicitAls() {
        SparkAls.Result spark = SparkAls.train(fold.train(),
                new SparkAls.Settings("local[1]", true, 8, 10, 0.1, 1, 42));
        Model own = workbench("implicit-als", "factors=8", "iterations=10", "lambda=1", "alpha=1",
                "confidence=linear");
        double sparkNdcg = ndcg(spark.model());
        double ownNdcg = ndcg(own);
        System.out.printf("implicit ALS NDCG@10: spark %.4f, workbench %.4f; spark %.1f s%n", sparkNdcg, ownNdcg,
                spark.seconds());
        assertThat(spark.model().algorithmId()).isEqualTo("implicit-als");
        assertThat(sparkNdcg).isCloseTo(ownNdcg, within(0.05)).isGreaterThan(ndcg(workbench("popular")));
    }
}
