package org.recworkbench.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.recworkbench.job.Job;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs engine {@link Job}s as JavaFX {@link Task}s on one shared background thread (this machine has one
 * effective core) and keeps the list of running tasks for the status bar.
 */
public final class FxJobs {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workbench-jobs");
        thread.setDaemon(true);
        // With -XX:ThreadPriorityPolicy=1 (set by the launch configurations) this is nice 4 on Linux, so the FX
        // thread wins the one effective core whenever both want it; without the flag it changes nothing.
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();

    public ObservableList<Task<?>> running() {
        return running;
    }

    /** Starts a job; {@code onSuccess} and {@code onFailure} run on the FX thread. Call from the FX thread. */
    public <T> Task<T> submit(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            {
                updateTitle(title);
            }

            /**
             * Never interrupts the worker: jobs stop cooperatively at their next cancellation check, and an
             * interrupt would close H2's file channel in the middle of a read or write.
             */
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return super.cancel(false);
            }

            @Override
            protected T call() throws Exception {
                return job.run((fraction, message) -> {
                    updateMessage(message);
                    if (fraction >= 0) {
                        updateProgress(fraction, 1);
                    }
                }, this::isCancelled);
            }
        };
        task.setOnSucceeded(e -> {
            running.remove(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(task);
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> running.remove(task));
        if (executor.isShutdown()) {
            // the window is closing: late requests (a selection changing as views are torn down) are dropped
            task.cancel();
            return task;
        }
        running.add(task);
        executor.execute(task);
        return task;
    }

    /** Cancels every job (cooperatively, without interrupting) and accepts no new ones. */
    public void shutdown() {
        List.copyOf(running).forEach(Task::cancel);
        executor.shutdown();
    }

    /** {@link #shutdown()}, then waits for the job that was running to notice and stop. */
    public boolean shutdownAndWait(long timeout, TimeUnit unit) throws InterruptedException {
        shutdown();
        return executor.awaitTermination(timeout, unit);
    }
}
