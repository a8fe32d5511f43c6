package org.recworkbench.stream;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.NewItemScoring;
import org.recworkbench.algo.Reasons;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A model that scores items from their text (content-based, or a hybrid with a content part): the acting user is
 * folded in again over the training items and every item added since, so a new item with text is scored at once.
 */
final class NewItemsScorer implements LiveScorer {

    private final Model model;
    private final NewItemScoring scoring;
    private final LiveData data;
    private final BitSet changed = new BitSet();

    NewItemsScorer(Model model, LiveData data) {
        this.model = model;
        this.scoring = (NewItemScoring) model;
        this.data = data;
    }

    @Override
    public String label() {
        return "fold-in with new items";
    }

    @Override
    public void applied(int user, int item, double value, double previous) {
        changed.set(user);
    }

    /**
     * The model's own reason ({@link Reasons#why}) while the user and the catalogue are as fitted; else the blend's
     * strongest component for a hybrid, and the text for a content model.
     */
    @Override
    public String why(int user, int item) {
        if (unchanged(user) && item < model.dataset().itemCount()) {
            return Reasons.why(model.explain(user, item));
        }
        int n = data.rowLength(user);
        String reason = scoring.whyWithNewItems(Arrays.copyOf(data.rowItems(user), n),
                Arrays.copyOf(data.rowValues(user), n), data.newItems(), item);
        return reason != null ? reason : "text like that of the " + n + " items you have";
    }

    private boolean unchanged(int user) {
        return user < model.dataset().userCount() && !changed.get(user) && data.newItems().isEmpty();
    }

    @Override
    public double[] scores(int user) {
        if (unchanged(user)) {
            return model.scoreAll(user);
        }
        int n = data.rowLength(user);
        if (n == 0 && user >= model.dataset().userCount()) {
            return null;
        }
        return scoring.scoresWithNewItems(Arrays.copyOf(data.rowItems(user), n), Arrays.copyOf(data.rowValues(user),
                n), data.newItems());
    }
}
