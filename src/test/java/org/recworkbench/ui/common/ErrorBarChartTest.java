package org.recworkbench.ui.common;

import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.ui.FxTestSupport;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.recworkbench.ui.FxTestSupport.fx;

/** Whiskers sit on the bar's centre and span the interval in the value axis' own coordinates. */
class ErrorBarChartTest {

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @Test
    void whiskersSpanTheIntervalAndTheAxisGrowsToShowThem() throws Exception {
        fx(() -> {
            NumberAxis y = new NumberAxis();
            ErrorBarChart chart = new ErrorBarChart(new CategoryAxis(), y);
            chart.setAnimated(false);
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName("A");
            XYChart.Data<String, Number> ndcg = ErrorBarChart.bar("ndcg@10", 0.30, 0.25, 0.95);
            XYChart.Data<String, Number> plain = new XYChart.Data<>("rmse", 0.8);
            XYChart.Data<String, Number> undefined = ErrorBarChart.bar("auc", 0.6, Double.NaN, Double.NaN);
            series.getData().addAll(List.of(ndcg, plain, undefined));
            chart.getData().add(series);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(chart), 600, 400));
            stage.show();
            chart.applyCss();
            chart.layout();

            // 0.95 is above every bar: the axis must reach it
            assertThat(y.getUpperBound()).isGreaterThanOrEqualTo(0.95);
            Path whisker = chart.whisker(ndcg);
            assertThat(whisker).isNotNull();
            assertThat(chart.whisker(plain)).isNull();
            assertThat(chart.whisker(undefined)).isNull();
            List<PathElement> e = whisker.getElements();
            MoveTo top = (MoveTo) e.get(0);
            LineTo bottom = (LineTo) e.get(1);
            assertThat(top.getY()).isCloseTo(y.getDisplayPosition(0.95), within(1e-9));
            assertThat(bottom.getY()).isCloseTo(y.getDisplayPosition(0.25), within(1e-9));
            var bar = ndcg.getNode().getBoundsInParent();
            assertThat(top.getX()).isCloseTo(bar.getMinX() + bar.getWidth() / 2, within(1e-9));

            series.getData().remove(ndcg);
            assertThat(chart.whisker(ndcg)).isNull();
            stage.close();
        });
    }
}
