package org.recworkbench.ui.live;

import org.recworkbench.ui.common.I18n;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.stream.EventLog;
import org.recworkbench.stream.RecommendationService;
import org.recworkbench.stream.ReplaySession;
import org.recworkbench.ui.common.ErrorMessages;
import org.recworkbench.job.Job;
import org.recworkbench.ui.common.JobHandle;
import org.recworkbench.ui.common.JobRunner;
import org.recworkbench.ui.session.Session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;

/**
 * The Stream view: fit a model on the first part of a dataset's events, then replay the rest in time order — play,
 * pause, step, seek — while the feed, the selected user's live list (with its sources and movements), trending
 * items, the update latencies and the prequential hit rate follow. Fitting and seeking are jobs in the status bar;
 * playing and stepping run on the replay thread of {@link ReplayDriver}; results reach the FX thread at most once
 * per pulse.
 */
public final class StreamViewModel {

    public static final int FEED_ROWS = PendingUpdates.FEED_CAP;

    private final JobRunner jobs;
    private final ReadOnlyObjectProperty<Dataset> data;
    /** What the views share (not the replay's own {@link #session}). */
    private final Session shared;
    private final ObservableValue<ParamValues> params;
    private final PendingUpdates pending = new PendingUpdates();
    private final PulseDelivery delivery = new PulseDelivery(pending, this::apply);
    private final ReplayDriver driver = new ReplayDriver(pending, delivery::signal);

    private final ObjectProperty<Algorithm<?>> algorithm = new SimpleObjectProperty<>();
    private final DoubleProperty trainFraction = new SimpleDoubleProperty(0.8);
    private final IntegerProperty listLength = new SimpleIntegerProperty(10);
    private final ObservableList<HalfLife> halfLives = FXCollections.observableArrayList(HalfLife.choices(true));
    private final ObjectProperty<HalfLife> halfLife = new SimpleObjectProperty<>(halfLives.get(0));
    private final DoubleProperty sessionWeight = new SimpleDoubleProperty(0);
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(Speed.HUNDRED);
    private final BooleanProperty follow = new SimpleBooleanProperty(true);

    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper looping = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper end = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper trainEvents = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<ReplaySession.Stats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper latencySummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper method = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectedUser = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper settings = new ReadOnlyStringWrapper("");

    private final ObservableList<String> userIds = FXCollections.observableArrayList();
    private final ObservableList<FeedRow> feed = FXCollections.observableArrayList();
    private final ObservableList<LiveRow> userList = FXCollections.observableArrayList();
    private final ObservableList<String> recentItems = FXCollections.observableArrayList();
    private final ObservableList<RecommendationService.Item> trending = FXCollections.observableArrayList();
    private final ObservableList<HitRatePoint> hitCurve = FXCollections.observableArrayList();
    private final ObservableList<LatencyHistogram.Bucket> latency = FXCollections.observableArrayList();

    /** The session being shown and what it was built with (FX thread only). */
    private ReplaySession session;
    private Built built;
    /** The settings a rebuild now running applies. */
    private Built applyingFor;
    /** The fit, rebuild or seek job of this view (long lane), and its number: callbacks of older ones are ignored. */
    private JobHandle job = JobHandle.NONE;
    private int jobNumber;
    private List<String> shownIds;
    private boolean changingFollow;

    private record Built(Dataset data, double trainFraction, int n, RecommendationService.Options options) {
    }

    /** A session ready to show, with the feed rows of the events it replayed so far (oldest first). */
    private record Prepared(ReplaySession session, Collection<FeedRow> rows) {
    }

