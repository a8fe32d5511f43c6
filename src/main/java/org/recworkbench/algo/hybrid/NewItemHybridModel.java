package org.recworkbench.algo.hybrid;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.NewItem;
import org.recworkbench.algo.NewItemScoring;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;

import java.util.Arrays;
import java.util.List;

/** A hybrid at least one of whose components scores new items: it blends over the catalogue and the new items. */
final class NewItemHybridModel extends HybridModel implements NewItemScoring {

    NewItemHybridModel(Dataset dataset, ParamValues values, HybridAlgorithm.HybridParams params, Model first,
                       Model second) {
        super(dataset, values, params, first, second);
    }

    /**
     * Each component's scores over the catalogue followed by the new items, normalised over that combined list and
     * blended as in {@link #foldIn}; a NaN counts as that component's lowest score, so a new item with text gets a
     * finite score when one component scores it. A component that cannot score new items gives its fold-in over the
     * profile's catalogue items, and NaN for the new items (NaN everywhere when it cannot fold in).
     */
    @Override
    public double[] scoresWithNewItems(int[] profileItems, double[] profileValues, List<NewItem> newItems) {
        UserProfile profile = NewItemScoring.combinedProfile(profileItems, profileValues,
                dataset().itemCount() + newItems.size());
        return blend(componentScores(first(), profile, newItems), componentScores(second(), profile, newItems));
    }

    /** Which component adds most to the item's blended score for this profile, in words ({@link #reason}). */
    @Override
    public String whyWithNewItems(int[] profileItems, double[] profileValues, List<NewItem> newItems, int item) {
        UserProfile profile = NewItemScoring.combinedProfile(profileItems, profileValues,
                dataset().itemCount() + newItems.size());
        return reason(-1, item, componentScores(first(), profile, newItems),
                componentScores(second(), profile, newItems));
    }

    private double[] componentScores(Model component, UserProfile profile, List<NewItem> newItems) {
        if (component instanceof NewItemScoring scoring) {
            return scoring.scoresWithNewItems(profile.items(), profile.values(), newItems);
        }
        int n = dataset().itemCount();
        double[] scores = new double[n + newItems.size()];
        Arrays.fill(scores, Double.NaN);
        component.foldIn(catalogueItemsOf(profile, n))
                .ifPresent(folded -> System.arraycopy(folded.scores(), 0, scores, 0, n));
        return scores;
    }

    /** The profile without its new items (indices n and above, which sort last). */
    private static UserProfile catalogueItemsOf(UserProfile profile, int n) {
        int end = 0;
        while (end < profile.size() && profile.items()[end] < n) {
            end++;
        }
        return new UserProfile(Arrays.copyOf(profile.items(), end), Arrays.copyOf(profile.values(), end));
    }
}
