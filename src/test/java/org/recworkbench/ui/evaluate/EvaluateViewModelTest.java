package org.recworkbench.ui.evaluate;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.eval.Diagnostics;
import org.recworkbench.eval.RunResult;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.session.Session;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.recworkbench.ui.FxTestSupport.fx;

/** Experiments, sweeps and comparisons from the Evaluate view model on a real workspace file. */
class EvaluateViewModelTest {

    @TempDir
    Path folder;

    private final FxJobs jobs = new FxJobs();

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    private static Dataset ratings() {
        SplittableRandom random = new SplittableRandom(4);
        DatasetBuilder b = new DatasetBuilder("ratings", DatasetKind.EXPLICIT);
        for (int u = 0; u < 80; u++) {
            for (int i = 0; i < 50; i++) {
                if (random.nextDouble() < 0.5 / (1 + i * 0.1)) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    private EvaluateViewModel create(Workspace workspace, Dataset d) throws Exception {
        Session session = fx(() -> new Session(jobs, new SimpleObjectProperty<>(workspace),
                new SimpleObjectProperty<>()));
        EvaluateViewModel vm = fx(() -> new EvaluateViewModel(session));
        fx(() -> session.useDataset(d));
        return vm;
    }

    private static double lastValidationPoint(Dataset d, EvaluateViewModel vm) {
        var mf = AlgorithmRegistry.require("biased-mf");
        var p = mf.defaults().with("epochs", 6).with("factors", 4);
        java.util.List<org.recworkbench.eval.LearningCurve.Point> points = new java.util.ArrayList<>();
        var e = new org.recworkbench.eval.Experiment("biased-mf", p,
                org.recworkbench.eval.Splitters.parse(vm.splitProperty().get()),
                org.recworkbench.eval.MetricSpec.parseList("rmse"), org.recworkbench.eval.Relevance.explicit(4),
                org.recworkbench.eval.Candidates.FULL, vm.seedProperty().get());
        org.recworkbench.eval.LearningCurve.measure(e, d, EvaluateViewModel.VALIDATION_FRACTION, true,
                org.recworkbench.job.Progress.NONE, org.recworkbench.job.Cancellation.NEVER, points::add);
        return points.get(points.size() - 1).validation();
    }

    @Test
    void anExperimentStreamsItsLearningCurveAndDrawsEveryChart() throws Exception {
        try (Workspace workspace = Workspace.open(folder.resolve("db"))) {
            EvaluateViewModel vm = create(workspace, ratings());
            assertThat(vm.metricsProperty().get()).startsWith("rmse,mae");
            fx(() -> {
                vm.algorithmProperty().set(AlgorithmRegistry.require("biased-mf"));
                vm.setParam("epochs", 6);
                vm.setParam("factors", 4);
                vm.onRunExperiment();
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.messageProperty().get().startsWith("Evaluated"));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.learning()).extracting(EvaluateViewModel.EpochPoint::epoch).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(vm.learning()).allSatisfy(p -> assertThat(p.validation()).isBetween(0.1, 4.0));
            assertThat(vm.learning().get(5).validation()).as("measured on the validation carve, as LearningCurve does")
                    .isEqualTo(lastValidationPoint(ratings(), vm));
            assertThat(vm.curve()).hasSize(EvaluateCharts.CURVE_MAX_N);
            // recall can only grow with N
            for (int k = 1; k < vm.curve().size(); k++) {
                assertThat(vm.curve().get(k).recall()).isGreaterThanOrEqualTo(vm.curve().get(k - 1).recall());
            }
            long entries = vm.errorBins().stream().mapToLong(EvaluateViewModel.ErrorBin::count).sum();
            assertThat(entries).isPositive();
            assertThat(vm.calibration()).isNotEmpty();
            Diagnostics.PopularityBias bias = vm.popularityProperty().get();
            assertThat(bias).isNotNull();
            // the history keeps the metrics asked for, not the 150 cut-offs behind the curves
            RunResult saved = vm.runs().get(0);
            assertThat(saved.runId()).isPositive();
            assertThat(saved.metrics().keySet()).containsExactly("rmse", "mae", "coverage", "precision@10",
                    "recall@10", "ndcg@10");
            assertThat(workspace.runs().list()).hasSize(1);
            // the curve's precision@10 is the table's
            assertThat(vm.curve().get(9).precision()).isCloseTo(saved.value("precision@10"), within(1e-12));
        }
    }

    @Test
    void aSweepStreamsOnePointPerValueAndMarksTheBest() throws Exception {
        try (Workspace workspace = Workspace.open(folder.resolve("db"))) {
            EvaluateViewModel vm = create(workspace, ratings());
            fx(() -> {
                vm.algorithmProperty().set(AlgorithmRegistry.require("item-knn"));
                vm.metricsProperty().set("rmse,ndcg@10");
                vm.sweepProperty().set("k=2,8,32");
                vm.onRunSweep();
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.messageProperty().get().contains("on the test:"));
            WaitForAsyncUtils.waitForFxEvents();
            List<EvaluateCharts.Line> lines = List.copyOf(vm.sweepLines());
            assertThat(lines).extracting(EvaluateCharts.Line::metric).containsExactly("rmse", "ndcg@10");
            assertThat(lines.get(0).points()).extracting(EvaluateCharts.Point::x).containsExactly(2.0, 8.0, 32.0);
            EvaluateCharts.Line rmse = lines.get(0);
            double lowest = rmse.points().stream().mapToDouble(EvaluateCharts.Point::y).min().orElseThrow();
            assertThat(rmse.points().get(rmse.best()).y()).isEqualTo(lowest);
            EvaluateCharts.Line ndcg = lines.get(1);
            double highest = ndcg.points().stream().mapToDouble(EvaluateCharts.Point::y).max().orElseThrow();
            assertThat(ndcg.points().get(ndcg.best()).y()).isEqualTo(highest);
            assertThat(rmse.points()).allSatisfy(p -> assertThat(p.low()).isLessThan(p.y()));
            // three points measured on validation, then the chosen k measured on the test
            var stored = workspace.runs().list();
            assertThat(stored).hasSize(4);
            assertThat(vm.sweepRuns()).allSatisfy(r -> assertThat(r.split()).isEqualTo("holdout:0.2/validation:0.1"));
            var onTest = vm.runs().get(0);
            assertThat(onTest.split()).isEqualTo("holdout:0.2");
            int chosenK = (int) rmse.points().get(rmse.best()).x();
            assertThat(onTest.params().get("k")).isEqualTo(Integer.toString(chosenK));
            assertThat(vm.messageProperty().get()).contains("Chosen on validation by rmse: {k=" + chosenK + "}");
        }
    }

    @Test
    void aGridOfAComponentParameterAndAlphaDrawsALinePerAlphaAndChoosesOnValidation() throws Exception {
        try (Workspace workspace = Workspace.open(folder.resolve("db"))) {
            EvaluateViewModel vm = create(workspace, ratings());
            fx(() -> {
                vm.algorithmProperty().set(AlgorithmRegistry.require("hybrid"));
                vm.setParam("content", "popular");
                vm.metricsProperty().set("ndcg@10");
                vm.sweepProperty().set("cf.k=2,16  alpha=0.2,0.9");
                vm.onRunSweep();
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.messageProperty().get().contains("on the test:"));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.sweepRuns()).hasSize(4);
            assertThat(vm.sweepLines()).extracting(EvaluateCharts.Line::name)
                    .containsExactly("alpha = 0.2", "alpha = 0.9");
            assertThat(vm.sweepLines().stream().mapToInt(l -> l.ties().size()).sum()).isPositive();
            var onTest = vm.runs().get(0);
            assertThat(onTest.split()).isEqualTo("holdout:0.2");
            assertThat(onTest.params()).containsEntry("content", "popular").containsKey("cf.k");
            assertThat(vm.messageProperty().get()).contains("Chosen on validation by ndcg@10: {cf.k=");

            fx(() -> {
                vm.sweepProperty().set("cf.k=2,16 cf.k=3,4");
                vm.onRunSweep();
            });
            assertThat(vm.messageProperty().get()).contains("cf.k is given twice");
            fx(() -> {
                vm.sweepProperty().set("cf.lambda=1,2");
                vm.onRunSweep();
            });
            assertThat(vm.messageProperty().get()).contains("hybrid has no parameter \"cf.lambda\"")
                    .contains("cf.k");
        }
    }

    @Test
    void algorithmsAreComparedOnTheSameSplitAndBadInputIsExplained() throws Exception {
        try (Workspace workspace = Workspace.open(folder.resolve("db"))) {
            EvaluateViewModel vm = create(workspace, ratings());
            fx(() -> {
                vm.metricsProperty().set("rmse,ndcg@10");
                vm.compareProperty().set("popular, bias,item-knn");
                vm.onCompareAlgorithms();
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.messageProperty().get().startsWith("Compared"));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.compareRuns()).extracting(RunResult::algorithm).containsExactly("popular", "bias",
                    "item-knn");
            assertThat(vm.bars().get("ndcg@10")).hasSize(3);
            assertThat(vm.compareRuns()).extracting(RunResult::split).containsOnly("holdout:0.2");

            fx(() -> {
                vm.sweepProperty().set("similarity=cosine,pearson");
                vm.onRunSweep();
            });
            assertThat(vm.messageProperty().get()).startsWith("Sweep a numeric parameter");
            fx(() -> {
                vm.sweepProperty().set("nonsense=1,2");
                vm.onRunSweep();
            });
            assertThat(vm.messageProperty().get()).contains("has no parameter \"nonsense\"");
            fx(() -> {
                vm.compareProperty().set("no-such-algorithm");
                vm.onCompareAlgorithms();
            });
            assertThat(vm.messageProperty().get()).contains("no-such-algorithm");
        }
    }
}
