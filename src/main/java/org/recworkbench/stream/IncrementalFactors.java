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
            UserProfile start = user < model.dataset().userCount()
                    ? FoldInScorer.profile(data, user, model.dataset().itemCount()) : null;
            if (start != null) {
                // the live row already holds this event: start from the rows before it
                start = without(start, item, previous);
            }
            state = model.incrementalUser(start == null ? new UserProfile(new int[0], new double[0]) : start)
                    .orElseThrow();
            users.put(user, state);
        }
        state.set(item, value, previous);
        state.solve();
    }

    private static UserProfile without(UserProfile p, int item, double previous) {
        int[] items = p.items().clone();
        double[] values = p.values().clone();
        int at = java.util.Arrays.binarySearch(items, item);
        if (Double.isNaN(previous)) {
            int[] shorter = new int[items.length - 1];
            double[] shorterValues = new double[items.length - 1];
            System.arraycopy(items, 0, shorter, 0, at);
            System.arraycopy(items, at + 1, shorter, at, items.length - at - 1);
            System.arraycopy(values, 0, shorterValues, 0, at);
            System.arraycopy(values, at + 1, shorterValues, at, items.length - at - 1);
            return new UserProfile(shorter, shorterValues);
        }
        values[at] = previous;
        return new UserProfile(items, values);
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
