package org.recworkbench.ui;

import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.SyntheticSpec;
import org.recworkbench.job.CancelledException;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.store.SampleData;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.common.JobHandle;
import org.recworkbench.ui.common.RunningJob;
import org.recworkbench.ui.heatmap.SimilarityViewModel.SubsetKind;
import org.recworkbench.ui.shell.Section;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/**
 * Whatever way a job of the window is cancelled — from the "more" menu while it waits, by Esc or the Cancel button
 * while it runs, or superseded by a newer request — it leaves the status bar, the menu lists exactly the jobs
 * left, and the view that started it can start again.
 */
@ExtendWith(ApplicationExtension.class)
class JobCancelWindowTest {

    @TempDir
    static Path folder;

    private OpenWindow window;
    private ShellViewModel shell;
    private FxJobs jobs;

    @Start
    void start(Stage stage) {
        window = OpenWindow.open(stage, folder.resolve("db"), "org/recworkbench/test/cancel-"
                + java.util.UUID.randomUUID());
        shell = window.shell;
        jobs = window.jobs;
    }

    @AfterEach
    void close() throws Exception {
        window.close(shell, jobs);
    }

    private void idle() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> jobs.jobs().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> menu(FxRobot robot) throws Exception {
        MenuButton more = robot.lookup("#moreJobs").queryAs(MenuButton.class);
        return fx(() -> more.isVisible() ? more.getItems().stream().map(MenuItem::getText).toList() : List.of());
    }

    private List<String> expectedMenu() throws Exception {
        return fx(() -> jobs.jobs().stream().skip(1).map(j -> "Cancel: " + j.title() + " (" + j.stateProperty()
                .get().label() + ")").collect(Collectors.toList()));
    }

    private void assertStatusBarClear(FxRobot robot) throws Exception {
        idle();
        assertThat(robot.lookup("#jobTitle").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#cancelJob").queryButton().isVisible()).isFalse();
        assertThat(menu(robot)).isEmpty();
    }

    @Test
    void everyKindOfCancelClearsTheStatusBarAndLeavesTheMenuExact(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.session().modelProperty().get() != null
                && shell.datasets().rows().size() == SampleData.catalog().size());
        idle();

        // 1. Long jobs waiting behind a running one, each cancelled from the menu
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobHandle blocker = fx(() -> jobs.submit("Blocker", (progress, cancel) -> {
            started.countDown();
            while (!release.await(10, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
            }
            return 0;
        }, ok -> { }, failure -> { }));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Path export = folder.resolve("all.csv");
        fx(() -> {
            shell.evaluate().sweepProperty().set("k=5,10");
            shell.evaluate().onRunSweep();
            shell.tune().onFit();
            shell.tune().onScore();
            shell.stream().onStart();
            shell.tune().onExportAll(export, false);
            shell.datasets().onGenerate("never-imported", new SyntheticSpec(200, 50, 0.1, 7, 8, false));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> jobs.jobs().size())).isEqualTo(7);
        assertThat(menu(robot)).hasSize(6).allSatisfy(text -> assertThat(text).endsWith("(waiting)"))
                .isEqualTo(expectedMenu());
        for (int left = 6; left > 0; left--) {
            MenuItem first = fx(() -> robot.lookup("#moreJobs").queryAs(MenuButton.class).getItems().get(0));
            fx(first::fire);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(menu(robot)).hasSize(left - 1).isEqualTo(left == 1 ? List.of() : expectedMenu());
        }
        assertThat(shell.evaluate().messageProperty().get()).isEqualTo("Cancelled");
        assertThat(shell.tune().messageProperty().get()).isEqualTo("Fit cancelled");
        assertThat(shell.stream().busyProperty().get()).isFalse();
        assertThat(export).doesNotExist();
        assertThat(shell.datasets().rows()).noneMatch(row -> row.name().equals("never-imported"));

        // 2. Esc cancels the running job: it shows "cancelling" until its work stops, then leaves
        robot.clickOn("#datasetSummary");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, blocker::ended);
        assertStatusBarClear(robot);

        // 3. A real sweep, running, cancelled with the Cancel button; the Evaluate view can run again. Biased MF
        // with 500 epochs over 100 sizes on 10 folds takes minutes on any machine: it is still running when clicked.
        String values = IntStream.rangeClosed(1, 100).mapToObj(f -> Integer.toString(100 + f))
                .collect(Collectors.joining(","));
        fx(() -> {
            shell.session().algorithmProperty().set(org.recworkbench.algo.AlgorithmRegistry.require("biased-mf"));
            shell.session().setParam("epochs", 500);
            shell.evaluate().splitProperty().set("kfold:10");
            shell.evaluate().sweepProperty().set("factors=" + values);
            shell.evaluate().onRunSweep();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !jobs.jobs().isEmpty() && jobs.jobs()
                .get(0).title().startsWith("Sweeping") && jobs.jobs().get(0).stateProperty().get()
                == RunningJob.State.RUNNING));
        // while it runs, the Similarity view draws its heatmap on the interactive lane (it used to wait for the sweep)
        fx(() -> {
            shell.sectionProperty().set(Section.SIMILARITY);
            shell.similarity().orientationProperty().set(Orientation.USERS);
            shell.similarity().sizeProperty().set(60);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.similarity().heatmapProperty().get() != null
                && shell.similarity().heatmapProperty().get().size() == 60);
        assertThat(fx(() -> jobs.jobs().stream().anyMatch(j -> j.title().startsWith("Sweeping")))).isTrue();
        assertThat(robot.lookup("#jobTitle").queryAs(Label.class).getText()).startsWith("Sweeping");
        robot.clickOn("#cancelJob");
        assertStatusBarClear(robot);
        assertThat(shell.evaluate().messageProperty().get()).isEqualTo("Cancelled");
        assertThat(shell.evaluate().sweepRuns().size()).isLessThan(100);
        fx(() -> {
            shell.session().setParam("epochs", 2);
            shell.evaluate().splitProperty().set("holdout:0.2");
            shell.evaluate().sweepProperty().set("factors=5");
            shell.evaluate().onRunSweep();
        });
        idle();
        assertThat(shell.evaluate().messageProperty().get()).startsWith("Swept factors: 1 points");

        // 4. Interactive requests superseded by newer ones (typing 250 then 280 rows) leave no ghost
        fx(() -> {
            shell.similarity().subsetKindProperty().set(SubsetKind.TOP);
            shell.similarity().sizeProperty().set(250);
            shell.similarity().sizeProperty().set(280);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shell.similarity().heatmapProperty().get() != null
                && shell.similarity().heatmapProperty().get().size() == 280);
        assertStatusBarClear(robot);
        assertThat(shell.similarity().busyProperty().get()).isFalse();
    }
}
