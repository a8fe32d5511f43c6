package org.recworkbench.stream;

import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.UserProfile;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * Any model, kept current by folding the acting user's whole live profile in again (user-kNN recomputes the user's
 * similarities, content-based rebuilds the profile, …). Users without events keep their fitted scores.
 */
final class FoldInScorer implements LiveScorer {

    private final Model model;
    private final LiveData data;
    private final BitSet changed = new BitSet();

    FoldInScorer(Model model, LiveData data) {
        this.model = model;
        this.data = data;
    }

    @Override
    public String label() {
        return "fold-in";
    }

    @Override
    public void applied(int user, int item, double value, double previous) {
        changed.set(user);
    }

    @Override
    public double[] scores(int user) {
        int modelItems = model.dataset().itemCount();
        if (user < model.dataset().userCount() && !changed.get(user)) {
            return pad(model.scoreAll(user), data.itemCount());
        }
        UserProfile profile = profile(data, user, modelItems);
        if (profile.size() == 0) {
            return null;
        }
        Optional<FoldIn> folded = model.foldIn(profile);
        return folded.map(f -> pad(f.scores(), data.itemCount())).orElse(null);
    }

    /** The user's live interactions with items the model knows. */
    static UserProfile profile(LiveData data, int user, int modelItems) {
        int n = data.rowLength(user);
        int[] items = new int[n];
        double[] values = new double[n];
        int kept = 0;
        for (int t = 0; t < n; t++) {
            int i = data.rowItems(user)[t];
            if (i < modelItems) {
                items[kept] = i;
                values[kept++] = data.rowValues(user)[t];
            }
        }
        return new UserProfile(Arrays.copyOf(items, kept), Arrays.copyOf(values, kept));
    }

    /** Scores over the model's items, NaN for items added since. */
    static double[] pad(double[] scores, int items) {
        if (scores.length >= items) {
            return scores;
        }
        double[] out = Arrays.copyOf(scores, items);
        Arrays.fill(out, scores.length, items, Double.NaN);
        return out;
    }
}
