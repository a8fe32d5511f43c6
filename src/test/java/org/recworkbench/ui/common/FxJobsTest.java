package org.recworkbench.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recworkbench.job.CancelledException;
import org.recworkbench.job.Job;
import org.recworkbench.ui.FxTestSupport;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/**
 * The job runner owns every job's end: whichever way a job is cancelled (running, waiting, superseded, shut down),
 * it leaves the list exactly once, exactly one callback runs, and a result that still arrives is dropped.
 */
class FxJobsTest {

    private FxJobs jobs;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @BeforeEach
    void create() {
        jobs = new FxJobs();
    }

    @AfterEach
    void stop() throws Exception {
        jobs.shutdownAndWait(10, TimeUnit.SECONDS);
    }

    /** A job that signals it started, then polls its cancellation until released or cancelled. */
    private static Job<String> blocker(CountDownLatch started, CountDownLatch release, boolean ignoreCancel) {
        return (progress, cancel) -> {
            started.countDown();
            while (!release.await(5, TimeUnit.MILLISECONDS)) {
                if (!ignoreCancel && cancel.isCancelled()) {
                    throw new CancelledException();
                }
            }
            return "done";
        };
    }

    private JobHandle submit(String name, JobRunner.Lane lane, Object key, Job<String> job) throws Exception {
        return fx(() -> jobs.submit(lane, key, name, job, new JobRunner.Callbacks<String>(
                value -> events.add(name + " succeeded " + value), failure -> events.add(name + " failed "
                + failure.getMessage()), () -> events.add(name + " cancelled"))));
    }

    private int listed() throws Exception {
        return fx(() -> jobs.jobs().size());
    }

    private void waitUntilEmpty() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> jobs.jobs().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aCancelledRunningJobShowsCancellingUntilItsWorkReturnsThenLeavesWithOnlyItsCancelCallback()
            throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobHandle fit = submit("fit", JobRunner.Lane.LONG, null, blocker(started, release, true));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        fx(fit::cancel);
        assertThat(fx(() -> jobs.jobs().get(0).stateProperty().get())).isEqualTo(RunningJob.State.CANCELLING);
        assertThat(fit.ended()).isFalse();
        release.countDown();
        waitUntilEmpty();

        assertThat(fit.ended()).isTrue();
        assertThat(events).containsExactly("fit cancelled");
    }

    @Test
    void aCancelledWaitingJobLeavesAtOnceAndNeverRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        submit("sweep", JobRunner.Lane.LONG, null, blocker(started, release, false));
        AtomicBoolean ran = new AtomicBoolean();
        JobHandle export = submit("export", JobRunner.Lane.LONG, null, (p, c) -> {
            ran.set(true);
            return "x";
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fx(() -> jobs.jobs().get(1).stateProperty().get())).isEqualTo(RunningJob.State.WAITING);

        fx(export::cancel);
        assertThat(listed()).isEqualTo(1);
        assertThat(events).containsExactly("export cancelled");
        release.countDown();
        waitUntilEmpty();

        assertThat(ran).isFalse();
        assertThat(events).containsExactly("export cancelled", "sweep succeeded done");
    }

    @Test
    void anInteractiveRequestSupersedesTheOneOfTheSameKeyWhetherRunningOrWaiting() throws Exception {
        Object heatmap = new Object();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        submit("450 rows", JobRunner.Lane.INTERACTIVE, heatmap, blocker(started, release, false));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        submit("480 rows", JobRunner.Lane.INTERACTIVE, heatmap, blocker(new CountDownLatch(1), release, false));
        submit("500 rows", JobRunner.Lane.INTERACTIVE, heatmap, (p, c) -> "500");
        release.countDown();
        waitUntilEmpty();

        assertThat(events).containsExactlyInAnyOrder("450 rows cancelled", "480 rows cancelled",
                "500 rows succeeded 500");
        assertThat(events.get(events.size() - 1)).isEqualTo("500 rows succeeded 500");
    }

    @Test
    void interactiveWorkNeverWaitsBehindALongJob() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        submit("sweep", JobRunner.Lane.LONG, null, blocker(started, release, false));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        submit("heatmap", JobRunner.Lane.INTERACTIVE, new Object(), (p, c) -> "50 x 50");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.contains("heatmap succeeded 50 x 50"));
        assertThat(listed()).isEqualTo(1);
        release.countDown();
        waitUntilEmpty();
        assertThat(events).containsExactly("heatmap succeeded 50 x 50", "sweep succeeded done");
    }

    @Test
    void aFailureEndsTheJobOnceAndTheLaneGoesOn() throws Exception {
        submit("import", JobRunner.Lane.LONG, null, (p, c) -> {
            throw new IllegalArgumentException("line 3: rating \"x\" is not a number");
        });
        submit("list", JobRunner.Lane.LONG, null, (p, c) -> "8 datasets");
        waitUntilEmpty();
        assertThat(events).containsExactly("import failed line 3: rating \"x\" is not a number",
                "list succeeded 8 datasets");
    }

    @Test
    void aJobThatStopsOnItsOwnWithCancelledExceptionEndsAsCancelled() throws Exception {
        submit("replay", JobRunner.Lane.LONG, null, (p, c) -> {
            throw new CancelledException();
        });
        waitUntilEmpty();
        assertThat(events).containsExactly("replay cancelled");
    }

    @Test
    void progressReachesTheListAndCancellingTwiceIsHarmless() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobHandle fit = submit("fit", JobRunner.Lane.LONG, null, (progress, cancel) -> {
            progress.report(0.25, "epoch 5 of 20");
            reported.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "model";
        });
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> jobs.jobs().get(0).progressProperty()
                .get() == 0.25));
        assertThat(fx(() -> jobs.jobs().get(0).messageProperty().get())).isEqualTo("epoch 5 of 20");

        fx(fit::cancel);
        fx(fit::cancel);
        release.countDown();
        waitUntilEmpty();
        assertThat(events).containsExactly("fit cancelled");
    }

    @Test
    void shutdownFromAnyThreadEndsEveryJob() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        submit("sweep", JobRunner.Lane.LONG, null, blocker(started, new CountDownLatch(1), false));
        submit("export", JobRunner.Lane.LONG, null, (p, c) -> "x");
        submit("heatmap", JobRunner.Lane.INTERACTIVE, null, blocker(new CountDownLatch(1), new CountDownLatch(1),
                false));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(jobs.shutdownAndWait(10, TimeUnit.SECONDS)).isTrue();
        waitUntilEmpty();
        assertThat(events).containsExactlyInAnyOrder("sweep cancelled", "export cancelled", "heatmap cancelled");
        JobHandle late = submit("late", JobRunner.Lane.LONG, null, (p, c) -> "x");
        assertThat(late.ended()).isTrue();
        assertThat(listed()).isZero();
    }
}