    /**
     * Replays the session's dataset; the algorithm follows the session's while it changes, and any algorithm's
     * parameters are the ones the session remembers for it.
     */
    public StreamViewModel(Session shared) {
        this.shared = shared;
        this.jobs = shared.jobs();
        this.data = shared.dataProperty();
        ObservableValue<Algorithm<?>> tuneAlgorithm = shared.algorithmProperty();
        algorithm.set(tuneAlgorithm.getValue() != null ? tuneAlgorithm.getValue() : AlgorithmRegistry.require(
                "item-knn"));
        tuneAlgorithm.addListener((obs, old, now) -> {
            if (now != null) {
                algorithm.set(now);
            }
        });
        this.params = shared.paramsOf(algorithm);
        algorithm.addListener((obs, old, now) -> showSettings());
        params.addListener((obs, old, now) -> showSettings());
        trainFraction.addListener((obs, old, now) -> showSettings());
        data.addListener((obs, old, now) -> useDataset(now));
        listLength.addListener((obs, old, now) -> onApplyOptions());
        halfLife.addListener((obs, old, now) -> onApplyOptions());
        speed.addListener((obs, old, now) -> driver.setSpeed(now));
        driver.setSpeed(speed.get());
        follow.addListener((obs, old, now) -> {
            if (changingFollow) {
                return;
            }
            driver.setPinnedUser(now || selectedUser.get().isEmpty() ? null : selectedUser.get());
            driver.refresh();
        });
        useDataset(data.get());
    }

    /** The algorithms in chooser order: by family, then id. */
    public List<Algorithm<?>> algorithms() {
        return Session.algorithms();
    }

    /** The parameters the session remembers for an algorithm (what was set in any view), else its defaults. */
    ParamValues paramsFor(Algorithm<?> a) {
        return shared.paramsFor(a);
    }

    /** The parameters of this view's algorithm, for its parameter panel. */
    public ObservableValue<ParamValues> paramsProperty() {
        return params;
    }

    /** Sets one parameter of this view's algorithm (remembered by the session; Start refits with it). */
    public void setParam(String name, Object value) {
        shared.setParam(algorithm.get(), name, value);
    }

    private RecommendationService.Options options() {
        return RecommendationService.Options.defaults().withSessionWeight(sessionWeight.get())
                .withHalfLife(halfLife.get() == null ? 0 : halfLife.get().value());
    }

    private void useDataset(Dataset d) {
        stopAndForget();
        userIds.setAll(d == null ? List.of() : d.users().ids());
        HalfLife was = halfLife.get();
        int index = was == null ? 0 : Math.max(0, halfLives.indexOf(was));
        halfLives.setAll(HalfLife.choices(d == null || d.ratings().hasTimestamps()));
        halfLife.set(halfLives.get(index));
        showSettings();
        message.set(d == null ? I18n.t("live.noDataset") : I18n.t("live.pressStart", d.name()));
    }

    private void showSettings() {
        Algorithm<?> a = algorithm.get();
        if (a == null) {
            settings.set("");
            return;
        }
        ParamValues p = paramsFor(a);
        String params = p.asMap().isEmpty() ? "" : " (" + p.toString().replace(";", ", ") + ")";
        boolean stale = built != null && (built.data() != data.get()
                || built.trainFraction() != trainFraction.get() || session != null
                && (!session.model().algorithmId().equals(a.id()) || !session.model().params().equals(p)));
        settings.set(a.id() + params + (stale ? I18n.t("live.stale") : ""));
    }

    /** Fits the algorithm on the first part of the events, in the background; the replay starts at the split. */
    public void onStart() {
        Dataset d = data.get();
        Algorithm<?> a = algorithm.get();
        if (d == null || a == null) {
            message.set(I18n.t("live.noDataset"));
            return;
        }
        ParamValues p = paramsFor(a);
        double fraction = trainFraction.get();
        int n = listLength.get();
        RecommendationService.Options o = options();
        stopAndForget();
        busy.set(true);
        message.set(I18n.t("live.fitting", a.id(), String.valueOf(Math.round(fraction * 100))));
        runJob(I18n.t("live.job.fit", a.id(), d.name()),
                (progress, cancel) -> new Prepared(ReplaySession.fit(EventLog.of(d), a, p, fraction, n, o,
                        progress, cancel), List.of()), prepared -> {
                    if (data.get() == d) {
                        showPrepared(prepared, new Built(d, fraction, n, o));
                        ReplaySession s = prepared.session();
                        message.set(I18n.t("live.fitted", a.id(), count(s.trainEvents()),
                                count(s.end() - s.trainEvents()), s.log().order()));
                    }
                }, I18n.t("live.startCancelled"));
    }

