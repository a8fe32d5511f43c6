package org.recworkbench.ui.compare;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How two top-N lists agree: Jaccard overlap of their item sets, and Spearman's rank correlation over the items
 * both contain (NaN when fewer than two are shared).
 */
public record ListComparison(double jaccard, int shared, double spearman) {

    public static ListComparison of(int[] a, int[] b) {
        Set<Integer> left = new HashSet<>();
        for (int item : a) {
            left.add(item);
        }
        Map<Integer, Integer> rankInB = new HashMap<>();
        for (int k = 0; k < b.length; k++) {
            rankInB.put(b[k], k);
        }
        Set<Integer> union = new HashSet<>(left);
        for (int item : b) {
            union.add(item);
        }
        int shared = 0;
        for (int item : a) {
            shared += rankInB.containsKey(item) ? 1 : 0;
        }
        double jaccard = union.isEmpty() ? 1 : (double) shared / union.size();
        return new ListComparison(jaccard, shared, spearman(a, rankInB, shared));
    }

    /** 1 − 6 Σd² / (n(n² − 1)) over the shared items, re-ranked 1 … n within each list (no ties). */
    private static double spearman(int[] a, Map<Integer, Integer> rankInB, int n) {
        if (n < 2) {
            return Double.NaN;
        }
        int[] orderInB = new int[n];
        int k = 0;
        for (int item : a) {
            Integer r = rankInB.get(item);
            if (r != null) {
                orderInB[k++] = r;
            }
        }
        // the shared items in A's order get ranks 0 … n−1; their ranks among the shared items of B:
        int[] sorted = orderInB.clone();
        java.util.Arrays.sort(sorted);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            int rankB = java.util.Arrays.binarySearch(sorted, orderInB[i]);
            d2 += (double) (i - rankB) * (i - rankB);
        }
        return 1 - 6 * d2 / ((double) n * ((double) n * n - 1));
    }
}
