package org.recworkbench.ui.tune;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.session.Session;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** Save model… and Open model… behind the File menu, through the Tune view model (toolkit only, no stage). */
class TuneModelFileTest {

    @TempDir
    Path folder;

    private FxJobs jobs;
    private TuneViewModel vm;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        jobs = new FxJobs();
        vm = fx(() -> new TuneViewModel(new Session(jobs)));
    }

    @AfterEach
    void stop() {
        jobs.shutdown();
    }

    private static Dataset shop(int seed) {
        DatasetBuilder b = new DatasetBuilder("shop" + seed, DatasetKind.EXPLICIT);
        SplittableRandom random = new SplittableRandom(seed);
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 30; i++) {
                if (random.nextDouble() < 0.3) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        return b.build();
    }

    private void fitted(int fits) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.fitCount() >= fits);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void message(String start) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.messageProperty().get().startsWith(start));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSavedModelOpensAsTheFittedModelWithItsAlgorithmAndWithoutARefit() throws Exception {
        fx(() -> vm.useDataset(shop(11)));
        fitted(1);
        fx(() -> vm.algorithmProperty().set(AlgorithmRegistry.require("als")));
        fitted(2);
        List<Integer> alsList = fx(() -> vm.recommendations().stream().map(RecommendationRow::item).toList());
        Path file = folder.resolve("als.rwbm");
        fx(() -> vm.onSaveModel(file));
        message("Saved the als model to ");
        assertThat(Files.size(file)).isPositive();

        fx(() -> vm.algorithmProperty().set(AlgorithmRegistry.require("popular")));
        fitted(3);
        fx(() -> vm.onOpenModel(file));
        message("Opened als.rwbm: als");
        assertThat(vm.algorithmProperty().get().id()).isEqualTo("als");
        assertThat(vm.modelProperty().get().algorithmId()).isEqualTo("als");
        assertThat(vm.fitNeededProperty().get()).isFalse();
        assertThat(vm.recommendations()).extracting(RecommendationRow::item).containsExactlyElementsOf(alsList);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.fitCount()).isEqualTo(3);
    }

    @Test
    void aModelOfAnotherDatasetIsRefusedReadably() throws Exception {
        fx(() -> vm.useDataset(shop(11)));
        fitted(1);
        Path file = folder.resolve("knn.rwbm");
        fx(() -> vm.onSaveModel(file));
        message("Saved the item-knn model");
        fx(() -> vm.useDataset(shop(12)));
        fitted(2);
        fx(() -> vm.onOpenModel(file));
        message("knn.rwbm was fitted on dataset shop11 (checksum ");
        assertThat(vm.messageProperty().get()).contains("not on shop12");
        assertThat(vm.modelProperty().get().dataset().name()).isEqualTo("shop12");
    }
}
