package org.recworkbench.eval;

import java.util.Arrays;

/**
 * One user's recommended list as the ranking metrics see it: whether the item at each rank is relevant and its
 * gain, and the user's relevant test items (their count and gains, best first, for the ideal ordering).
 *
 * @param relevant   relevant[k] for the item at rank k + 1
 * @param gains      graded gain of the item at rank k + 1 (0 when not relevant)
 * @param idealGains the gains of all the user's relevant test items, in decreasing order
 */
public record RankedList(boolean[] relevant, double[] gains, double[] idealGains) {

    public RankedList {
        if (relevant.length != gains.length) {
            throw new IllegalArgumentException("one gain per rank");
        }
    }

    /** A list with binary relevance and gain 1 for every relevant item. */
    public static RankedList binary(boolean[] relevant, int relevantCount) {
        double[] gains = new double[relevant.length];
        for (int k = 0; k < relevant.length; k++) {
            gains[k] = relevant[k] ? 1 : 0;
        }
        double[] ideal = new double[relevantCount];
        Arrays.fill(ideal, 1);
        return new RankedList(relevant, gains, ideal);
    }

    public int relevantCount() {
        return idealGains.length;
    }

    /** Relevant items among the first n ranks. */
    public int hits(int n) {
        int hits = 0;
        for (int k = 0; k < Math.min(n, relevant.length); k++) {
            hits += relevant[k] ? 1 : 0;
        }
        return hits;
    }
}
