package org.recworkbench.ui.common;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityOptions;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard can fail: heavy engine work called on the FX application thread is recorded, with where it came from. */
@ExtendWith(ApplicationExtension.class)
class FxThreadGuardTest {

    private static final Dataset DATA = data();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @BeforeEach
    void install() {
        FxThreadGuard.install();
        FxThreadGuard.clear();
    }

    @AfterEach
    void forget() {
        FxThreadGuard.clear();
    }

    private static Dataset data() {
        DatasetBuilder b = new DatasetBuilder("guarded", DatasetKind.EXPLICIT);
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 20; i++) {
                if ((u * 7 + i * 3) % 4 == 0) {
                    b.add("u" + u, "i" + i, 1 + (u + i) % 5);
                }
            }
        }
        return b.build();
    }

    private static Model fitItemKnn() {
        var knn = AlgorithmRegistry.require("item-knn");
        return knn.fit(DATA, knn.defaults(), Progress.NONE, Cancellation.NEVER);
    }

    @Test
    void aFitOnTheFxThreadIsRecordedWithItsStack() throws Exception {
        WaitForAsyncUtils.asyncFx(FxThreadGuardTest::fitItemKnn).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> new Similarities(DATA, Orientation.USERS, SimilarityOptions.of(Measure.COSINE))
                .topK(5, Progress.NONE, Cancellation.NEVER)).get(60, TimeUnit.SECONDS);

        assertThat(FxThreadGuard.violations()).extracting(FxThreadGuard.Violation::what)
                .contains("Algorithm.fit item-knn", "Similarities USERS", "Similarities.topK");
        assertThat(FxThreadGuard.count()).isEqualTo(FxThreadGuard.violations().size());
        FxThreadGuard.Violation first = FxThreadGuard.violations().get(0);
        assertThat(first.describe()).startsWith("Algorithm.fit item-knn on the FX application thread")
                .contains("FxThreadGuardTest.fitItemKnn").contains("org.recworkbench.algo.Algorithm.fit");
        // item-knn's fit builds its neighbourhoods through the similarity entry points too
        assertThat(FxThreadGuard.entered()).containsEntry("Algorithm.fit", 1L).containsEntry("Similarities.topK", 2L);
    }

    @Test
    void theSameWorkOffTheFxThreadIsNot() throws Exception {
        Model m = CompletableFuture.supplyAsync(FxThreadGuardTest::fitItemKnn).get(60, TimeUnit.SECONDS);
        // re-scoring and explaining one user's short list on the FX thread is small work, not flagged
        WaitForAsyncUtils.asyncFx(() -> {
            m.recommend(0, 10);
            m.explain(0, 1);
        }).get(60, TimeUnit.SECONDS);

        assertThat(FxThreadGuard.entered()).containsEntry("Algorithm.fit", 1L);
        assertThat(FxThreadGuard.violations()).isEmpty();
    }
}
