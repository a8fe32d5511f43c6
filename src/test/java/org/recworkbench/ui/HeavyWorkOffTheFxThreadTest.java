package org.recworkbench.ui;

import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.SyntheticSpec;
import org.recworkbench.store.SampleData;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.common.FxThreadGuard;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the window never does heavy engine work on the FX application thread, checked deterministically
 * instead of by timing frames. The real window generates and imports a synthetic dataset (2,000 users × 500 items),
 * fits, profiles, draws a similarity heatmap, runs an evaluation, compares two algorithms and exports every user's
 * list; {@link FxThreadGuard} records any heavy entry point that started on the FX thread, and there must be none.
 * The frame timings themselves live in the bench profile (docs/benchmarks.md).
 */
@ExtendWith(ApplicationExtension.class)
class HeavyWorkOffTheFxThreadTest {

    @TempDir
    static Path folder;

    private OpenWindow window;
    private ShellViewModel shell;
    private FxJobs jobs;

    @Start
    void start(Stage stage) {
        window = OpenWindow.open(stage, folder.resolve("db"), "org/recworkbench/test/fxguard" + System.nanoTime());
        shell = window.shell;
        jobs = window.jobs;
    }

    @AfterEach
    void close() throws Exception {
        window.close(shell, jobs);
    }

    private void idle() throws Exception {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> jobs.running().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void importFitHeatmapEvaluationAndExportNeverRunOnTheFxThread(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> shell.datasets().rows().size() == SampleData.catalog().size());
        idle();

        String name = "synthetic-2000";
        WaitForAsyncUtils.asyncFx(() -> shell.datasets().onGenerate(name,
                new SyntheticSpec(2_000, 500, 0.03, 17, 8, false))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> jobs.running().isEmpty()
                && shell.datasets().messageProperty().get().contains(name));
        assertThat(shell.datasets().messageProperty().get()).startsWith("Imported " + name);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.tune().dataProperty().get() != null
                && shell.tune().dataProperty().get().name().equals(name));

        robot.clickOn("Tune & Recommend");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shell.tune().modelProperty().get() != null
                && shell.tune().modelProperty().get().dataset().name().equals(name)
                && shell.tune().recommendations().size() == 10);

        robot.clickOn("Explore");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.explore().profileProperty().get() != null
                && shell.explore().profileProperty().get().users() == 2_000);

        robot.clickOn("Similarity");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.similarity().heatmapProperty().get() != null);
        idle();
        assertThat(shell.similarity().heatmapProperty().get().size()).isGreaterThan(1);

        robot.clickOn("Evaluate");
        robot.clickOn("#runExperiment");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !shell.evaluate().runs().isEmpty());
        idle();
        assertThat(shell.evaluate().runs().get(0).dataset()).isEqualTo(name);

        robot.clickOn("Compare");
        robot.clickOn("#compareButton");
        TableView<?> right = robot.lookup("#rightTable").queryTableView();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> right.getItems().size() == 10);
        idle();

        Path csv = folder.resolve("all-users.csv");
        WaitForAsyncUtils.asyncFx(() -> shell.tune().onExportAll(csv, false)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Files.exists(csv)
                && shell.tune().messageProperty().get().startsWith("Wrote"));
        idle();
        assertThat(Files.readAllLines(csv)).hasSize(1 + 2_000 * 10);

        // the heavy entry points did run (in the background): the check below is not vacuous
        assertThat(FxThreadGuard.entered()).containsKeys("SyntheticGenerator.generate", "Importer.parse",
                "DatasetStore.save", "DatasetLoader.load", "Algorithm.fit", "DatasetProfiler.profile",
                "ExploreSeries.of", "SimilarityHeatmap.build", "Similarities.dense", "Experiment.run",
                "RecommendationExport.write");
        assertThat(FxThreadGuard.violations())
                .as(() -> "heavy work on the FX application thread:\n" + FxThreadGuard.violations().stream()
                        .map(FxThreadGuard.Violation::describe).collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
