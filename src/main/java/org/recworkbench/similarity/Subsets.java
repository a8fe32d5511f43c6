package org.recworkbench.similarity;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.data.TopN;

/** Row subsets worth drawing as a dense heatmap: the most active users, the most popular items. */
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

    private static int[] drain(TopN top) {
        int[] idx = new int[top.size()];
        top.drainInto(idx, new double[idx.length]);
        return idx;
    }
}
