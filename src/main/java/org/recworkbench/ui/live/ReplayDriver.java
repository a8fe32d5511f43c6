package org.recworkbench.ui.live;

import org.recworkbench.ui.common.I18n;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.CancellationToken;
import org.recworkbench.job.Job;
import org.recworkbench.job.Progress;
import org.recworkbench.stream.Event;
import org.recworkbench.stream.RecommendationService;
import org.recworkbench.stream.ReplaySession;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a {@link ReplaySession} off the FX thread: the play loop, single steps and on-demand refreshes run on one
 * replay thread of their own (so a long replay never holds up the shared job queue), seeks run as jobs; all of
 * them take one lock around the session, so a pause is final once the FX thread has asked for it. Results go to
 * {@link PendingUpdates}, then {@code signal} tells the FX side to pick them up (it does so once per pulse).
 * Nothing here touches JavaFX.
 */
final class ReplayDriver {

    /** Points of the hit-rate curve. */
    static final int CURVE_POINTS = 100;
    static final int TRENDING = 10;
    /** While playing, snapshots (stats, curve, histogram, trending) are taken at most this often. */
    private static final long SNAPSHOT_NANOS = 200_000_000L;
    /** While following the latest event's user at speed, their list is recomputed at most this often. */
    private static final long USER_NANOS = 16_000_000L;
    /** Sleeps between paced events are cut into slices this long, so pause and speed changes act at once. */
    private static final long SLICE_NANOS = 20_000_000L;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workbench-replay");
        thread.setDaemon(true);
        // like the job thread: the FX thread wins the one effective core whenever both want it
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final Object lock = new Object();
    private final PendingUpdates pending;
    private final Runnable signal;
    private final AtomicReference<CancellationToken> loop = new AtomicReference<>();
    private volatile ReplaySession session;
    private volatile Speed speed = Speed.HUNDRED;
    /** The user whose list is shown; null = the user of the latest event. */
    private volatile String pinnedUser;
    /** A refresh was asked for and has not been done (the loop does it between events). */
    private volatile boolean refreshWanted;
    // guarded by lock
    private long lastSnapshot;
    private long lastUserList;

    ReplayDriver(PendingUpdates pending, Runnable signal) {
        this.pending = pending;
        this.signal = signal;
    }

    /** Drives this session from now on (the caller has reset {@link PendingUpdates} to it). */
    void attach(ReplaySession s) {
        pause();
        session = s;
    }

    void setSpeed(Speed s) {
        speed = s;
    }

    /** Shows this user's list from now on; null follows the user of the latest event. */
    void setPinnedUser(String user) {
        pinnedUser = user;
    }

    /** Starts the play loop; false when there is no session. */
    boolean play() {
        ReplaySession s = session;
        if (s == null || executor.isShutdown()) {
            return false;
        }
        CancellationToken token = new CancellationToken();
        CancellationToken old = loop.getAndSet(token);
        if (old != null) {
            old.cancel();
        }
        executor.execute(() -> run(s, token));
        return true;
    }

    /** Stops the play loop: no event is applied after this returns (one being applied finishes). */
    void pause() {
        CancellationToken token = loop.getAndSet(null);
        if (token != null) {
            token.cancel();
        }
    }

    /** Applies exactly one event, after anything queued before (a loop being paused finishes first). */
    void step() {
        pause();
        submit(s -> {
            advance(s, true);
            publishSnapshot(s);
        });
    }

    /** Recomputes the snapshot and the shown user's list (at once when playing: the loop looks between events). */
    void refresh() {
        refreshWanted = true;
        submit(s -> {
            if (refreshWanted) {
                refreshWanted = false;
                refreshNow(s);
            }
        });
    }

    private void refreshNow(ReplaySession s) {
        String user = userToShow(s);
        if (user != null) {
            publishUser(s, user, null);
        }
        publishSnapshot(s);
    }

    /**
     * A job that moves the session to {@code target}: forward, the replayed events join the feed; back, the feed
     * is rebuilt from the events replayed again.
     */
    Job<Integer> seek(int target) {
        ReplaySession s = session;
        return (progress, cancel) -> {
            if (s == null) {
                return 0;
            }
            ArrayDeque<FeedRow> rows = new ArrayDeque<>();
            boolean rebuilt = false;
            try {
                synchronized (lock) {
                    rebuilt = Math.max(s.trainEvents(), Math.min(s.end(), target)) < s.position();
                    replayTo(s, target, progress, cancel, rows);
                }
            } finally {
                synchronized (lock) {
                    if (rebuilt) {
                        pending.replaceFeed(s, rows);
                    } else {
                        rows.forEach(row -> pending.row(s, row));
                    }
                    String user = userToShow(s);
                    if (user != null) {
                        publishUser(s, user, null);
                    }
                    publishSnapshot(s);
                }
                signal.run();
            }
            return s.position();
        };
    }

