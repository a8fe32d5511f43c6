package org.recworkbench.stream;

import org.recworkbench.algo.Model;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.algo.content.ContentTfidfAlgorithm;
import org.recworkbench.algo.knn.KnnModel;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.similarity.Orientation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Live recommendations from a fitted model, for known users, users with new events and users never seen. Events
 * update the model incrementally where it can be (item-kNN's sums and neighbour pools, a factor model's user
 * solve); other models fold the acting user in again. A user with nothing known gets popular (or trending) items;
 * a new user with fewer than {@link Options#coldStartRatings()} interactions gets content-based items when the
 * catalogue has text, then the model's own list. Each item says where it came from. Thread-safe.
 */
public final class RecommendationService {

    /** Where an item of a list came from. */
    public enum Source {
        MODEL("model"), SESSION("session"), CONTENT("content"), POPULAR("popular");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param coldStartRatings a new user's interactions before the model's list replaces content-based items
     * @param recentWindow     items kept per user for session re-scoring (the last N)
     * @param sessionWeight    β of the blend (1 − β)·long-term + β·session, each scaled by its largest score; 0 = off
     * @param halfLife         of "trending" popularity, in seconds (events for data without time); 0 = plain counts
     */
    public record Options(int coldStartRatings, int recentWindow, double sessionWeight, double halfLife) {

        public Options {
            if (coldStartRatings < 0 || recentWindow < 1 || !(sessionWeight >= 0 && sessionWeight <= 1)
                    || !(halfLife >= 0)) {
                throw new InvalidInputException("cold-start ratings ≥ 0, recent window ≥ 1, session weight in [0, 1]"
                        + " and half-life ≥ 0 expected");
            }
        }

        public static Options defaults() {
            return new Options(3, 10, 0, 0);
        }

        public Options withSessionWeight(double beta) {
            return new Options(coldStartRatings, recentWindow, beta, halfLife);
        }

        public Options withHalfLife(double h) {
            return new Options(coldStartRatings, recentWindow, sessionWeight, h);
        }

        public Options withColdStartRatings(int n) {
            return new Options(n, recentWindow, sessionWeight, halfLife);
        }
    }

    /** One recommended item with its score, a few words of why, and its source's label. */
    public record Item(String id, String title, double score, String why, String source) {
    }

    /** A list; {@code source} is where its first item came from, {@code method} how the model's part was kept. */
    public record Recommendations(String user, Source source, String method, List<Item> items) {
    }

    private final Model model;
    private final Options options;
    private final LiveData data;
    private final LiveScorer primary;
    private final DecayedPopularity popularity;
    private final RecentActions recent;
    private final SessionScorer session;
    private final boolean timed;
    private LiveScorer content;
    private boolean contentTried;
    private long eventCount;
    private boolean[] seenFlags = new boolean[0];
    private String brokenReason;

    public RecommendationService(Model model) {
        this(model, Options.defaults());
    }

    public RecommendationService(Model model, Options options) {
        this.model = model;
        this.options = options;
        Dataset dataset = model.dataset();
        this.data = new LiveData(dataset);
        this.primary = primaryFor(model, data);
        this.recent = new RecentActions(options.recentWindow());
        RatingMatrix r = dataset.ratings();
        this.timed = r.hasTimestamps();
        this.popularity = new DecayedPopularity(dataset.itemCount(), options.halfLife());
        long[] order = trainingOrder(r);
        for (int k = 0; k < order.length; k++) {
            int p = (int) order[k];
            popularity.add(r.rowItem(p), timed ? r.rowTimestamp(p) : k);
        }
        ItemNeighbours neighbours = primary instanceof LiveItemKnn live ? live
                : model instanceof KnnModel knn && knn.similarities().orientation() == Orientation.ITEMS
                ? ItemNeighbours.of(knn.neighbourPool()) : null;
        this.session = neighbours == null ? null : new SessionScorer(neighbours, 20, 0.8);
    }

    /** Item-kNN with a measure of pair sums: incremental; factor models: one solve per event; else fold-in. */
    private static LiveScorer primaryFor(Model model, LiveData data) {
        if (model instanceof KnnModel knn && LiveItemKnn.supports(knn)
                && LiveItemKnn.memoryBytes(data.itemCount()) < Runtime.getRuntime().maxMemory() / 3) {
            return new LiveItemKnn(knn, data);
        }
        if (IncrementalFactors.supports(model)) {
            return new IncrementalFactors(model, data);
        }
        if (model instanceof org.recworkbench.algo.NewItemScoring) {
            return new NewItemsScorer(model, data);
        }
        return new FoldInScorer(model, data);
    }

    /** Training interactions in time order (stored order without timestamps), as positions in the matrix. */
    private static long[] trainingOrder(RatingMatrix r) {
        long[] keys = new long[r.size()];
        for (int p = 0; p < keys.length; p++) {
            keys[p] = r.hasTimestamps() ? ((long) r.rowTimestamp(p) << 32) | p : p;
        }
        java.util.Arrays.sort(keys);
        for (int p = 0; p < keys.length; p++) {
            keys[p] &= 0xffffffffL;
        }
        return keys;
    }

    public Model model() {
        return model;
    }

    public Options options() {
        return options;
    }

    /** How the model's part of a list is kept current ("incremental item-kNN", "least-squares fold-in", …). */
    public String method() {
        return primary.label();
    }

    /** Records one event (a rating, or a click counted as its value) now. */
    public void apply(String user, String item, double value) {
        apply(user, item, value, RatingMatrix.NO_TIMESTAMP);
    }

    /**
     * Records one event and updates the model for it.
     *
     * @param time epoch seconds, or {@link RatingMatrix#NO_TIMESTAMP} for "now" (the latest time seen)
     */
    public synchronized void apply(String user, String item, double value, int time) {
        checkUsable();
        int i = checkedItem(user, item, value, "An event");
        updating(() -> applyChecked(user, i, value, time));
    }

    /**
     * Records the events in order, all or none: every event is checked (user, known item, finite value) before the
     * first is applied.
     */
    public synchronized void applyAll(List<Event> events) {
        checkUsable();
        int[] items = new int[events.size()];
        for (int k = 0; k < items.length; k++) {
            Event e = events.get(k);
            items[k] = checkedItem(e.user(), e.item(), e.value(), "Event " + (k + 1));
        }
        updating(() -> {
            for (int k = 0; k < items.length; k++) {
                Event e = events.get(k);
                applyChecked(e.user(), items[k], e.value(), e.time());
            }
        });
    }

    private int checkedItem(String user, String item, double value, String what) {
        if (user == null || user.isBlank()) {
            throw new InvalidInputException(what + " needs a user");
        }
        int i = data.itemIndex(item == null ? "" : item.strip());
        if (i < 0) {
            throw new InvalidInputException("Unknown item \"" + item + "\"; the model knows "
                    + data.itemCount() + " items of " + model.dataset().name() + " (add new items with their text"
                    + " first)" + (what.startsWith("Event") ? " in " + what.toLowerCase(Locale.ROOT) : ""));
        }
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(what + ": the value must be a finite number; got " + value);
        }
        return i;
    }

    /** Runs a change of the live state; one that fails half-way leaves it inconsistent, so the service stops. */
    private void updating(Runnable change) {
        try {
            change.run();
        } catch (RuntimeException | OutOfMemoryError e) {
            brokenReason = "an update failed half-way (" + (e instanceof OutOfMemoryError ? "out of memory"
                    : "internal error") + "); the live model may be inconsistent";
            throw new ServiceBrokenException(brokenReason);
        }
    }

    /** Why the service stopped answering (an update failed half-way), or null while it is usable. */
    public synchronized String brokenReason() {
        return brokenReason;
    }

    /** Stops the service: every later call fails with {@link ServiceBrokenException} giving the reason. */
    public synchronized void markBroken(String reason) {
        brokenReason = reason;
    }

    private void checkUsable() {
        if (brokenReason != null) {
            throw new ServiceBrokenException(brokenReason);
        }
    }

    private void applyChecked(String user, int i, double value, int time) {
        int u = data.addUser(user.strip());
        double previous = data.set(u, i, value);
        primary.applied(u, i, value, previous);
        if (content != null) {
            content.applied(u, i, value, previous);
        }
        recent.push(u, i);
        double when = !timed ? popularityClock() : time == RatingMatrix.NO_TIMESTAMP ? popularity.now() : time;
        popularity.add(i, when);
        eventCount++;
    }

    private double popularityClock() {
        return Math.max(0, popularity.now()) + 1;
    }

    /** Adds an item the model has not seen, known by its title and text; returns false when the id exists. */
    public synchronized boolean addItem(String id, String title, String text) {
        return addItems(List.of(new NewItemText(id, title, text)), Integer.MAX_VALUE) == 1;
    }

    /** An item to add: its id, title and text (title and text may be null). */
    public record NewItemText(String id, String title, String text) {
    }

    /**
     * Adds the items whose ids are new, all or none: ids are checked first, then the total of new items against
     * {@code maxNewItems}, then the memory the model would grow by (refused above half of the heap's free space),
     * and only then are they added.
     *
     * @param maxNewItems the most items added since the training data, these included
     * @return how many were new
     */
    public synchronized int addItems(List<NewItemText> items, int maxNewItems) {
        checkUsable();
        java.util.LinkedHashMap<String, NewItemText> fresh = new java.util.LinkedHashMap<>();
        for (int k = 0; k < items.size(); k++) {
            NewItemText item = items.get(k);
            if (item.id() == null || item.id().isBlank()) {
                throw new InvalidInputException("Item " + (k + 1) + " needs an id");
            }
            String id = item.id().strip();
            if (data.itemIndex(id) < 0 && fresh.putIfAbsent(id, item) != null) {
                throw new InvalidInputException("Item " + (k + 1) + " repeats the id \"" + id + "\"");
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        int added = data.newItems().size();
        if ((long) added + fresh.size() > maxNewItems) {
            throw new LimitExceededException("The service takes at most " + maxNewItems + " new items; "
                    + added + " were added so far and this request has " + fresh.size(), false);
        }
        int total = data.itemCount() + fresh.size();
        long textBytes = 0;
        for (NewItemText item : fresh.values()) {
            textBytes += 256 + 4L * ((item.title() == null ? 0 : item.title().length())
                    + (item.text() == null ? 0 : item.text().length()));
        }
        long needed = saturatedSum(saturatedSum(primary.growthBytes(total), textBytes),
                content != null && content != primary ? content.growthBytes(total) : 0);
        if (needed > freeHeap() / 2) {
            System.gc();
            long free = freeHeap();
            if (needed > free / 2) {
                throw new LimitExceededException(String.format(Locale.ROOT, "Adding %d items needs %s and"
                        + " the heap has %d MB free (keeping half in reserve); nothing was added", fresh.size(),
                        needed == Long.MAX_VALUE ? "more memory than a Java array can hold" : "about "
                        + (needed >> 20) + " MB", free >> 20), true);
            }
        }
        updating(() -> {
            primary.reserve(total);
            if (content != null && content != primary) {
                content.reserve(total);
            }
            for (NewItemText item : fresh.values()) {
                int i = data.addItem(item.id().strip(), item.title(), item.text());
                primary.itemAdded(i);
                if (content != null) {
                    content.itemAdded(i);
                }
            }
        });
        return fresh.size();
    }

    /** Items added since the training data. */
    public synchronized int newItemCount() {
        return data.newItems().size();
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    public synchronized long eventCount() {
        return eventCount;
    }

    public synchronized int userCount() {
        return data.userCount();
    }

    public synchronized int itemCount() {
        return data.itemCount();
    }

    /** The user's last items, newest first (ids). */
    public synchronized List<String> recentItems(String user) {
        int u = data.userIndex(user.strip());
        List<String> out = new ArrayList<>();
        if (u >= 0) {
            for (int i : recent.of(u)) {
                out.add(data.itemId(i));
            }
        }
        return out;
    }

    /** The n items with most (decayed) interactions: "trending now". */
    public synchronized List<Item> trending(int n) {
        checkUsable();
        checkCount(n);
        ScoredItems top = popularity.top(data.itemCount(), n, i -> false);
        List<Item> items = new ArrayList<>();
        for (int k = 0; k < top.size(); k++) {
            items.add(popularItem(top.item(k), top.score(k), true));
        }
        return items;
    }

    /** The user's n best items the user has not interacted with. */
    public synchronized Recommendations recommend(String user, int n) {
        return recommend(user, n, true);
    }

    /** The ids of {@link #recommend}'s list, without its explanations (a replay's prequential check). */
    public synchronized List<String> recommendedIds(String user, int n) {
        List<Item> items = recommend(user, n, false).items();
        List<String> ids = new ArrayList<>(items.size());
        for (Item item : items) {
            ids.add(item.id());
        }
        return ids;
    }

    private Recommendations recommend(String user, int n, boolean explain) {
        checkUsable();
        if (user == null || user.isBlank()) {
            throw new InvalidInputException("Which user? Pass user=ID");
        }
        checkCount(n);
        String id = user.strip();
        int u = data.userIndex(id);
        int size = u < 0 ? 0 : data.rowLength(u);
        boolean[] seen = seenScratch(u);
        try {
            return recommend(id, u, size, seen, n, explain);
        } finally {
            if (u >= 0) {
                for (int t = 0; t < size; t++) {
                    seen[data.rowItems(u)[t]] = false;
                }
            }
        }
    }

    /** The user's items flagged in a reused array (cleared by the caller); all false for an unknown user. */
    private boolean[] seenScratch(int u) {
        if (seenFlags.length < data.itemCount()) {
            seenFlags = new boolean[data.itemCount() + 64];
        }
        if (u >= 0) {
            for (int t = 0, n = data.rowLength(u); t < n; t++) {
                seenFlags[data.rowItems(u)[t]] = true;
            }
        }
        return seenFlags;
    }

    private Recommendations recommend(String id, int u, int size, boolean[] seen, int n, boolean explain) {
        List<Item> items = new ArrayList<>();
        if (size > 0) {
            // the content model is fitted on first need only: a new user below the threshold, or no model list
            boolean coldStart = u >= model.dataset().userCount() && size < options.coldStartRatings()
                    && contentScorer() != null;
            boolean listed = coldStart
                    && addScored(items, u, seen, n, sourceOf(contentScorer()), contentScorer(), explain);
            if (!listed && !addScored(items, u, seen, n, Source.MODEL, primary, explain) && !coldStart) {
                LiveScorer text = contentScorer();
                if (text != null && text != primary) {
                    addScored(items, u, seen, n, Source.CONTENT, text, explain);
                }
            }
        }
        if (items.size() < n) {
            java.util.Set<String> listed = new java.util.HashSet<>();
            items.forEach(it -> listed.add(it.id()));
            ScoredItems popular = popularity.top(data.itemCount(), n + size, i -> seen[i]);
            for (int k = 0; k < popular.size() && items.size() < n; k++) {
                int p = popular.item(k);
                if (!listed.contains(data.itemId(p))) {
                    items.add(popularItem(p, popular.score(k), explain));
                }
            }
        }
        Source first = items.isEmpty() ? Source.POPULAR : sourceOf(items.get(0));
        return new Recommendations(id, first, primary.label(), items);
    }

    /** Adds the scorer's list (blended with the session's when asked); false when it has nothing for the user. */
    private boolean addScored(List<Item> items, int u, boolean[] seen, int n, Source source, LiveScorer from,
                              boolean explain) {
        double[] sessionScores = null;
        ScoredItems top;
        if (session != null && options.sessionWeight() > 0 && source == Source.MODEL) {
            double[] scores = from.scores(u);
            if (scores == null) {
                return false;
            }
            sessionScores = session.scores(recent.of(u), data.itemCount());
            top = ScoredItems.top(blend(scores, sessionScores, options.sessionWeight()), n, i -> seen[i]);
        } else {
            top = from.top(u, n, i -> seen[i]);
        }
        if (top == null || top.size() == 0 || (source == Source.CONTENT && !(top.score(0) > 0))) {
            // content with no positive score (no shared words, or one explicit rating: an empty centred profile)
            // would be an arbitrary order: the next source answers instead
            return false;
        }
        for (int k = 0; k < top.size(); k++) {
            int i = top.item(k);
            Source s = source;
            String why = explain ? from.why(u, i) : "";
            if (sessionScores != null && sessionScores[i] == sessionScores[i]) {
                double sessionPart = options.sessionWeight() * sessionScores[i] / Math.max(1e-300,
                        maxAbs(sessionScores));
                if (sessionPart > top.score(k) - sessionPart) {
                    s = Source.SESSION;
                    why = !explain ? "" : String.format(Locale.ROOT, "near your last %d items (session %.3f)",
                            recent.of(u).length, sessionScores[i]);
                }
            }
            items.add(new Item(data.itemId(i), data.itemTitle(i), top.score(k), why, s.label()));
        }
        return true;
    }

    /** (1 − β)·a/max|a| + β·b/max|b|; an item missing from one side counts 0 there. */
    static double[] blend(double[] a, double[] b, double beta) {
        double ma = Math.max(1e-300, maxAbs(a));
        double mb = Math.max(1e-300, maxAbs(b));
        double[] out = new double[a.length];
        for (int i = 0; i < out.length; i++) {
            boolean hasA = a[i] == a[i];
            boolean hasB = b[i] == b[i];
            out[i] = !hasA && !hasB ? Double.NaN
                    : (1 - beta) * (hasA ? a[i] / ma : 0) + beta * (hasB ? b[i] / mb : 0);
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            if (x == x) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    private Source sourceOf(LiveScorer from) {
        return from == primary ? Source.MODEL : Source.CONTENT;
    }

    private static Source sourceOf(Item item) {
        for (Source s : Source.values()) {
            if (s.label().equals(item.source())) {
                return s;
            }
        }
        return Source.MODEL;
    }

    private Item popularItem(int i, double weight, boolean explain) {
        String why = !explain ? "" : options.halfLife() == 0
                ? "popular: " + data.itemCount(i) + " users"
                : String.format(Locale.ROOT, "trending: weight %.2f (half-life %s)", weight, halfLifeText());
        return new Item(data.itemId(i), data.itemTitle(i), weight, why, Source.POPULAR.label());
    }

    private String halfLifeText() {
        double h = options.halfLife();
        if (!timed) {
            return String.format(Locale.ROOT, "%.0f events", h);
        }
        return h % 86400 == 0 ? (long) (h / 86400) + " d" : h % 3600 == 0 ? (long) (h / 3600) + " h"
                : String.format(Locale.ROOT, "%.0f s", h);
    }

    /** The content-based scorer of new users, fitted on first need; null when the catalogue has no text. */
    private LiveScorer contentScorer() {
        if (!contentTried) {
            contentTried = true;
            if (model.algorithmId().equals(ContentTfidfAlgorithm.ID)) {
                content = primary;
            } else {
                ContentTfidfAlgorithm algorithm = new ContentTfidfAlgorithm();
                Model fitted = algorithm.fit(model.dataset(), algorithm.defaults(), Progress.NONE, Cancellation.NEVER);
                content = new NewItemsScorer(fitted, data);
            }
        }
        return content;
    }

    private static void checkCount(int n) {
        if (n < 1 || n > 1000) {
            throw new InvalidInputException("n must be between 1 and 1000; got " + n);
        }
    }
}
