package org.recworkbench.eval;

import java.util.Map;

/**
 * What one fold measured.
 *
 * @param values       each metric's value on this fold, by key ({@code ndcg@10} …)
 * @param perUser      per-user values by key, indexed by user (NaN where the user was not evaluated); for the
 *                     catalogue-wide metrics (coverage, Gini, personalisation) there are none
 * @param ratingTotals the error sums behind the rating metrics
 * @param rankedUsers  users whose top-N lists were evaluated (those with at least one relevant test item)
 * @param usersWithoutRelevant test users with no relevant test item, left out of the ranking metrics
 * @param droppedTestEntries   test entries that could not be mapped onto the training ids (see {@link Fold})
 */
public record FoldResult(int index, Map<String, Double> values, Map<String, double[]> perUser,
                         RatingTotals ratingTotals, int rankedUsers, int usersWithoutRelevant, int trainSize,
                         int testSize, int coldUsers, int coldItems, int coldTestEntries, int droppedTestEntries,
                         double fitSeconds, double evaluateSeconds) {
}