    /**
     * Moves a session to {@code target} (back: rebuilt from the fitted model, then forward), event by event,
     * keeping the feed rows of the last {@link PendingUpdates#FEED_CAP} events in {@code rows}.
     */
    static void replayTo(ReplaySession s, int target, Progress progress, Cancellation cancel,
                         ArrayDeque<FeedRow> rows) {
        int goal = Math.max(s.trainEvents(), Math.min(s.end(), target));
        if (goal < s.position()) {
            s.seek(s.trainEvents(), Progress.NONE, cancel);
        }
        int from = s.position();
        Dataset source = s.log().source();
        while (s.position() < goal) {
            int done = s.position() - from;
            if ((done & 255) == 0) {
                cancel.throwIfCancelled();
                progress.report((double) done / (goal - from), I18n.t("live.progress.replaying",
                        String.valueOf(s.position() + 1), String.valueOf(s.end())));
            }
            rows.addLast(FeedRow.of(s.step(), source));
            if (rows.size() > PendingUpdates.FEED_CAP) {
                rows.removeFirst();
            }
        }
        progress.report(1, I18n.t("live.progress.at", String.valueOf(s.position())));
    }

    /** Stops the play loop and the replay thread (the window is closing). */
    void shutdown() {
        pause();
        executor.shutdown();
    }

    private interface SessionTask {
        void run(ReplaySession s);
    }

    /** Runs a task for the current session on the replay thread, under the lock; failures go to the FX side. */
    private void submit(SessionTask task) {
        ReplaySession s = session;
        if (s == null || executor.isShutdown()) {
            return;
        }
        executor.execute(() -> {
            try {
                synchronized (lock) {
                    if (session == s) {
                        task.run(s);
                    }
                }
            } catch (RuntimeException e) {
                pending.failure(s, e);
            }
            signal.run();
        });
    }

    private void run(ReplaySession s, CancellationToken token) {
        pending.looping(s, true);
        signal.run();
        boolean atEnd = false;
        try {
            Speed pace = speed;
            long start = System.nanoTime();
            long count = 0;
            while (!token.isCancelled()) {
                if (speed != pace) {
                    pace = speed;
                    start = System.nanoTime();
                    count = 0;
                }
                if (pace.perSecond() > 0 && !sleepUntil(start + count * 1_000_000_000L / pace.perSecond(), token,
                        pace)) {
                    continue;
                }
                synchronized (lock) {
                    if (token.isCancelled() || session != s) {
                        break;
                    }
                    if (refreshWanted) {
                        refreshWanted = false;
                        refreshNow(s);
                    }
                    atEnd = !advance(s, false);
                    if (System.nanoTime() - lastSnapshot >= SNAPSHOT_NANOS) {
                        publishSnapshot(s);
                    }
                }
                signal.run();
                count++;
                if (atEnd) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            pending.failure(s, e);
        } finally {
            synchronized (lock) {
                if (session == s) {
                    publishSnapshot(s);
                }
            }
            if (atEnd && loop.compareAndSet(token, null)) {
                pending.ended(s);
            }
            pending.looping(s, false);
            signal.run();
        }
    }

    /** Sleeps until {@code due}; false when woken early by a pause or a change of speed. */
    private boolean sleepUntil(long due, CancellationToken token, Speed pace) {
        while (true) {
            long left = due - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            if (token.isCancelled() || speed != pace) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
        }
    }

    /**
     * Applies the next event (under the lock); when its user's list is shown, their list just before and just
     * after it go to the FX side. False when no event is left after this one.
     */
    private boolean advance(ReplaySession s, boolean single) {
        int position = s.position();
        if (position >= s.end()) {
            return false;
        }
        Event next = s.log().events().get(position);
        String pinned = pinnedUser;
        long now = System.nanoTime();
        boolean show = pinned != null ? pinned.equals(next.user()) : single || now - lastUserList >= USER_NANOS;
        List<String> before = show ? ids(s.recommend(next.user())) : null;
        ReplaySession.Step step = s.step();
        pending.row(s, FeedRow.of(step, s.log().source()));
        if (show) {
            publishUser(s, next.user(), before);
            lastUserList = now;
        }
        return position + 1 < s.end();
    }

    private String userToShow(ReplaySession s) {
        String pinned = pinnedUser;
        if (pinned != null) {
            return pinned;
        }
        int position = s.position();
        return position == 0 ? null : s.log().events().get(position - 1).user();
    }

    private void publishUser(ReplaySession s, String user, List<String> before) {
        RecommendationService.Recommendations list = s.recommend(user);
        Dataset source = s.log().source();
        List<String> recent = new ArrayList<>();
        for (String id : s.service().recentItems(user)) {
            int i = source.items().indexOf(id);
            String title = i < 0 ? "" : source.catalog().title(i);
            recent.add(title.isEmpty() ? id : title);
        }
        pending.user(s, new UserView(user, list.items(), before, recent));
    }

    private void publishSnapshot(ReplaySession s) {
        pending.snapshot(s, Snapshot.of(s, TRENDING));
        lastSnapshot = System.nanoTime();
    }

    private static List<String> ids(RecommendationService.Recommendations r) {
        List<String> out = new ArrayList<>(r.items().size());
        r.items().forEach(item -> out.add(item.id()));
        return out;
    }
}
