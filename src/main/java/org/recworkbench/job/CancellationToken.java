package org.recworkbench.job;

import java.util.concurrent.atomic.AtomicBoolean;

/** A cancellation that the owner of a job can trigger from any thread. */
public final class CancellationToken implements Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