    /**
     * N, the session weight and the half-life apply to a running replay without a refit: the session is rebuilt on
     * the fitted model and replayed to where it was, as a job.
     */
    public void onApplyOptions() {
        ReplaySession old = session;
        int n = listLength.get();
        RecommendationService.Options o = options();
        if (old == null || built == null || n == built.n() && o.equals(built.options())
                || !job.ended() && applyingFor != null && applyingFor.n() == n && applyingFor.options().equals(o)) {
            return;
        }
        if (n < 1 || n > 1000) {
            message.set(I18n.t("live.badN", String.valueOf(n)));
            return;
        }
        job.cancel();
        onPause();
        int target = position.get();
        Model model = old.model();
        EventLog log = old.log();
        Built was = built;
        applyingFor = new Built(was.data(), was.trainFraction(), n, o);
        busy.set(true);
        message.set(I18n.t("live.applying"));
        runJob(I18n.t("live.job.rebuild", count(target)),
                (progress, cancel) -> {
                    ReplaySession s = ReplaySession.fit(log, new Prefitted(model), ParamValues.defaults(List.of()),
                            was.trainFraction(), n, o, progress.stage(0, 0.05), cancel);
                    ArrayDeque<FeedRow> rows = new ArrayDeque<>();
                    ReplayDriver.replayTo(s, target, progress.stage(0.05, 1), cancel, rows);
                    return new Prepared(s, rows);
                }, prepared -> {
                    if (session == old) {
                        showPrepared(prepared, new Built(was.data(), was.trainFraction(), n, o));
                        message.set(I18n.t("live.applied", String.valueOf(n),
                                String.format(Locale.ROOT, "%.2f", o.sessionWeight()), halfLife.get(), count(target)));
                    }
                }, I18n.t("live.notApplied"));
    }

    /**
     * Runs this view's fit, rebuild or seek as a long job. {@code busy} is cleared when the latest such job ends,
     * whatever way; a job replaced by a newer one ends silently.
     */
    private <T> void runJob(String title, Job<T> work, Consumer<T> done, String whenCancelled) {
        int mine = ++jobNumber;
        job = jobs.submit(title, work, value -> {
            if (mine == jobNumber) {
                busy.set(false);
                done.accept(value);
            }
        }, failure -> {
            if (mine == jobNumber) {
                busy.set(false);
                fail(failure);
            }
        }, () -> {
            if (mine == jobNumber) {
                busy.set(false);
                message.set(whenCancelled);
            }
        });
    }

    private void showPrepared(Prepared prepared, Built with) {
        ReplaySession s = prepared.session();
        pending.reset(s);
        driver.attach(s);
        session = s;
        built = with;
        playing.set(false);
        looping.set(false);
        ready.set(true);
        trainEvents.set(s.trainEvents());
        end.set(s.end());
        feed.setAll(newestFirst(prepared.rows()));
        shownIds = null;
        userList.clear();
        recentItems.clear();
        showSettings();
        driver.refresh();
    }

    public void onPlay() {
        if (session == null || busy.get() || finished.get() || playing.get()) {
            return;
        }
        if (driver.play()) {
            playing.set(true);
        }
    }

    public void onPause() {
        driver.pause();
        playing.set(false);
    }

    /** Applies exactly one event (pausing first when playing). */
    public void onStep() {
        if (session == null || busy.get() || finished.get()) {
            return;
        }
        onPause();
        driver.step();
    }

