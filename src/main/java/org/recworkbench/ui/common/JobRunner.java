package org.recworkbench.ui.common;

import javafx.collections.ObservableList;
import org.recworkbench.job.Job;

import java.util.function.Consumer;

/**
 * Runs engine {@link Job}s in the background and owns their whole lifecycle: a job leaves {@link #jobs()} exactly
 * once, when its work has returned (or, if it never started, when it is cancelled), and then exactly one of its
 * callbacks runs on the FX thread. Views receive a {@link JobHandle} that can only cancel; they cannot replace the
 * runner's handlers, so a cancelled or superseded job always leaves the status bar.
 *
 * <p>Two lanes: {@link Lane#LONG} queues fits, sweeps, imports, exports and replays one after another;
 * {@link Lane#INTERACTIVE} runs short work a user waits for (heatmaps, derivations, previews, loading a dataset)
 * on its own thread, so it never waits behind a long job. An interactive request with a key supersedes the
 * previous request with the same key.
 */
public interface JobRunner {

    /** Where a job runs. */
    enum Lane {
        LONG, INTERACTIVE
    }

    /** What happens when a job ends; each callback runs on the FX thread, exactly one of them per job. */
    record Callbacks<T>(Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled) {

        public Callbacks {
            onSuccess = onSuccess == null ? value -> { } : onSuccess;
            onFailure = onFailure == null ? failure -> { } : onFailure;
            onCancelled = onCancelled == null ? () -> { } : onCancelled;
        }

        public static <T> Callbacks<T> of(Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            return new Callbacks<>(onSuccess, onFailure, null);
        }

        public Callbacks<T> whenCancelled(Runnable action) {
            return new Callbacks<>(onSuccess, onFailure, action);
        }
    }

    /**
     * Starts a job on a lane. With a non-null {@code supersedes} key, a job of the same key that has not ended is
     * cancelled first (its {@code onCancelled} runs).
     */
    <T> JobHandle submit(Lane lane, Object supersedes, String title, Job<T> job, Callbacks<T> callbacks);

    /** A long job (queued behind other long jobs). */
    default <T> JobHandle submit(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(Lane.LONG, null, title, job, Callbacks.of(onSuccess, onFailure));
    }

    /** A long job with something to do when it is cancelled. */
    default <T> JobHandle submit(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                 Runnable onCancelled) {
        return submit(Lane.LONG, null, title, job, new Callbacks<>(onSuccess, onFailure, onCancelled));
    }

    /** Short work on the interactive lane; the previous request of the same key is cancelled. */
    default <T> JobHandle interactive(Object key, String title, Job<T> job, Consumer<T> onSuccess,
                                      Consumer<Throwable> onFailure) {
        return submit(Lane.INTERACTIVE, key, title, job, Callbacks.of(onSuccess, onFailure));
    }

    /** {@link #interactive(Object, String, Job, Consumer, Consumer)} with something to do when cancelled. */
    default <T> JobHandle interactive(Object key, String title, Job<T> job, Consumer<T> onSuccess,
                                      Consumer<Throwable> onFailure, Runnable onCancelled) {
        return submit(Lane.INTERACTIVE, key, title, job, new Callbacks<>(onSuccess, onFailure, onCancelled));
    }

    /** The jobs that have not ended, in the order they were submitted (for the status bar); FX thread only. */
    ObservableList<? extends RunningJob> jobs();

    /** Cancels every job and accepts no new ones. */
    void shutdown();
}
