package org.recworkbench.eval;

import java.util.Arrays;

/** Area under the ROC curve of one user's scores: the chance that a relevant candidate outscores an irrelevant one. */
public final class Auc {

    private Auc() {
    }

    /**
     * @param scores   the scores of the candidates (NaN, no score, counts as −∞: below every number)
     * @param relevant which candidates are relevant
     * @return the share of (relevant, irrelevant) pairs in which the relevant one scores higher, ties counting
     *         one half; NaN when all or none of the candidates are relevant
     */
    public static double of(double[] scores, boolean[] relevant) {
        Pairs p = pairs(scores, relevant);
        return p.relevant() == 0 || p.irrelevant() == 0 ? Double.NaN : p.wins() / p.count();
    }

    /**
     * The (relevant, irrelevant) pairs counted: how many the relevant candidate wins outright, how many are ties,
     * and W = outright + ½ · ties, the numerator of AUC.
     */
    public record Pairs(int relevant, int irrelevant, long outright, long ties) {

        public double count() {
            return (double) relevant * irrelevant;
        }

        public double wins() {
            return outright + ties / 2.0;
        }
    }

    /** Counts every pair: each relevant score is placed among the sorted irrelevant ones. */
    public static Pairs pairs(double[] scores, boolean[] relevant) {
        int r = 0;
        for (boolean b : relevant) {
            r += b ? 1 : 0;
        }
        int m = scores.length;
        double[] irrelevant = new double[m - r];
        int k = 0;
        for (int c = 0; c < m; c++) {
            if (!relevant[c]) {
                irrelevant[k++] = value(scores[c]);
            }
        }
        Arrays.sort(irrelevant);
        long outright = 0;
        long ties = 0;
        for (int c = 0; c < m; c++) {
            if (relevant[c]) {
                double s = value(scores[c]);
                int below = lowerBound(irrelevant, s);
                outright += below;
                ties += upperBound(irrelevant, s) - below;
            }
        }
        return new Pairs(r, m - r, outright, ties);
    }

    private static double value(double score) {
        return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
    }

    /** The number of entries < s. */
    private static int lowerBound(double[] sorted, double s) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The number of entries ≤ s. */
    private static int upperBound(double[] sorted, double s) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= s) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