    /** Moves to an event position (trainEvents … end) as a cancellable job. */
    public void onSeek(int target) {
        if (session == null || busy.get()) {
            return;
        }
        onPause();
        int goal = Math.max(trainEvents.get(), Math.min(end.get(), target));
        busy.set(true);
        message.set(I18n.t("live.seeking", count(goal)));
        runJob(I18n.t("live.job.seek", count(goal)), driver.seek(goal),
                at -> message.set(I18n.t("live.at", count(at), count(end.get()))),
                I18n.t("live.seekCancelled"));
    }

    /** Shows this user's live list from now on (pins it; "follow" goes off). */
    public void onSelectUser(String id) {
        if (id == null || id.isBlank()) {
            return;
        }
        String user = id.strip();
        changingFollow = true;
        try {
            follow.set(false);
        } finally {
            changingFollow = false;
        }
        if (!user.equals(selectedUser.get())) {
            shownIds = null;
        }
        selectedUser.set(user);
        driver.setPinnedUser(user);
        driver.refresh();
    }

    /** Recomputes the shown user's list (marking how it moved since it was last shown) and the numbers. */
    public void onRefresh() {
        driver.refresh();
    }

    /** Stops the replay thread (the window is closing). */
    public void shutdown() {
        driver.shutdown();
    }

    private void stopAndForget() {
        // a job of the session being forgotten ends silently
        jobNumber++;
        job.cancel();
        driver.pause();
        driver.attach(null);
        pending.reset(null);
        session = null;
        built = null;
        busy.set(false);
        ready.set(false);
        playing.set(false);
        looping.set(false);
        finished.set(false);
        position.set(0);
        end.set(0);
        trainEvents.set(0);
        stats.set(null);
        status.set("");
        latencySummary.set("");
        method.set("");
        shownIds = null;
        feed.clear();
        userList.clear();
        recentItems.clear();
        trending.clear();
        hitCurve.clear();
        latency.clear();
    }

    /** Takes what the replay thread produced (FX thread, at most once per pulse). */
    private void apply(PendingUpdates.Batch b) {
        if (b.clearFeed()) {
            feed.clear();
        }
        if (!b.rows().isEmpty()) {
            feed.addAll(0, newestFirst(b.rows()));
            if (feed.size() > FEED_ROWS) {
                feed.remove(FEED_ROWS, feed.size());
            }
        }
        if (b.snapshot() != null) {
            showSnapshot(b.snapshot());
        }
        if (b.user() != null) {
            showUser(b.user());
        }
        if (b.looping() != null) {
            looping.set(b.looping());
        }
        if (!b.rows().isEmpty() && !b.ended() && b.failure() == null) {
            // the message follows the replay, so it never shows what an earlier action said
            message.set(playing.get() ? I18n.t("live.playing", count(position.get()), count(end.get()), speed.get())
                    : I18n.t("live.paused", count(position.get()), count(end.get())));
        }
        if (b.ended()) {
            playing.set(false);
            ReplaySession.Stats s = stats.get();
            message.set(s == null ? I18n.t("live.finished") : I18n.t("live.finished.stats", count(s.replayed()),
                    String.valueOf(built.n()), rate(s.hitRate())));
        }
        if (b.failure() != null) {
            onPause();
            fail(b.failure());
        }
    }

    private static List<FeedRow> newestFirst(Collection<FeedRow> oldestFirst) {
        List<FeedRow> rows = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(rows);
        return rows.size() > FEED_ROWS ? rows.subList(0, FEED_ROWS) : rows;
    }

    private void showSnapshot(Snapshot s) {
        position.set(s.position());
        finished.set(s.position() >= s.end());
        if (finished.get()) {
            playing.set(false);
        }
        ReplaySession.Stats st = s.stats();
        stats.set(st);
        method.set(s.method());
        latencySummary.set(st.replayed() == 0 ? I18n.t("live.noEvents") : I18n.t("live.latencySummary",
                String.format(Locale.ROOT, "%.3f", st.p50Millis()), String.format(Locale.ROOT, "%.3f", st.p99Millis()),
                String.format(Locale.ROOT, "%.3f", st.maxMillis())));
        status.set(statusLine(s, built == null ? 0 : built.n()));
        hitCurve.setAll(s.curve());
        latency.setAll(s.latency());
        trending.setAll(s.trending());
    }

