package org.recworkbench.ui;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.SyntheticSpec;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.store.SampleData;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FX thread is never blocked: while a 1,000,000-interaction dataset is generated and imported and an item-item
 * similarity matrix is built on it, pulses keep coming: the longest gap between two stays under 100 ms (measured
 * after a smaller warm-up import, as in a session that has imported before).
 */
@Tag("responsiveness")
@ExtendWith(ApplicationExtension.class)
class ResponsivenessTest {

    @TempDir
    static Path folder;

    private ShellViewModel shell;
    private FxJobs jobs;
    private java.util.prefs.Preferences preferences;

    @Start
    void start(Stage stage) {
        jobs = new FxJobs();
        preferences = java.util.prefs.Preferences.userRoot().node("org/recworkbench/test/pulse" + System.nanoTime());
        shell = new ShellViewModel(folder.resolve("db"), jobs, preferences);
        stage.setScene(WorkbenchApp.buildScene(shell));
        stage.show();
        shell.onOpen();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> jobs.shutdown()).get(10, TimeUnit.SECONDS);
        jobs.shutdownAndWait(60, TimeUnit.SECONDS);
        shell.onClose();
        preferences.removeNode();
    }

    @Test
    void pulsesKeepComingWhileAMillionRowImportAndASimilarityBuildRun(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> shell.datasets().rows().size() == SampleData.catalog().size());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> jobs.running().isEmpty());

        AtomicLong last = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        AtomicLong pulses = new AtomicLong();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long previous = last.getAndSet(now);
                if (previous != 0) {
                    longest.accumulateAndGet(now - previous, Math::max);
                }
                pulses.incrementAndGet();
            }
        };
        AtomicReference<SimilarityMatrix> built = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            timer.start();
            shell.datasets().onGenerate("million", new SyntheticSpec(20_000, 2_000, 0.025, 7, 8, false));
        }).get(10, TimeUnit.SECONDS);
        // the message says "8 datasets" until the import's own summary (or its error) replaces it
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> jobs.running().isEmpty()
                && shell.datasets().messageProperty().get().contains("million"));
        assertThat(shell.datasets().messageProperty().get()).startsWith("Imported million");
        assertThat(shell.selectedDatasetProperty().get().interactions()).isGreaterThan(900_000);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shell.tune().dataProperty().get() != null
                && shell.tune().dataProperty().get().name().equals("million"));
        WaitForAsyncUtils.asyncFx(() -> jobs.submit("Item similarities", (progress, cancel) ->
                new Similarities(shell.tune().dataProperty().get(), Orientation.ITEMS,
                        SimilarityOptions.of(Measure.COSINE)).topK(50, progress, cancel), built::set, failure -> { }))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> built.get() != null && jobs.running().isEmpty());
        WaitForAsyncUtils.asyncFx(timer::stop).get(10, TimeUnit.SECONDS);

        double longestMs = longest.get() / 1e6;
        System.out.printf("pulses %d, longest gap %.1f ms%n", pulses.get(), longestMs);
        assertThat(pulses.get()).isGreaterThan(100);
        // Measured 2026-12-01: 71–80 ms. Before the import committed in chunks, fits computed their first list in the
        // background, the dataset table kept its unchanged rows and the job thread ran at a lower priority: 117–485 ms.
        assertThat(longestMs).as("longest gap between pulses, ms").isLessThan(100);
    }
}
