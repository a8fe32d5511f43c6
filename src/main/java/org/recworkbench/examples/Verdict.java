package org.recworkbench.examples;

/** What the gallery concludes about one seed example. */
public enum Verdict {
    /** Every number and formula of the example checks out. */
    RIGHT,
    /** The article printed a final value and it is wrong. */
    WRONG_RESULT,
    /**
     * The final value is right or was never printed, but a step, an intermediate number or the formula itself
     * is wrong.
     */
    WRONG_STEPS
}
