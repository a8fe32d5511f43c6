package org.recworkbench.algo;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * What {@link Algorithm#fit} learns. Immutable and safe to use from many threads: no method keeps per-call state
 * in fields.
 */
public interface Model {

    /** The training data the model was fitted on; user and item indices refer to it. */
    Dataset dataset();

    String algorithmId();

    ParamValues params();

    /** The ranking score of every item for a user (NaN where the model has no score). */
    double[] scoreAll(int user);

    /** The predicted rating, or NaN when the model cannot predict this pair. */
    double predict(int user, int item);

    /** The numbers behind one score, with the derivation recorded by the same code that computes scores. */
    Explanation explain(int user, int item);

    /** The n best items, excluding those {@code exclude} accepts; ties by item index. */
    default ScoredItems recommend(int user, int n, IntPredicate exclude) {
        checkUser(user);
        return ScoredItems.top(scoreAll(user), n, exclude);
    }

    /** The n best items the user has not interacted with in the training data. */
    default ScoredItems recommend(int user, int n) {
        return recommend(user, n, seenBy(dataset(), user));
    }

    /**
     * {@link #recommend(int, int)} that a model whose one list can take seconds (item-kNN's exact rule on a large
     * catalogue) abandons when cancelled, throwing {@link org.recworkbench.job.CancelledException}; quick models
     * ignore the cancellation.
     */
    default ScoredItems recommend(int user, int n, org.recworkbench.job.Cancellation cancellation) {
        cancellation.throwIfCancelled();
        return recommend(user, n);
    }

    /**
     * A model for changed parameters that shares this one's fitted state, when every changed parameter is
     * {@link ParamSpec#rescoreOnly()}; empty when a refit is needed.
     */
    default Optional<Model> withParams(ParamValues changed) {
        return changed.equals(params()) ? Optional.of(this) : Optional.empty();
    }

    /**
     * Scores for a new or changed user from their ratings alone, without refitting; empty when this model cannot
     * (see the README's list of models that support fold-in).
     */
    default Optional<FoldIn> foldIn(UserProfile profile) {
        return Optional.empty();
    }

    /**
     * A user (new, or known with their training ratings in {@code start}) whose part of the model can be updated
     * one interaction at a time; empty for models without a per-user solve.
     */
    default Optional<IncrementalUser> incrementalUser(UserProfile start) {
        return Optional.empty();
    }

    default void checkUser(int user) {
        if (user < 0 || user >= dataset().userCount()) {
            throw new IllegalArgumentException("user index " + user + " outside 0.." + (dataset().userCount() - 1));
        }
    }

    /** The items a user interacted with, as a predicate over item indices. */
    static IntPredicate seenBy(Dataset dataset, int user) {
        RatingMatrix r = dataset.ratings();
        boolean[] seen = new boolean[dataset.itemCount()];
        for (int p = r.rowStart(user), end = p + r.rowLength(user); p < end; p++) {
            seen[r.rowItem(p)] = true;
        }
        return item -> seen[item];
    }
}
