package org.recworkbench.algo;

import java.util.List;

/**
 * A model that can score items added after fitting, from their text. Implemented next to {@link Model} by the models
 * that can (check with {@code instanceof}); {@link Model} itself is unchanged.
 */
public interface NewItemScoring {

    /**
     * Ranking scores for a user with these interactions, over the model's own items followed by the new items
     * (length = dataset().itemCount() + newItems.size()); NaN where the model has no score.
     *
     * @param profileItems  indices into the combined item list (existing items first, then the new items in order);
     *                      a repeated index keeps its last value, as in {@link UserProfile}
     * @param profileValues the user's values for those items
     * @throws IllegalArgumentException when the arrays differ in length or an index is outside the combined list
     */
    double[] scoresWithNewItems(int[] profileItems, double[] profileValues, List<NewItem> newItems);

    /**
     * A few words on why {@code item} (an index into the combined list) scores for a user with these interactions,
     * or null when the model has nothing more specific to say than that the text is alike.
     */
    default String whyWithNewItems(int[] profileItems, double[] profileValues, List<NewItem> newItems, int item) {
        return null;
    }

    /**
     * The interactions as a {@link UserProfile} over the combined list of {@code combinedItemCount} items.
     *
     * @throws IllegalArgumentException when the arrays differ in length or an index is outside the combined list
     */
    static UserProfile combinedProfile(int[] profileItems, double[] profileValues, int combinedItemCount) {
        UserProfile profile = new UserProfile(profileItems, profileValues);
        int[] items = profile.items();
        if (items.length > 0 && (items[0] < 0 || items[items.length - 1] >= combinedItemCount)) {
            throw new IllegalArgumentException("profile item index outside 0.." + (combinedItemCount - 1) + ": "
                    + (items[0] < 0 ? items[0] : items[items.length - 1]));
        }
        return profile;
    }
}
