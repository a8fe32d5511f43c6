package org.recworkbench.algo;

import java.util.Arrays;

/**
 * The ratings of one new or changed user, by item index of the model's training data: what fold-in works from.
 * Items are kept in ascending order; a repeated item keeps its last value.
 */
public record UserProfile(int[] items, double[] values) {

    public UserProfile {
        if (items.length != values.length) {
            throw new IllegalArgumentException("items and values differ in length");
        }
        Integer[] order = new Integer[items.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        final int[] in = items;
        Arrays.sort(order, (a, b) -> in[a] != in[b] ? Integer.compare(in[a], in[b]) : Integer.compare(a, b));
        int[] sortedItems = new int[items.length];
        double[] sortedValues = new double[items.length];
        int n = 0;
        for (Integer k : order) {
            if (n > 0 && sortedItems[n - 1] == items[k]) {
                sortedValues[n - 1] = values[k];
            } else {
                sortedItems[n] = items[k];
                sortedValues[n] = values[k];
                n++;
            }
        }
        items = Arrays.copyOf(sortedItems, n);
        values = Arrays.copyOf(sortedValues, n);
    }

    public int size() {
        return items.length;
    }

    public boolean contains(int item) {
        return Arrays.binarySearch(items, item) >= 0;
    }

    public double mean() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return values.length == 0 ? 0 : s / values.length;
    }
}
