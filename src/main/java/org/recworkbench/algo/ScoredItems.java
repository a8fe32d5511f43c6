package org.recworkbench.algo;

import org.recworkbench.data.TopN;

import java.util.function.IntPredicate;

/** A ranked list of item indices with their scores, best first; ties ordered by item index. */
public record ScoredItems(int[] items, double[] scores) {

    public ScoredItems {
        if (items.length != scores.length) {
            throw new IllegalArgumentException("items and scores differ in length");
        }
    }

    /** The n best items of a full score vector, skipping NaN scores and excluded items. */
    public static ScoredItems top(double[] scores, int n, IntPredicate exclude) {
        TopN top = new TopN(Math.min(Math.max(n, 0), scores.length));
        for (int item = 0; item < scores.length; item++) {
            double s = scores[item];
            if (!Double.isNaN(s) && !exclude.test(item)) {
                top.offer(item, s);
            }
        }
        int[] ranked = new int[top.size()];
        double[] rankedScores = new double[top.size()];
        top.drainInto(ranked, rankedScores);
        return new ScoredItems(ranked, rankedScores);
    }

    public int size() {
        return items.length;
    }

    public int item(int rank) {
        return items[rank];
    }

    public double score(int rank) {
        return scores[rank];
    }
}
