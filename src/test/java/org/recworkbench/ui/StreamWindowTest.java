package org.recworkbench.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.data.Dataset;
import org.recworkbench.store.SampleData;
import org.recworkbench.stream.Event;
import org.recworkbench.stream.EventLog;
import org.recworkbench.ui.common.FxJobs;
import org.recworkbench.ui.datasets.DatasetRow;
import org.recworkbench.ui.live.FeedRow;
import org.recworkbench.ui.live.LiveRow;
import org.recworkbench.ui.live.StreamViewModel;
import org.recworkbench.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.scene.input.KeyCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Stream view in the real window, headless, on the bundled teaching shop (it has timestamps). */
@ExtendWith(ApplicationExtension.class)
class StreamWindowTest {

    @TempDir
    static Path folder;
    private static final AtomicInteger RUN = new AtomicInteger();

    private OpenWindow window;
    private ShellViewModel shell;
    private FxJobs jobs;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        int run = RUN.incrementAndGet();
        window = OpenWindow.open(stage, folder.resolve("db" + run), "org/recworkbench/test/stream" + run);
        shell = window.shell;
        jobs = window.jobs;
    }

    @AfterEach
    void close() throws Exception {
        window.close(shell, jobs);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> itemsAndScores(List<LiveRow> rows) {
        return rows.stream().map(r -> r.itemId() + "=" + r.score()).toList();
    }

    @Test
    void aReplayStepsAUsersEventIntoTheirListThenPlaysPausesAndStepsOnce(FxRobot robot) throws Exception {
        TableView<DatasetRow> datasets = robot.lookup("#datasetsTable").queryTableView();
        waitFor(60, () -> datasets.getItems().size() == SampleData.catalog().size());
        waitFor(60, () -> shell.tune().dataProperty().get() != null);
        Dataset d = shell.tune().dataProperty().get();
        List<Event> events = EventLog.of(d).events();

        robot.clickOn("Stream");
        StreamViewModel vm = shell.stream();
        robot.clickOn("#streamStart");
        waitFor(60, () -> vm.readyProperty().get() && !vm.busyProperty().get() && !vm.userList().isEmpty());
        int split = vm.trainEventsProperty().get();
        assertThat(split).isEqualTo(EventLog.of(d).split(0.8));
        Label status = robot.lookup("#streamStatus").queryAs(Label.class);
        assertThat(status.getText()).startsWith(String.format(Locale.ROOT, "event %,d / %,d", split, events.size()));

        // pick a user with an event a few steps ahead (not the one followed now) by typing their id
        int at = split + 2;
        while (events.get(at).user().equals(vm.selectedUserProperty().get())) {
            at++;
        }
        String user = events.get(at).user();
        ComboBox<String> userBox = robot.lookup("#streamUser").queryComboBox();
        robot.doubleClickOn(userBox.getEditor()).write(user).type(KeyCode.ENTER);
        waitFor(10, () -> user.equals(vm.selectedUserProperty().get()) && !vm.followProperty().get()
                && !vm.userList().isEmpty());
        TableView<LiveRow> list = robot.lookup("#streamUserList").queryTableView();
        List<LiveRow> before = List.copyOf(list.getItems());
        assertThat(before).hasSize(10).allSatisfy(r -> assertThat(r.movementText()).isEmpty());

        for (int position = vm.positionProperty().get(); position <= at; position++) {
            int next = position + 1;
            robot.clickOn("#streamStep");
            waitFor(10, () -> vm.positionProperty().get() == next);
        }
        TableView<FeedRow> feed = robot.lookup("#streamFeed").queryTableView();
        assertThat(feed.getItems()).hasSize(at + 1 - split);
        assertThat(feed.getItems().get(0).user()).isEqualTo(user);
        List<LiveRow> after = List.copyOf(list.getItems());
        assertThat(vm.selectedUserProperty().get()).isEqualTo(user);
        assertThat(after).hasSize(10);
        assertThat(after).as("the list after the event is marked against the one just before it")
                .allSatisfy(r -> assertThat(r.movement()).isNotEqualTo(LiveRow.FIRST));
        assertThat(itemsAndScores(after)).isNotEqualTo(itemsAndScores(before));
        assertThat(after).extracting(LiveRow::itemId).doesNotContain(events.get(at).item());

        // play at 10 events a second, pause: the position stays put
        robot.clickOn("#streamSpeed").clickOn("10 events/s");
        int playedFrom = vm.positionProperty().get();
        robot.clickOn("#streamPlay");
        waitFor(20, () -> vm.positionProperty().get() >= playedFrom + 3);
        robot.clickOn("#streamPause");
        waitFor(10, () -> !vm.loopingProperty().get() && !vm.playingProperty().get());
        int paused = vm.positionProperty().get();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.positionProperty().get()).isEqualTo(paused);
        assertThat(status.getText()).startsWith(String.format(Locale.ROOT, "event %,d / ", paused));

        // one step: exactly one more event
        robot.clickOn("#streamStep");
        waitFor(10, () -> vm.positionProperty().get() == paused + 1);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.positionProperty().get()).isEqualTo(paused + 1);
        assertThat(feed.getItems().get(0).position()).isEqualTo(paused);
        assertThat(vm.hitCurve()).isNotEmpty();
        assertThat(vm.latency()).isNotEmpty();

        Path shots = Path.of(System.getProperty("recworkbench.screenshots", "target/screenshots"));
        Path png = WaitForAsyncUtils.asyncFx(() -> Screenshots.save(stage.getScene(), shots.resolve("stream.png")))
                .get(10, TimeUnit.SECONDS);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }
}
