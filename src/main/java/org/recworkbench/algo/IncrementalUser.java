package org.recworkbench.algo;

/**
 * One user's representation in a fitted model, kept current as their interactions change: the model's items stay
 * fixed and the user's part is solved again from running sums, without going over their whole history.
 */
public interface IncrementalUser {

    /**
     * Records that the user's value for an item changed.
     *
     * @param previous the value before, NaN when the item is new to the user
     */
    void set(int item, double value, double previous);

    /** Solves for the user's part with everything recorded so far. */
    void solve();

    /** The user's solved parameters (factors, and the bias first where the model has one). */
    double[] parameters();

    /** Ranking scores over the model's items after the last solve. */
    double[] scores();
}
