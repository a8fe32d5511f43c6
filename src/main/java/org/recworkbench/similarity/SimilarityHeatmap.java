package org.recworkbench.similarity;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.IdIndex;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The dense similarity matrix of a subset of users or items, in display order, with what a heatmap needs to label
 * it: ids, titles, interaction counts and the overlap of each pair.
 */
public final class SimilarityHeatmap {

    /** Dense matrices above this many rows are refused: 2,000² floats and ints is 32 MB. */
    public static final long BUDGET_BYTES = 32L << 20;

    private final Similarities similarities;
    private final int[] indices;
    private final String[] ids;
    private final String[] labels;
    private final int[] counts;
    private final DenseSimilarity dense;
    private final int[] position;

    private SimilarityHeatmap(Similarities similarities, int[] indices, String[] ids, String[] labels, int[] counts,
                              DenseSimilarity dense, int[] position) {
        this.similarities = similarities;
        this.indices = indices;
        this.ids = ids;
        this.labels = labels;
        this.counts = counts;
        this.dense = dense;
        this.position = position;
    }

    /**
     * Computes every pair of the subset with the given measure and arranges the rows.
     *
     * @param subset user or item indices (by orientation), in any order
     */
    public static SimilarityHeatmap build(Dataset dataset, Orientation orientation, SimilarityOptions options,
                                          int[] subset, HeatmapOrder order, Cancellation cancellation) {
        HeavyWork.enter("SimilarityHeatmap.build");
        Similarities similarities = new Similarities(dataset, orientation, options);
        DenseSimilarity dense = similarities.dense(subset, BUDGET_BYTES);
        cancellation.throwIfCancelled();
        boolean items = orientation == Orientation.ITEMS;
        IdIndex idIndex = items ? dataset.items() : dataset.users();
        int n = subset.length;
        int[] counts = new int[n];
        for (int k = 0; k < n; k++) {
            counts[k] = items ? dataset.ratings().colLength(subset[k]) : dataset.ratings().rowLength(subset[k]);
        }
        int[] position = switch (order) {
            case CLUSTERED -> Clustering.leafOrder(dense);
            case POPULARITY -> sorted(n, Comparator.<Integer>comparingInt(k -> -counts[k])
                    .thenComparing(k -> idIndex.id(subset[k]), SimilarityHeatmap::compareIds));
            case ID -> sorted(n, (x, y) -> compareIds(idIndex.id(subset[x]), idIndex.id(subset[y])));
        };
        int[] indices = new int[n];
        String[] ids = new String[n];
        String[] labels = new String[n];
        int[] ordered = new int[n];
        for (int r = 0; r < n; r++) {
            int k = position[r];
            indices[r] = subset[k];
            ids[r] = idIndex.id(subset[k]);
            String title = items ? dataset.catalog().title(subset[k]) : "";
            labels[r] = title.isEmpty() || title.equals(ids[r]) ? ids[r] : title;
            ordered[r] = counts[k];
        }
        return new SimilarityHeatmap(similarities, indices, ids, labels, ordered, dense, position);
    }

    private static int[] sorted(int n, Comparator<Integer> comparator) {
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, comparator);
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** Numeric ids by value ("2" before "10"), others alphabetically. */
    static int compareIds(String a, String b) {
        boolean na = isNumber(a);
        boolean nb = isNumber(b);
        if (na && nb) {
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        }
        return na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return s.charAt(0) != '0' || s.length() == 1;
    }

    public int size() {
        return indices.length;
    }

    public Orientation orientation() {
        return similarities.orientation();
    }

    public SimilarityOptions options() {
        return similarities.options();
    }

    /** The user or item index drawn at row (and column) r. */
    public int index(int r) {
        return indices[r];
    }

    public String id(int r) {
        return ids[r];
    }

    /** The title for items that have one, otherwise the id. */
    public String label(int r) {
        return labels[r];
    }

    /** The row's number of interactions. */
    public int count(int r) {
        return counts[r];
    }

    public double value(int r, int c) {
        return dense.value(position[r], position[c]);
    }

    public int overlap(int r, int c) {
        return dense.overlap(position[r], position[c]);
    }

    /** The smallest off-diagonal value (0 when the matrix has a single row). */
    public double min() {
        double min = 0;
        for (int r = 0; r < size(); r++) {
            for (int c = 0; c < size(); c++) {
                if (r != c) {
                    min = Math.min(min, value(r, c));
                }
            }
        }
        return min;
    }

    /** The similarity of the pair at (r, c) with every step of its computation. */
    public PairSimilarity explain(int r, int c) {
        return similarities.explain(indices[r], indices[c]);
    }

    /** The measure behind the heatmap, to find a row's neighbours among all users or items. */
    public Similarities similarities() {
        return similarities;
    }
}
