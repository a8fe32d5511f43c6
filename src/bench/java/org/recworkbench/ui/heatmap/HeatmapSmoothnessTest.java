package org.recworkbench.ui.heatmap;

import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.similarity.HeatmapOrder;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.SimilarityHeatmap;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.similarity.Subsets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hovering, zooming and panning a 300 × 300 heatmap keep the frames coming: the longest gap between pulses while
 * the pointer moves over it, the wheel zooms and a drag pans stays under 50 ms.
 */
@Tag("responsiveness")
@ExtendWith(ApplicationExtension.class)
class HeatmapSmoothnessTest {

    private HeatmapCanvas canvas;

    @Start
    void start(Stage stage) {
        SplittableRandom random = new SplittableRandom(2);
        DatasetBuilder b = new DatasetBuilder("wide", DatasetKind.EXPLICIT);
        for (int u = 0; u < 800; u++) {
            for (int i = 0; i < 300; i++) {
                if (random.nextDouble() < 0.08) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5));
                }
            }
        }
        Dataset d = b.build();
        SimilarityHeatmap h = SimilarityHeatmap.build(d, Orientation.ITEMS, SimilarityOptions.of(Measure.PEARSON),
                Subsets.mostPopularItems(d, 300), HeatmapOrder.CLUSTERED, Cancellation.NEVER);
        canvas = new HeatmapCanvas();
        canvas.heatmapProperty().set(h);
        stage.setScene(new Scene(new StackPane(canvas), 700, 700));
        stage.show();
    }

    private void gesture(FxRobot robot, Point2D origin) {
        for (int k = 0; k < 40; k++) {
            robot.moveTo(origin.add(20 + k * 15, 30 + (k * 37) % 600));
        }
        robot.moveTo(origin.add(350, 350)).scroll(3);
        robot.drag(origin.add(350, 350), MouseButton.PRIMARY).moveBy(40, 25).moveBy(60, 40).moveBy(-30, 70).drop();
        robot.moveTo(origin.add(300, 300)).scroll(-3);
    }

    @Test
    void hoverZoomAndPanStayUnderFiftyMillisecondsAFrame(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Point2D origin = canvas.localToScreen(0, 0);
        assertThat(canvas.cellSize()).isGreaterThan(2);
        gesture(robot, origin);
        AtomicLong last = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        AtomicLong frames = new AtomicLong();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long previous = last.getAndSet(now);
                if (previous != 0) {
                    longest.accumulateAndGet(now - previous, Math::max);
                }
                frames.incrementAndGet();
            }
        };
        WaitForAsyncUtils.asyncFx(timer::start).get(5, TimeUnit.SECONDS);
        gesture(robot, origin);
        WaitForAsyncUtils.asyncFx(timer::stop).get(5, TimeUnit.SECONDS);
        double ms = longest.get() / 1e6;
        System.out.printf("heatmap gestures: %d frames, longest gap %.1f ms%n", frames.get(), ms);
        assertThat(canvas.hoverRowProperty().get()).isBetween(-1, 299);
        assertThat(frames.get()).isGreaterThan(20);
        assertThat(ms).as("longest gap between frames, ms").isLessThan(50);
    }
}
