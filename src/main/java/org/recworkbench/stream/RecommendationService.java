package org.recworkbench.stream;

import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recommendations from a fitted model for known users, users with new events and unknown users. Events change the
 * acting user only: their profile (stored ratings plus the new events) is folded into the model, so the next list
 * reflects them without a refit. Users with nothing known get the most popular items. Thread-safe.
 */
public final class RecommendationService {

    /** Where a list came from. */
    public enum Source {
        MODEL("model"), FOLD_IN("fold-in"), POPULAR("popular");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One recommended item with its score and a few words of why. */
    public record Item(String id, String title, double score, String why) {
    }

    public record Recommendations(String user, Source source, List<Item> items) {
    }

    private final Model model;
    private final Dataset dataset;
    private final int[] popular;
    private final Map<String, Map<Integer, Double>> events = new HashMap<>();
    private long eventCount;

    public RecommendationService(Model model) {
        this.model = model;
        this.dataset = model.dataset();
        RatingMatrix r = dataset.ratings();
        double[] counts = new double[dataset.itemCount()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = r.colLength(i);
        }
        this.popular = ScoredItems.top(counts, Math.min(1000, counts.length), i -> false).items();
    }

    public Model model() {
        return model;
    }

    /** Records one event (a rating, a click counted as value); refused when the item is unknown. */
    public synchronized void apply(String user, String item, double value) {
        if (user == null || user.isBlank()) {
            throw new InvalidInputException("An event needs a user");
        }
        int i = dataset.items().indexOf(item == null ? "" : item.strip());
        if (i < 0) {
            throw new InvalidInputException("Unknown item \"" + item + "\"; the model knows " + dataset.itemCount()
                    + " items of " + dataset.name());
        }
        if (!Double.isFinite(value)) {
            throw new InvalidInputException("An event's value must be a finite number; got " + value);
        }
        events.computeIfAbsent(user.strip(), u -> new HashMap<>()).put(i, value);
        eventCount++;
    }

    public synchronized long eventCount() {
        return eventCount;
    }

    /** The user's n best items the user has not interacted with. */
    public Recommendations recommend(String user, int n) {
        if (user == null || user.isBlank()) {
            throw new InvalidInputException("Which user? Pass user=ID");
        }
        if (n < 1 || n > 1000) {
            throw new InvalidInputException("n must be between 1 and 1000; got " + n);
        }
        String id = user.strip();
        int u = dataset.users().indexOf(id);
        Map<Integer, Double> recent;
        synchronized (this) {
            Map<Integer, Double> mine = events.get(id);
            recent = mine == null ? Map.of() : new HashMap<>(mine);
        }
        if (u >= 0 && recent.isEmpty()) {
            ScoredItems top = model.recommend(u, n);
            List<Item> items = new ArrayList<>();
            for (int k = 0; k < top.size(); k++) {
                items.add(item(top.item(k), top.score(k), why(u, top.item(k))));
            }
            return new Recommendations(id, Source.MODEL, items);
        }
        UserProfile profile = profile(u, recent);
        Optional<FoldIn> folded = profile.size() == 0 ? Optional.empty() : model.foldIn(profile);
        if (folded.isPresent()) {
            ScoredItems top = folded.get().recommend(n);
            List<Item> items = new ArrayList<>();
            for (int k = 0; k < top.size(); k++) {
                items.add(item(top.item(k), top.score(k), "folded in from " + profile.size() + " interactions"));
            }
            return new Recommendations(id, Source.FOLD_IN, items);
        }
        List<Item> items = new ArrayList<>();
        for (int k = 0; k < popular.length && items.size() < n; k++) {
            if (!profile.contains(popular[k])) {
                items.add(item(popular[k], dataset.ratings().colLength(popular[k]), "popular: "
                        + dataset.ratings().colLength(popular[k]) + " users"));
            }
        }
        return new Recommendations(id, Source.POPULAR, items);
    }

    private UserProfile profile(int u, Map<Integer, Double> recent) {
        Map<Integer, Double> all = new HashMap<>();
        if (u >= 0) {
            RatingMatrix r = dataset.ratings();
            for (int p = r.rowStart(u); p < r.rowStart(u) + r.rowLength(u); p++) {
                all.put(r.rowItem(p), (double) r.rowValue(p));
            }
        }
        all.putAll(recent);
        int[] items = new int[all.size()];
        double[] values = new double[all.size()];
        int k = 0;
        for (Map.Entry<Integer, Double> e : all.entrySet()) {
            items[k] = e.getKey();
            values[k++] = e.getValue();
        }
        return new UserProfile(items, values);
    }

    private Item item(int i, double score, String why) {
        String title = dataset.catalog().title(i);
        return new Item(dataset.items().id(i), title.isEmpty() ? dataset.items().id(i) : title, score, why);
    }

    private String why(int u, int i) {
        Explanation e = model.explain(u, i);
        if (e.contributions().isEmpty()) {
            return e.derivation() == null ? "" : e.derivation().title();
        }
        Contribution c = e.contributions().get(0);
        return c.kind() + " " + c.label() + " " + String.format(Locale.ROOT, "%.3g", c.amount());
    }
}
