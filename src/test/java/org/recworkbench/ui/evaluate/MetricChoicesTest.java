package org.recworkbench.ui.evaluate;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recworkbench.ui.Screenshots;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.store.Workspace;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** The Evaluate view's metrics are ticked in a check list that writes the view model's text and follows it. */
@ExtendWith(ApplicationExtension.class)
class MetricChoicesTest {

    private final FxJobs jobs = new FxJobs();
    private org.recworkbench.ui.session.Session session;
    private EvaluateViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        session = new org.recworkbench.ui.session.Session(jobs);
        vm = new EvaluateViewModel(session);
        Scene scene = new Scene(EvaluateView.load(vm), 1100, 700);
        scene.getStylesheets().add(MetricChoicesTest.class.getResource("/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        jobs.shutdown();
        fx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @SuppressWarnings("unchecked")
    private static CheckComboBox<String> box(FxRobot robot) {
        return robot.lookup("#evaluateMetrics").queryAs(CheckComboBox.class);
    }

    @Test
    void theDatasetsDefaultMetricsAreTickedAndATickAddsAMetric(FxRobot robot) throws Exception {
        fx(() -> session.useDataset(DatasetBuilder.fromMatrix("m", DatasetKind.EXPLICIT, new double[][] {{1, 5}, {3, 4}})));
        CheckComboBox<String> box = box(robot);

        assertThat(box.getCheckModel().getCheckedItems())
                .containsExactly("rmse", "mae", "coverage", "precision@10", "recall@10", "ndcg@10");
        fx(() -> box.getCheckModel().check("auc"));
        assertThat(vm.metricsProperty().get()).isEqualTo("rmse,mae,coverage,precision@10,recall@10,ndcg@10,auc");
        fx(() -> box.getCheckModel().clearCheck("mae"));
        assertThat(vm.metricsProperty().get()).isEqualTo("rmse,coverage,precision@10,recall@10,ndcg@10,auc");

        screenshot(robot, "evaluate-metrics-light.png");
        fx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        screenshot(robot, "evaluate-metrics-dark.png");
    }

    @Test
    void aCutOffThatIsNotOfferedIsAddedToTheListAndKept(FxRobot robot) throws Exception {
        fx(() -> vm.metricsProperty().set("rmse, NDCG@7"));
        CheckComboBox<String> box = box(robot);

        assertThat(box.getItems()).contains("ndcg@7", "ndcg@5", "hit@10", "auc", "novelty@10");
        assertThat(box.getCheckModel().getCheckedItems()).containsExactlyInAnyOrder("rmse", "ndcg@7");
        fx(() -> box.getCheckModel().check("ndcg@10"));
        assertThat(vm.metricsProperty().get()).isEqualTo("rmse,ndcg@10,ndcg@7");
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        robot.clickOn("#evaluateMetrics");
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of("target", "screenshots", name);
        fx(() -> Screenshots.save(stage.getScene(), file));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(Files.size(file)).isGreaterThan(5_000);
    }
}
