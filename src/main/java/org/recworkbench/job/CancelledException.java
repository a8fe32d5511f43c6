package org.recworkbench.job;

/** Thrown by engine work that noticed a cancellation request; callers treat it as "stopped", not as an error. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("Cancelled", null, false, false);
    }
}
