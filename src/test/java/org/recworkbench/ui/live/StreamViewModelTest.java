package org.recworkbench.ui.live;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.stream.Event;
import org.recworkbench.stream.EventLog;
import org.recworkbench.stream.RecommendationService;
import org.recworkbench.stream.ReplaySession;
import org.recworkbench.ui.FxTestSupport;
import org.recworkbench.ui.session.Session;
import org.recworkbench.ui.common.FxJobs;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** The Stream view model without a stage: a replay of a small timed shop, driven step by step, played and seeked. */
class StreamViewModelTest {

    private static final String[] WORDS = {"garden", "hose", "lamp", "kitchen", "knife", "quilt", "linen", "kite",
            "poetry", "seed", "planter", "bowl", "teapot", "candle", "rug"};
    private static final Algorithm<?> ITEM_KNN = AlgorithmRegistry.require("item-knn");

    private FxJobs jobs;
    private Session session;
    private StreamViewModel vm;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void create() throws Exception {
        jobs = new FxJobs();
        session = fx(() -> new Session(jobs));
        vm = fx(() -> new StreamViewModel(session));
    }

    @AfterEach
    void stop() throws Exception {
        fx(vm::shutdown);
        jobs.shutdown();
    }

    /** 60 users rate about a quarter of 30 items at random times; items have titles, categories and text. */
    static Dataset timedShop() {
        DatasetBuilder b = new DatasetBuilder("timed-shop", DatasetKind.EXPLICIT);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 30; i++) {
            String text = WORDS[i % WORDS.length] + " " + WORDS[(i * 7 + 3) % WORDS.length] + " "
                    + WORDS[(i * 3 + 1) % WORDS.length];
            b.item("i" + i, "Item " + i + " " + WORDS[i % WORDS.length], new String[] {i % 2 == 0 ? "Home" : "Garden"},
                    text);
        }
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 30; i++) {
                if (random.nextDouble() < 0.25) {
                    b.add("u" + u, "i" + i, 1 + random.nextInt(5), 1_700_000_000 + random.nextInt(5_000_000));
                }
            }
        }
        return b.build();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Dataset started() throws Exception {
        Dataset d = timedShop();
        fx(() -> session.useDataset(d));
        fx(vm::onStart);
        waitFor(() -> vm.readyProperty().get() && !vm.busyProperty().get() && !vm.statusProperty().get().isEmpty()
                && !vm.trending().isEmpty());
        return d;
    }

    private void step(int times) throws Exception {
        for (int k = 0; k < times; k++) {
            int target = vm.positionProperty().get() + 1;
            fx(vm::onStep);
            waitFor(() -> vm.positionProperty().get() == target);
        }
    }

    private void seek(int target) throws Exception {
        fx(() -> vm.onSeek(target));
        waitFor(() -> !vm.busyProperty().get() && vm.positionProperty().get() == target);
    }

    /** An engine session of the same settings, stepped {@code events} times by hand. */
    private static ReplaySession reference(Dataset d, int events) {
        ReplaySession s = ReplaySession.fit(EventLog.of(d), ITEM_KNN, ITEM_KNN.defaults(), 0.8, 10,
                RecommendationService.Options.defaults(), Progress.NONE, Cancellation.NEVER);
        for (int k = 0; k < events; k++) {
            s.step();
        }
        return s;
    }

    private record Line(int position, String user, String item, String outcome) {
    }

    private List<Line> feed() {
        return vm.feed().stream().map(r -> new Line(r.position(), r.user(), r.itemId(), r.outcome())).toList();
    }

    private record Numbers(int replayed, int hits, int skipped, double hitRate) {
    }

    private Numbers numbers() {
        ReplaySession.Stats s = vm.statsProperty().get();
        return new Numbers(s.replayed(), s.hits(), s.skipped(), s.hitRate());
    }

    @Test
    void startFitsOnTheFirstEightyPercentAndWaitsAtTheSplit() throws Exception {
        Dataset d = started();
        int split = EventLog.of(d).split(0.8);
        assertThat(vm.trainEventsProperty().get()).isEqualTo(split);
        assertThat(vm.positionProperty().get()).isEqualTo(split);
        assertThat(vm.endProperty().get()).isEqualTo(d.interactionCount());
        assertThat(vm.feed()).isEmpty();
        assertThat(vm.statsProperty().get().replayed()).isZero();
        assertThat(vm.methodProperty().get()).isEqualTo("incremental item-kNN");
        assertThat(vm.statusProperty().get()).startsWith("event " + split + " / " + d.interactionCount())
                .endsWith("incremental item-kNN");
        assertThat(vm.trending()).hasSize(10);
        // following: the user of the last training event
        assertThat(vm.selectedUserProperty().get()).isEqualTo(EventLog.of(d).events().get(split - 1).user());
        assertThat(vm.userList()).hasSize(10);
    }

    @Test
    void eachStepAppliesOneEventAndTheFeedStatsAndCurveFollow() throws Exception {
        Dataset d = started();
        int split = vm.trainEventsProperty().get();
        step(5);

        List<Event> events = EventLog.of(d).events();
        assertThat(vm.feed()).hasSize(5);
        assertThat(vm.feed()).extracting(FeedRow::position).containsExactly(split + 4, split + 3, split + 2,
                split + 1, split);
        for (FeedRow row : vm.feed()) {
            assertThat(row.user()).isEqualTo(events.get(row.position()).user());
            assertThat(row.itemId()).isEqualTo(events.get(row.position()).item());
            assertThat(row.time()).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochSecond(
                            events.get(row.position()).time())));
            assertThat(row.clock()).isEqualTo(row.time().substring(5, 16));
            assertThat(row.outcome()).isIn("✓", "✗");
            assertThat(row.summary()).startsWith(row.time() + " UTC · " + row.user() + " · ")
                    .contains(row.outcome().equals("✓") ? "hit" : "miss");
        }
        ReplaySession expected = reference(d, 5);
        assertThat(numbers()).isEqualTo(new Numbers(5, expected.stats().hits(), 0, expected.stats().hitRate()));
        assertThat(vm.feed().stream().filter(FeedRow::hit).count()).isEqualTo(expected.stats().hits());
        assertThat(vm.hitCurve()).hasSize(5);
        assertThat(vm.hitCurve().get(4)).isEqualTo(new HitRatePoint(5, expected.stats().hitRate()));
        assertThat(vm.latency().stream().mapToInt(LatencyHistogram.Bucket::count).sum()).isEqualTo(5);
        assertThat(vm.statusProperty().get()).startsWith("event " + (split + 5) + " / ").contains("replayed 5 ·");
        assertThat(vm.latencySummaryProperty().get()).startsWith("p50 ").contains("p99 ");
    }

    @Test
    void playRunsUntilPausedAndThenThePositionStaysPut() throws Exception {
        started();
        int split = vm.trainEventsProperty().get();
        fx(() -> vm.speedProperty().set(Speed.HUNDRED));
        fx(vm::onPlay);
        waitFor(() -> vm.positionProperty().get() >= split + 10);
        assertThat(vm.playingProperty().get()).isTrue();
        // a user picked while playing is shown at once, not after a pause
        fx(() -> vm.onSelectUser("u59"));
        waitFor(() -> vm.selectedUserProperty().get().equals("u59") && vm.userList().size() == 10
                && vm.userList().stream().allMatch(r -> r.movement() == LiveRow.FIRST));
        assertThat(vm.playingProperty().get()).isTrue();
        fx(vm::onPause);
        assertThat(vm.playingProperty().get()).isFalse();
        waitFor(() -> !vm.loopingProperty().get());

        int paused = vm.positionProperty().get();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.positionProperty().get()).isEqualTo(paused);
        assertThat(vm.feed()).hasSize(paused - split);
        assertThat(vm.feed().get(0).position()).isEqualTo(paused - 1);
        assertThat(vm.statsProperty().get().replayed() + vm.statsProperty().get().skipped())
                .isEqualTo(paused - split);
    }

    @Test
    void playingAtFullSpeedReachesTheEndAndStops() throws Exception {
        Dataset d = started();
        fx(() -> vm.speedProperty().set(Speed.MAX));
        fx(vm::onPlay);
        waitFor(() -> vm.finishedProperty().get() && !vm.playingProperty().get() && !vm.loopingProperty().get());
        assertThat(vm.positionProperty().get()).isEqualTo(d.interactionCount());
        ReplaySession expected = reference(d, d.interactionCount());
        assertThat(numbers()).isEqualTo(new Numbers(expected.stats().replayed(), expected.stats().hits(), 0,
                expected.stats().hitRate()));
        assertThat(vm.hitCurve()).hasSize(Math.min(ReplayDriver.CURVE_POINTS, expected.stats().replayed()));
        assertThat(vm.messageProperty().get()).startsWith("Replay finished");
    }

    @Test
    void seekingForwardAndBackGivesWhatSteppingGives() throws Exception {
        started();
        int split = vm.trainEventsProperty().get();
        step(3);
        Numbers afterThree = numbers();
        List<Line> feedAfterThree = feed();

        seek(split + 10);
        Numbers afterTenBySeek = numbers();
        List<Line> feedAfterTenBySeek = feed();
        assertThat(afterTenBySeek.replayed()).isEqualTo(10);
        assertThat(feedAfterTenBySeek).hasSize(10);
        assertThat(feedAfterTenBySeek.get(0).position()).isEqualTo(split + 9);

        seek(split + 3);
        assertThat(numbers()).isEqualTo(afterThree);
        assertThat(feed()).isEqualTo(feedAfterThree);

        step(7);
        assertThat(numbers()).isEqualTo(afterTenBySeek);
        assertThat(feed()).isEqualTo(feedAfterTenBySeek);
    }

    @Test
    void aPinnedUsersListMovesWhenAnEventOfTheirsIsApplied() throws Exception {
        Dataset d = started();
        int split = vm.trainEventsProperty().get();
        List<Event> events = EventLog.of(d).events();
        // the first replayed event of a user who is not the one being followed now
        int at = split;
        while (events.get(at).user().equals(vm.selectedUserProperty().get())) {
            at++;
        }
        Event theirs = events.get(at);
        fx(() -> vm.onSelectUser(theirs.user()));
        waitFor(() -> vm.selectedUserProperty().get().equals(theirs.user()) && !vm.userList().isEmpty()
                && !vm.followProperty().get());
        List<LiveRow> before = List.copyOf(vm.userList());
        assertThat(before).allSatisfy(r -> assertThat(r.movementText()).isEmpty());
        assertThat(before.get(0).source()).isEqualTo("model");

        step(at - split + 1);

        List<LiveRow> after = List.copyOf(vm.userList());
        assertThat(vm.selectedUserProperty().get()).as("pinned").isEqualTo(theirs.user());
        assertThat(after).hasSize(10);
        assertThat(after.stream().map(r -> r.itemId() + "=" + r.score()).toList())
                .isNotEqualTo(before.stream().map(r -> r.itemId() + "=" + r.score()).toList());
        assertThat(after).extracting(LiveRow::itemId).doesNotContain(theirs.item());
        assertThat(after).allSatisfy(r -> assertThat(r.movement()).isNotEqualTo(LiveRow.FIRST));
        assertThat(vm.recentItems().get(0)).isEqualTo(d.catalog().title(d.items().indexOf(theirs.item())));

        fx(() -> vm.followProperty().set(true));
        int position = vm.positionProperty().get();
        waitFor(() -> vm.selectedUserProperty().get().equals(events.get(position - 1).user()));
    }

    @Test
    void nAndSessionWeightApplyWithoutARefitAtTheSamePosition() throws Exception {
        Dataset d = started();
        int split = vm.trainEventsProperty().get();
        step(4);
        fx(() -> vm.listLengthProperty().set(5));
        waitFor(() -> !vm.busyProperty().get() && vm.messageProperty().get().startsWith("Applied"));
        waitFor(() -> vm.userList().size() == 5);
        assertThat(vm.positionProperty().get()).isEqualTo(split + 4);
        assertThat(vm.feed()).hasSize(4);
        assertThat(vm.messageProperty().get()).contains("N = 5").endsWith("(no refit)");
        assertThat(vm.statusProperty().get()).contains("hit rate@5");

        ReplaySession five = ReplaySession.fit(EventLog.of(d), ITEM_KNN, ITEM_KNN.defaults(), 0.8, 5,
                RecommendationService.Options.defaults(), Progress.NONE, Cancellation.NEVER);
        for (int k = 0; k < 4; k++) {
            five.step();
        }
        assertThat(vm.statsProperty().get().hits()).isEqualTo(five.stats().hits());

        fx(() -> {
            vm.sessionWeightProperty().set(0.5);
            vm.onApplyOptions();
        });
        waitFor(() -> !vm.busyProperty().get() && vm.messageProperty().get().contains("session weight 0.50"));
        assertThat(vm.positionProperty().get()).isEqualTo(split + 4);
    }

    @Test
    void theSessionsParametersAreUsedForEveryAlgorithmAndTheAlgorithmFollowsTheSessions() throws Exception {
        ParamValues tuned = ITEM_KNN.defaults().with("k", 7);
        fx(() -> session.setParams(ITEM_KNN, tuned));
        StreamViewModel other = fx(() -> new StreamViewModel(session));
        assertThat(other.paramsFor(ITEM_KNN)).isEqualTo(tuned);
        assertThat(other.settingsProperty().get()).startsWith("item-knn (").contains("k=7");
        Algorithm<?> popular = AlgorithmRegistry.require("popular");
        fx(() -> session.algorithmProperty().set(popular));
        assertThat(other.algorithmProperty().get()).isEqualTo(popular);
        // what was set for item-kNN is still remembered, and its panel edits reach the session
        assertThat(other.paramsFor(ITEM_KNN)).isEqualTo(tuned);
        fx(() -> other.algorithmProperty().set(ITEM_KNN));
        fx(() -> other.setParam("k", 9));
        assertThat(session.paramsFor(ITEM_KNN).getInt("k")).isEqualTo(9);
        assertThat(other.paramsProperty().getValue().getInt("k")).isEqualTo(9);
        fx(other::shutdown);
    }

    @Test
    void aListsMovementIsMeasuredAgainstThePreviousList() {
        var a = new RecommendationService.Item("a", "A", 3, "", "model");
        var b = new RecommendationService.Item("b", "B", 2, "", "model");
        var c = new RecommendationService.Item("c", "", 1, "", "popular");
        List<LiveRow> rows = LiveRow.of(List.of(b, c, a), List.of("a", "b"));
        assertThat(rows).extracting(LiveRow::movementText).containsExactly("▲1", "new", "▼2");
        assertThat(rows.get(1).title()).isEqualTo("c");
        assertThat(LiveRow.of(List.of(a), null).get(0).movementText()).isEmpty();
        assertThat(LiveRow.of(List.of(a), List.of("a")).get(0).movementText()).isEmpty();
    }

    @Test
    void latenciesFallIntoLogarithmicBuckets() {
        long[] nanos = {1_000, 99_999, 100_000, 500_000, 500_000, 2_000_000, 250_000_000};
        List<LatencyHistogram.Bucket> buckets = LatencyHistogram.of(nanos);
        assertThat(buckets).hasSize(LatencyHistogram.EDGES_MILLIS.length + 1);
        assertThat(buckets).extracting(LatencyHistogram.Bucket::count).containsExactly(2, 1, 2, 1, 0, 0, 0, 1);
        assertThat(buckets).extracting(LatencyHistogram.Bucket::label).containsExactly("<0.1", "0.1–0.3",
                "0.3–1", "1–3", "3–10", "10–30", "30–100", "≥100");
    }
}
