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

    /** A view of this progress that maps [0, 1] onto [from, to] of the parent, for one stage of a larger job. */
    default Progress stage(double from, double to) {
        return (fraction, message) -> report(fraction < 0 ? fraction : from + (to - from) * fraction, message);
    }
}
