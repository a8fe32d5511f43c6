package org.recworkbench.stream;

import java.util.Arrays;

/**
 * The best {@code kept} + 1 of many (item, similarity) candidates, best first (higher similarity, then lower
 * index): a selection of the (kept + 1)-th value, then a sort of what reaches it. Linear in the candidates, where a
 * bounded heap costs a logarithm for each one that improves it. Candidates come in any order; offered nearly best
 * first (a pool's old members, say), the final sort is nearly linear.
 */
final class PoolSelector {

    private int[] items = new int[256];
    private double[] sims = new double[256];
    private double[] scratch = new double[256];
    private int count;

    void offer(int item, double sim) {
        if (count == items.length) {
            items = Arrays.copyOf(items, count * 2);
            sims = Arrays.copyOf(sims, count * 2);
        }
        items[count] = item;
        sims[count++] = sim;
    }

    /**
     * Writes the best min(count, kept + 1) candidates best first and forgets all of them.
     *
     * @return how many were written
     */
    int drainInto(int kept, int[] outItems, double[] outSims) {
        int want = Math.min(count, kept + 1);
        int n = 0;
        if (count <= kept + 1) {
            System.arraycopy(items, 0, outItems, 0, count);
            System.arraycopy(sims, 0, outSims, 0, count);
            n = count;
        } else {
            double threshold = largest(want);
            for (int t = 0; t < count && n < want; t++) {
                if (sims[t] > threshold) {
                    outItems[n] = items[t];
                    outSims[n++] = sims[t];
                }
            }
            n = addTies(threshold, want, n, outItems, outSims);
        }
        sort(outItems, outSims, n);
        count = 0;
        return n;
    }

    /** The candidates at the threshold, lowest index first, until {@code want} are written; returns how many are. */
    private int addTies(double threshold, int want, int n, int[] outItems, double[] outSims) {
        int ties = 0;
        int[] tied = new int[0];
        for (int t = 0; t < count; t++) {
            if (sims[t] == threshold) {
                if (ties == tied.length) {
                    tied = Arrays.copyOf(tied, Math.max(8, ties * 2));
                }
                tied[ties++] = items[t];
            }
        }
        if (ties > want - n) {
            Arrays.sort(tied, 0, ties);
        }
        for (int t = 0; t < ties && n < want; t++) {
            outItems[n] = tied[t];
            outSims[n++] = threshold;
        }
        return n;
    }

    /** The r-th largest similarity (1-based), by quickselect on a copy. */
    private double largest(int r) {
        if (scratch.length < count) {
            scratch = new double[items.length];
        }
        double[] a = scratch;
        System.arraycopy(sims, 0, a, 0, count);
        int target = r - 1;
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            double pivot = median(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** Insertion sort, best first: the lists are a pool's length and usually nearly in order. */
    private static void sort(int[] its, double[] ss, int n) {
        for (int t = 1; t < n; t++) {
            int item = its[t];
            double s = ss[t];
            int p = t;
            while (p > 0 && (s > ss[p - 1] || (s == ss[p - 1] && item < its[p - 1]))) {
                its[p] = its[p - 1];
                ss[p] = ss[p - 1];
                p--;
            }
            its[p] = item;
            ss[p] = s;
        }
    }
}
