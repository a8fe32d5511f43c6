package org.recworkbench.stream;

/**
 * A model's ranking scores kept current as events arrive. {@link LiveData} holds the interactions; a scorer is told
 * after each change and keeps whatever state its scores need.
 */
public interface LiveScorer {

    /** How the list's source reads in the window and the service ("incremental item-kNN", "fold-in", …). */
    String label();

    /**
     * Called after {@code data.set(user, item, value)}.
     *
     * @param previous the pair's value before, NaN when the pair is new
     */
    void applied(int user, int item, double value, double previous);

    /** An item appeared (its index is {@code data.itemCount() - 1}). */
    default void itemAdded(int item) {
    }

    /** Bytes this scorer would allocate to hold {@code items} items (0 when it grows by little per item). */
    default long growthBytes(int items) {
        return 0;
    }

    /** Makes room for {@code items} items at once, before they are added one by one. */
    default void reserve(int items) {
    }

    /** A few words on why the item scored for the user. */
    default String why(int user, int item) {
        return label();
    }

    /** The user's n best items not excluded (ties by index): what {@link #scores} ranks, perhaps faster. */
    default org.recworkbench.algo.ScoredItems top(int user, int n, java.util.function.IntPredicate exclude) {
        double[] scores = scores(user);
        return scores == null ? null : org.recworkbench.algo.ScoredItems.top(scores, n, exclude);
    }

    /** Scores over all live items (NaN where there is none), or null when this scorer has nothing for the user. */
    double[] scores(int user);
}
