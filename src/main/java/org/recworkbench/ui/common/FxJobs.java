package org.recworkbench.ui.common;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.recworkbench.job.CancellationToken;
import org.recworkbench.job.CancelledException;
import org.recworkbench.job.Job;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's {@link JobRunner}: one background thread per lane (this machine has one effective core, so more
 * threads would not finish long work sooner), every lifecycle transition made here and nowhere else.
 *
 * <p>Cancelling never interrupts a worker: jobs stop cooperatively at their next cancellation check (an interrupt
 * would close H2's file channel in the middle of a read or write). A running job that is cancelled shows as
 * "cancelling" until its work returns; its result, if it still arrives, is dropped.
 */
public final class FxJobs implements JobRunner {

    private final Map<Lane, ExecutorService> executors = new EnumMap<>(Lane.class);
    private final ObservableList<Entry<?>> jobs = FXCollections.observableArrayList();
    /** One wrapper for everyone: it listens to {@link #jobs} weakly, so a wrapper made per call would go quiet. */
    private final ObservableList<Entry<?>> readOnlyJobs = FXCollections.unmodifiableObservableList(jobs);
    private final Map<Object, Entry<?>> byKey = new HashMap<>();
    /** The jobs not ended, readable from any thread (for {@link #shutdown()}). */
    private final Set<Entry<?>> live = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    public FxJobs() {
        // With -XX:ThreadPriorityPolicy=1 (set by the launch configurations) these are nice 4 and 2 on Linux, so the
        // FX thread wins the one effective core whenever it wants it, and interactive work wins over long work.
        executors.put(Lane.LONG, lane("workbench-jobs", Thread.MIN_PRIORITY));
        executors.put(Lane.INTERACTIVE, lane("workbench-interactive", Thread.MIN_PRIORITY + 2));
    }

    private static ExecutorService lane(String name, int priority) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        });
    }

    @Override
    public ObservableList<? extends RunningJob> jobs() {
        return readOnlyJobs;
    }

    /** The same list as {@link #jobs()}, typed for the status bar. */
    public List<RunningJob> snapshot() {
        return List.copyOf(jobs);
    }

    /** Kept for callers that only ask whether anything is running. */
    public ObservableList<? extends RunningJob> running() {
        return jobs();
    }

    @Override
    public <T> JobHandle submit(Lane lane, Object supersedes, String title, Job<T> job, Callbacks<T> callbacks) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("jobs are submitted from the FX thread");
        }
        Entry<T> entry = new Entry<>(lane, title, job, callbacks, supersedes);
        if (supersedes != null) {
            Entry<?> previous = byKey.put(supersedes, entry);
            if (previous != null) {
                previous.cancel();
            }
        }
        if (shutdown) {
            // the window is closing: late requests (a selection changing as views are torn down) are dropped
            entry.end(Outcome.CANCELLED, null, null);
            return entry;
        }
        jobs.add(entry);
        live.add(entry);
        try {
            executors.get(lane).execute(entry::work);
        } catch (RejectedExecutionException closing) {
            entry.end(Outcome.CANCELLED, null, null);
        }
        return entry;
    }

    /** Any thread: workers see the cancellation at once, the list is cleared on the FX thread. */
    @Override
    public void shutdown() {
        shutdown = true;
        live.forEach(entry -> entry.token.cancel());
        if (Platform.isFxApplicationThread()) {
            cancelAll();
        } else {
            Platform.runLater(this::cancelAll);
        }
        executors.values().forEach(ExecutorService::shutdown);
    }

    private void cancelAll() {
        List.copyOf(jobs).forEach(Entry::cancel);
    }

    /**
     * {@link #shutdown()}, then waits for the jobs that were running to notice and stop.
     */
    public boolean shutdownAndWait(long timeout, TimeUnit unit) throws InterruptedException {
        shutdown();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (ExecutorService executor : executors.values()) {
            if (!executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    private static final int WAITING = 0;
    private static final int STARTED = 1;
    private static final int DROPPED = 2;

    private enum Outcome {
        SUCCEEDED, FAILED, CANCELLED
    }

    /** One job from submission to its single end. All fields but the token and the pending report: FX thread. */
    private final class Entry<T> implements RunningJob {

        private final Lane lane;
        private final String title;
        private final Job<T> job;
        private final Callbacks<T> callbacks;
        private final Object key;
        private final CancellationToken token = new CancellationToken();
        private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
        private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.WAITING);
        private final AtomicReference<double[]> pendingFraction = new AtomicReference<>();
        private volatile String pendingMessage = "";
        /** WAITING → STARTED (by the worker) or WAITING → DROPPED (by a cancel before it started), exactly once. */
        private final AtomicInteger phase = new AtomicInteger(WAITING);
        private boolean ended;

        Entry(Lane lane, String title, Job<T> job, Callbacks<T> callbacks, Object key) {
            this.lane = lane;
            this.title = title;
            this.job = job;
            this.callbacks = callbacks;
            this.key = key;
        }

        /** On the lane's thread. */
        void work() {
            if (!phase.compareAndSet(WAITING, STARTED)) {
                // cancelled while waiting: it already left the list
                return;
            }
            Platform.runLater(() -> {
                if (!ended && state.get() == State.WAITING) {
                    state.set(State.RUNNING);
                }
            });
            Outcome outcome;
            T value = null;
            Throwable failure = null;
            try {
                value = job.run(this::report, token);
                outcome = Outcome.SUCCEEDED;
            } catch (CancelledException stopped) {
                outcome = Outcome.CANCELLED;
            } catch (Throwable t) {
                outcome = Outcome.FAILED;
                failure = t;
            }
            Outcome o = token.isCancelled() ? Outcome.CANCELLED : outcome;
            T v = value;
            Throwable f = failure;
            Platform.runLater(() -> end(o, v, f));
        }

        /** Progress from the worker, delivered to the FX thread at most once per pulse. */
        private void report(double fraction, String text) {
            pendingMessage = text == null ? "" : text;
            if (pendingFraction.getAndSet(new double[] {fraction}) == null) {
                Platform.runLater(() -> {
                    double[] latest = pendingFraction.getAndSet(null);
                    if (!ended) {
                        message.set(pendingMessage);
                        if (latest != null && latest[0] >= 0) {
                            progress.set(latest[0]);
                        }
                    }
                });
            }
        }

        void end(Outcome outcome, T value, Throwable failure) {
            if (ended) {
                return;
            }
            ended = true;
            jobs.remove(this);
            live.remove(this);
            if (key != null && byKey.get(key) == this) {
                byKey.remove(key);
            }
            switch (outcome) {
                case SUCCEEDED -> callbacks.onSuccess().accept(value);
                case FAILED -> callbacks.onFailure().accept(failure);
                case CANCELLED -> callbacks.onCancelled().run();
            }
        }

        @Override
        public void cancel() {
            if (ended || token.isCancelled()) {
                return;
            }
            token.cancel();
            if (!phase.compareAndSet(WAITING, DROPPED)) {
                state.set(State.CANCELLING);
                message.set(I18n.t("common.job.cancelling"));
            } else {
                // never started: nothing will run, so it ends now
                end(Outcome.CANCELLED, null, null);
            }
        }

        @Override
        public boolean ended() {
            return ended;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public Lane lane() {
            return lane;
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyObjectProperty<State> stateProperty() {
            return state.getReadOnlyProperty();
        }

        @Override
        public String toString() {
            return title + " (" + state.get().label() + ")";
        }
    }
}
