package org.recworkbench.stream;

import org.recworkbench.data.InvalidInputException;

/** A request the live service refuses to grow for: too many new items in all, or not enough free memory. */
public final class LimitExceededException extends InvalidInputException {

    private static final long serialVersionUID = 1L;
    private final boolean memory;

    public LimitExceededException(String message, boolean memory) {
        super(message);
        this.memory = memory;
    }

    /** True when the heap, not a configured cap, is what is short. */
    public boolean memory() {
        return memory;
    }
}
