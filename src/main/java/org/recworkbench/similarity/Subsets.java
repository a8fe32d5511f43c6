package org.recworkbench.similarity;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.data.TopN;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Row subsets worth drawing as a dense heatmap: the most active users, the most popular items, a search, a
 * category.
 */
public final class Subsets {

    private Subsets() {
    }

    /** The n items with the most interactions, most popular first (ties by index). */
    public static int[] mostPopularItems(Dataset dataset, int n) {
        RatingMatrix r = dataset.ratings();
        TopN top = new TopN(Math.min(n, dataset.itemCount()));
        for (int i = 0; i < dataset.itemCount(); i++) {
            top.offer(i, r.colLength(i));
        }
        return drain(top);
    }

    /** The n users with the most interactions, most active first (ties by index). */
    public static int[] mostActiveUsers(Dataset dataset, int n) {
        RatingMatrix r = dataset.ratings();
        TopN top = new TopN(Math.min(n, dataset.userCount()));
        for (int u = 0; u < dataset.userCount(); u++) {
            top.offer(u, r.rowLength(u));
        }
        return drain(top);
    }

    /** The most popular items (or most active users) first, among those whose id or title contains the query. */
    public static int[] matching(Dataset dataset, Orientation orientation, String query, int n) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        boolean items = orientation == Orientation.ITEMS;
        int count = items ? dataset.itemCount() : dataset.userCount();
        TopN top = new TopN(Math.min(n, count));
        for (int i = 0; i < count; i++) {
            String id = items ? dataset.items().id(i) : dataset.users().id(i);
            boolean hit = q.isEmpty() || id.toLowerCase(Locale.ROOT).contains(q)
                    || items && dataset.catalog().title(i).toLowerCase(Locale.ROOT).contains(q);
            if (hit) {
                top.offer(i, items ? dataset.ratings().colLength(i) : dataset.ratings().rowLength(i));
            }
        }
        return drain(top);
    }

    /** The most popular items of one category. */
    public static int[] inCategory(Dataset dataset, String category, int n) {
        TopN top = new TopN(Math.min(n, dataset.itemCount()));
        for (int i = 0; i < dataset.itemCount(); i++) {
            if (dataset.catalog().categories(i).contains(category)) {
                top.offer(i, dataset.ratings().colLength(i));
            }
        }
        return drain(top);
    }

    /** Every category of the catalogue, sorted. */
    public static List<String> categories(Dataset dataset) {
        TreeSet<String> all = new TreeSet<>();
        for (int i = 0; i < dataset.itemCount(); i++) {
            all.addAll(dataset.catalog().categories(i));
        }
        return List.copyOf(all);
    }

    private static int[] drain(TopN top) {
        int[] idx = new int[top.size()];
        top.drainInto(idx, new double[idx.length]);
        return idx;
    }
}
