package org.recworkbench.data;

import java.util.Arrays;

/**
 * Keeps the n best (index, score) pairs seen, in a primitive min-heap: higher scores win, equal scores are broken
 * by the lower index, so results never depend on visiting order.
 */
public final class TopN {

    private final int capacity;
    private final int[] indices;
    private final double[] scores;
    private final int[] payloads;
    private int size;

    public TopN(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity < 0");
        }
        this.capacity = capacity;
        this.indices = new int[capacity];
        this.scores = new double[capacity];
        this.payloads = new int[capacity];
    }

    /** True when (a, sa) ranks below (b, sb). */
    private static boolean worse(double sa, int a, double sb, int b) {
        return sa < sb || (sa == sb && a > b);
    }

    public void offer(int index, double score) {
        offer(index, score, 0);
    }

    /** Offers a pair carrying an int (an overlap, say), returned by {@link #drainInto(int[], double[], int[])}. */
    public void offer(int index, double score, int payload) {
        if (capacity == 0) {
            return;
        }
        if (size < capacity) {
            int k = size++;
            indices[k] = index;
            scores[k] = score;
            payloads[k] = payload;
            siftUp(k);
        } else if (worse(scores[0], indices[0], score, index)) {
            indices[0] = index;
            scores[0] = score;
            payloads[0] = payload;
            siftDown(0);
        }
    }

    private void siftUp(int k) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!worse(scores[k], indices[k], scores[parent], indices[parent])) {
                return;
            }
            swap(k, parent);
            k = parent;
        }
    }

    private void siftDown(int k) {
        while (true) {
            int left = 2 * k + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && worse(scores[right], indices[right], scores[left], indices[left])) {
                worst = right;
            }
            if (!worse(scores[worst], indices[worst], scores[k], indices[k])) {
                return;
            }
            swap(k, worst);
            k = worst;
        }
    }

    private void swap(int a, int b) {
        int i = indices[a];
        indices[a] = indices[b];
        indices[b] = i;
        int l = payloads[a];
        payloads[a] = payloads[b];
        payloads[b] = l;
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
    }

    /** The lowest kept score (the first to go), or −∞ while empty. */
    public double worstScore() {
        return size == 0 ? Double.NEGATIVE_INFINITY : scores[0];
    }

    public int size() {
        return size;
    }

    /**
     * Writes the kept pairs best first into the given arrays (from position 0) and empties the heap.
     *
     * @return how many were written
     */
    public int drainInto(int[] outIdx, double[] outScore) {
        return drainInto(outIdx, outScore, null);
    }

    /** As {@link #drainInto(int[], double[])}, also writing the payloads when {@code outPayload} is not null. */
    public int drainInto(int[] outIdx, double[] outScore, int[] outPayload) {
        int n = size;
        for (int k = n - 1; k >= 0; k--) {
            outIdx[k] = indices[0];
            outScore[k] = scores[0];
            if (outPayload != null) {
                outPayload[k] = payloads[0];
            }
            size--;
            if (size > 0) {
                indices[0] = indices[size];
                scores[0] = scores[size];
                payloads[0] = payloads[size];
                siftDown(0);
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "TopN" + Arrays.toString(Arrays.copyOf(indices, size));
    }
}
