package org.recworkbench.job;

/** Receives progress reports from long-running engine work; implementations must be cheap and thread-safe. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (fraction, message) -> { };

    /**
     * @param fraction completed share in [0, 1], or a negative value when unknown
     * @param message  short human-readable description of the current step
     */
    void report(double fraction, String message);

    /**
     * The training loss after an epoch (1-based), for learning curves. Ignored unless an implementation listens;
     * trainers call {@link #epoch} which reports both the fraction and the loss.
     */
    default void loss(int epoch, double loss) {
    }

    /** Reports a finished epoch: progress {@code epoch/epochs} with the loss in the message, and the loss itself. */
    default void epoch(String what, int epoch, int epochs, double loss) {
        report((double) epoch / epochs, what + ": epoch " + epoch + " of " + epochs + ", loss "
                + String.format(java.util.Locale.ROOT, "%.6g", loss));
        loss(epoch, loss);
    }

    /** A view of this progress that maps [0, 1] onto [from, to] of the parent, for one stage of a larger job. */
    default Progress stage(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void report(double fraction, String message) {
                parent.report(fraction < 0 ? fraction : from + (to - from) * fraction, message);
            }

            @Override
            public void loss(int epoch, double loss) {
                parent.loss(epoch, loss);
            }
        };
    }
}
