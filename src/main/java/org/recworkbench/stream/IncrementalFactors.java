package org.recworkbench.stream;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import org.recworkbench.algo.IncrementalUser;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.UserProfile;

/**
 * A factor model (ALS, implicit ALS, biased MF) with the acting user's factors solved again after each of their
 * events from running sums (one rank-one update and one least-squares solve), the item factors fixed.
 */
final class IncrementalFactors implements LiveScorer {

    private final Model model;
    private final LiveData data;
    private final Int2ObjectOpenHashMap<IncrementalUser> users = new Int2ObjectOpenHashMap<>();

    IncrementalFactors(Model model, LiveData data) {
        this.model = model;
        this.data = data;
    }

    static boolean supports(Model model) {
        return model.incrementalUser(new UserProfile(new int[0], new double[0])).isPresent();
    }

    @Override
    public String label() {
        return "least-squares fold-in";
    }

    @Override
    public void applied(int user, int item, double value, double previous) {
        if (item >= model.dataset().itemCount()) {
            return;
        }
        IncrementalUser state = users.get(user);
        if (state == null) {
            state = model.incrementalUser(new UserProfile(new int[0], new double[0])).orElseThrow();
            if (user < model.dataset().userCount()) {
                // the user's training ratings: the live row before this event
                org.recworkbench.data.RatingMatrix r = model.dataset().ratings();
                for (int p = r.rowStart(user), end = p + r.rowLength(user); p < end; p++) {
                    state.set(r.rowItem(p), r.rowValue(p), Double.NaN);
                }
            }
            users.put(user, state);
        }
        state.set(item, value, previous);
        state.solve();
    }

    @Override
    public double[] scores(int user) {
        IncrementalUser state = users.get(user);
        if (state != null) {
            return FoldInScorer.pad(state.scores(), data.itemCount());
        }
        if (user < model.dataset().userCount()) {
            return FoldInScorer.pad(model.scoreAll(user), data.itemCount());
        }
        return null;
    }

    /** The user's solved parameters, or null when the user has had no event. */
    double[] parameters(int user) {
        IncrementalUser state = users.get(user);
        return state == null ? null : state.parameters();
    }
}
