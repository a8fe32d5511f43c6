package org.recworkbench.job;

/** A unit of background work, free of any UI toolkit: the window adapts it to a JavaFX task, the CLI runs it inline. */
@FunctionalInterface
public interface Job<T> {

    T run(Progress progress, Cancellation cancellation) throws Exception;
}