    /** "event 3,200 / 3,899 · replayed 80 · skipped 0 · hit rate@10 0.125 · p50 … · p99 … · method". */
    static String statusLine(Snapshot s, int n) {
        ReplaySession.Stats st = s.stats();
        return I18n.t("live.statusLine", count(s.position()), count(s.end()), count(st.replayed()),
                count(st.skipped()), String.valueOf(n), rate(st.hitRate()), millis(st.p50Millis()),
                millis(st.p99Millis()), s.method());
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String rate(double r) {
        return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.3f", r);
    }

    private static String millis(double ms) {
        return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.3f ms", ms);
    }

    private void showUser(UserView u) {
        String pinned = follow.get() ? null : selectedUser.get();
        if (pinned != null && !pinned.equals(u.user())) {
            return;
        }
        List<String> before = u.before();
        if (before == null && u.user().equals(selectedUser.get())) {
            // shown on demand: how the list moved since it was last shown
            before = shownIds;
        }
        selectedUser.set(u.user());
        userList.setAll(LiveRow.of(u.items(), before));
        shownIds = u.items().stream().map(RecommendationService.Item::id).toList();
        recentItems.setAll(u.recent());
    }

    /** A failure of the replay thread: playback stops, the message says why (never a stack trace). */
    private void fail(Throwable failure) {
        playing.set(false);
        message.set(ErrorMessages.readable(failure));
    }

    public ObjectProperty<Algorithm<?>> algorithmProperty() {
        return algorithm;
    }

    /** The algorithm with its parameters, and whether the running replay was fitted with something else. */
    public ReadOnlyStringProperty settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public DoubleProperty trainFractionProperty() {
        return trainFraction;
    }

    /** N of the live lists and of the hit rate. */
    public IntegerProperty listLengthProperty() {
        return listLength;
    }

    public ObservableList<HalfLife> halfLives() {
        return halfLives;
    }

    public ObjectProperty<HalfLife> halfLifeProperty() {
        return halfLife;
    }

    /** β of the session blend; the view applies it when the slider is released ({@link #onApplyOptions()}). */
    public DoubleProperty sessionWeightProperty() {
        return sessionWeight;
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    /** True: the shown user is the latest event's; false: the selected user is pinned. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** A replay has been fitted. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Fitting, seeking or rebuilding: playback waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Play was pressed and the replay has not been paused or reached the end. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The play loop is running on the replay thread (it stops shortly after a pause). */
    public ReadOnlyBooleanProperty loopingProperty() {
        return looping.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** The next event's position in the log (events before it are applied). */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty endProperty() {
        return end.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty trainEventsProperty() {
        return trainEvents.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReplaySession.Stats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** p50 / p99 / max of the update latency. */
    public ReadOnlyStringProperty latencySummaryProperty() {
        return latencySummary.getReadOnlyProperty();
    }

    /** How the service keeps the model current. */
    public ReadOnlyStringProperty methodProperty() {
        return method.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The user whose list is shown. */
    public ReadOnlyStringProperty selectedUserProperty() {
        return selectedUser.getReadOnlyProperty();
    }

    public ObservableList<String> userIds() {
        return userIds;
    }

    /** The latest events, newest first, at most {@link #FEED_ROWS}. */
    public ObservableList<FeedRow> feed() {
        return feed;
    }

    public ObservableList<LiveRow> userList() {
        return userList;
    }

    /** The shown user's recent items (titles), newest first. */
    public ObservableList<String> recentItems() {
        return recentItems;
    }

    public ObservableList<RecommendationService.Item> trending() {
        return trending;
    }

    public ObservableList<HitRatePoint> hitCurve() {
        return hitCurve;
    }

    public ObservableList<LatencyHistogram.Bucket> latency() {
        return latency;
    }
}
