package org.recworkbench.algo;

/**
 * Scores for a user folded into a fitted model without refitting it.
 *
 * @param scores      ranking score per item (NaN where none)
 * @param predictions rating prediction per item (NaN where none, or all NaN for ranking-only models)
 */
public record FoldIn(UserProfile profile, double[] scores, double[] predictions) {

    /** The n best items the profile does not contain; ties by item index. */
    public ScoredItems recommend(int n) {
        return ScoredItems.top(scores, n, profile::contains);
    }
}
