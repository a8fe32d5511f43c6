package org.recworkbench.job;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.DatasetProfiler;
import org.recworkbench.data.SyntheticGenerator;
import org.recworkbench.data.SyntheticSpec;
import org.recworkbench.eval.Candidates;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.Relevance;
import org.recworkbench.eval.Splitters;
import org.recworkbench.export.RecommendationExport;
import org.recworkbench.similarity.HeatmapOrder;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityHeatmap;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.similarity.Subsets;

import java.io.StringWriter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's heavy entry points report themselves to {@link HeavyWork}, and only on the thread the host forbids;
 * without a check nothing is reported. (The window's FX-thread check is tested in {@code FxThreadGuardTest}.)
 */
class HeavyWorkTest {

    private final Thread forbidden = Thread.currentThread();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> entered = new CopyOnWriteArrayList<>();

    @AfterEach
    void uninstall() {
        HeavyWork.allowEverywhere();
    }

    private void install() {
        HeavyWork.forbidOn(() -> Thread.currentThread() == forbidden, new HeavyWork.Listener() {
            @Override
            public void forbidden(String what, Throwable where) {
                violations.add(what);
            }

            @Override
            public void entered(String what) {
                entered.add(what);
            }
        });
    }

    private static Dataset small() {
        SplittableRandom random = new SplittableRandom(5);
        DatasetBuilder b = new DatasetBuilder("small", DatasetKind.EXPLICIT);
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 40; i++) {
                if (random.nextDouble() < 0.3) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    @Test
    void withoutACheckNothingIsReported() {
        HeavyWork.allowEverywhere();
        assertThat(HeavyWork.checked()).isFalse();
        HeavyWork.enter("anything");
        Dataset d = small();
        AlgorithmRegistry.require("item-knn").fit(d, AlgorithmRegistry.require("item-knn").defaults(),
                Progress.NONE, Cancellation.NEVER);
        assertThat(violations).isEmpty();
        assertThat(entered).isEmpty();
    }

    @Test
    void everyHeavyEntryPointReportsItselfOnTheForbiddenThread() throws Exception {
        Dataset d = small();
        install();
        assertThat(HeavyWork.checked()).isTrue();

        var knn = AlgorithmRegistry.require("item-knn");
        Model m = knn.fit(d, knn.defaults(), Progress.NONE, Cancellation.NEVER);
        new Similarities(d, Orientation.ITEMS, SimilarityOptions.of(Measure.COSINE))
                .topK(5, Progress.NONE, Cancellation.NEVER);
        SimilarityHeatmap.build(d, Orientation.ITEMS, SimilarityOptions.of(Measure.COSINE),
                Subsets.mostPopularItems(d, 10), HeatmapOrder.CLUSTERED, Cancellation.NEVER);
        new Experiment("popular", AlgorithmRegistry.require("popular").defaults(), Splitters.parse("holdout:0.2"),
                MetricSpec.parseList("precision@5"), Relevance.explicit(4), Candidates.FULL, 1)
                .run(d, Progress.NONE, Cancellation.NEVER);
        RecommendationExport.write(m, new int[] {0, 1, 2}, 3, false, new StringWriter(), Progress.NONE,
                Cancellation.NEVER);
        DatasetProfiler.profile(d);
        SyntheticGenerator.generate(SyntheticSpec.of(20, 10, 0.2, 1), new SyntheticGenerator.Sink() {
            @Override
            public void item(String id, String title, List<String> categories, String text) {
            }

            @Override
            public void interaction(String user, String item, float value, int timestamp) {
            }
        }, Progress.NONE, Cancellation.NEVER);

        assertThat(violations).contains("Algorithm.fit item-knn", "Similarities.topK", "SimilarityHeatmap.build",
                "Similarities.dense", "Experiment.run popular", "Algorithm.fit popular",
                "RecommendationExport.write 3 users", "DatasetProfiler.profile small",
                "SyntheticGenerator.generate");
        assertThat(entered).containsExactlyElementsOf(violations);
    }

    @Test
    void smallPerUserWorkIsNotHeavy() {
        Dataset d = small();
        var knn = AlgorithmRegistry.require("item-knn");
        Model m = knn.fit(d, knn.defaults(), Progress.NONE, Cancellation.NEVER);
        install();
        m.recommend(0, 10);
        m.predict(0, 1);
        m.explain(0, 1);
        assertThat(violations).isEmpty();
        assertThat(entered).isEmpty();
    }

    @Test
    void otherThreadsMayDoHeavyWork() throws Exception {
        Dataset d = small();
        install();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            var knn = AlgorithmRegistry.require("item-knn");
            background.submit(() -> knn.fit(d, knn.defaults(), Progress.NONE, Cancellation.NEVER))
                    .get(60, TimeUnit.SECONDS);
        } finally {
            background.shutdownNow();
        }
        assertThat(entered).contains("Algorithm.fit item-knn");
        assertThat(violations).isEmpty();
    }
}
