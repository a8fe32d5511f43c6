package org.recworkbench.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.store.SampleData;
import org.recworkbench.ui.datasets.DatasetRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 1024×700 the Explore charts keep a plot to look at when a dataset has many bins: MovieLens-25M's user activity
 * runs from 20 to 29,523 ratings (bins up to 16384–32767) and its values are half stars (ten bins). An auto-ranging
 * category axis turned such labels on end and left the bars no height.
 */
@ExtendWith(ApplicationExtension.class)
class ExploreManyBinsWindowTest {

    @TempDir
    static Path folder;

    private OpenWindow window;

    @Start
    void start(Stage stage) {
        stage.setWidth(1024);
        stage.setHeight(700);
        window = OpenWindow.open(stage, folder.resolve("db"), "org/recworkbench/test/explore-bins");
    }

    @AfterEach
    void close() throws Exception {
        window.close(window.shell, window.jobs);
    }

    /** As in MovieLens-25M: users with 16 to 16,384 ratings (11 bins), half-star values 0.5–5. */
    private static Dataset manyBins() {
        DatasetBuilder b = new DatasetBuilder("many-bins", DatasetKind.EXPLICIT);
        for (int u = 4; u <= 14; u++) {
            for (int i = 0; i < (1 << u); i++) {
                b.add("u" + u, "i" + i, 0.5 + (i + u) % 10 * 0.5);
            }
        }
        return b.build();
    }

    @Test
    void manyBinsKeepTheirLabelsLevelAndThePlotItsHeight(FxRobot robot) throws Exception {
        TableView<DatasetRow> datasets = robot.lookup("#datasetsTable").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> datasets.getItems().size() == SampleData.catalog().size());
        // the window first opens its last dataset; only then is this one put in its place
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.shell.session().dataProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Dataset d = manyBins();
        WaitForAsyncUtils.asyncFx(() -> window.shell.session().useDataset(d)).get(10, TimeUnit.SECONDS);
        robot.clickOn("Explore");
        BarChart<?, ?> activity = robot.lookup("#activityChart").queryAs(BarChart.class);
        BarChart<?, ?> values = robot.lookup("#ratingChart").queryAs(BarChart.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> categories(activity) == 11 && categories(values) == 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((CategoryAxis) activity.getXAxis()).getCategories()).startsWith("16", "32")
                .endsWith("2¹⁰", "2¹¹", "2¹²", "2¹³", "2¹⁴");
        assertThat(((CategoryAxis) values.getXAxis()).getCategories()).startsWith("0.5", "1", "1.5");
        for (BarChart<?, ?> chart : new BarChart<?, ?>[] {activity, values}) {
            CategoryAxis axis = (CategoryAxis) chart.getXAxis();
            Node plot = chart.lookup(".chart-plot-background");
            Bounds bounds = plot.getLayoutBounds();
            assertThat(bounds.getHeight()).as("%s plot height (chart %s high, its axis %s)", chart.getId(),
                    chart.getHeight(), axis.getHeight()).isGreaterThan(40);
        }
    }

    private static int categories(BarChart<?, ?> chart) {
        return ((CategoryAxis) chart.getXAxis()).getCategories().size();
    }
}
