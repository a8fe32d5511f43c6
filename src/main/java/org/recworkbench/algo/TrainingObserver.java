package org.recworkbench.algo;

import org.recworkbench.job.Progress;

import java.util.function.Supplier;

/**
 * Listens to a trainer epoch by epoch with the model as it stands, for validation learning curves. An experiment
 * passes a {@link Progress} that also implements this; trainers call {@link #notify} after each epoch, which costs
 * nothing when nobody listens. The model shares the trainer's live parameters: use it before returning.
 */
public interface TrainingObserver {

    void epoch(int epoch, double loss, Supplier<Model> current);

    /** Tells the progress about the epoch if it listens. */
    static void notify(Progress progress, int epoch, double loss, Supplier<Model> current) {
        if (progress instanceof TrainingObserver observer) {
            observer.epoch(epoch, loss, current);
        }
    }
}
