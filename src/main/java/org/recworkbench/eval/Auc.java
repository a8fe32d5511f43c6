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
        int r = 0;
        for (boolean b : relevant) {
            r += b ? 1 : 0;
        }
        int m = scores.length;
        if (r == 0 || r == m) {
            return Double.NaN;
        }
        double[] irrelevant = new double[m - r];
        int k = 0;
        for (int c = 0; c < m; c++) {
            if (!relevant[c]) {
                irrelevant[k++] = value(scores[c]);
            }
        }
        Arrays.sort(irrelevant);
        double wins = 0;
        for (int c = 0; c < m; c++) {
            if (relevant[c]) {
                double s = value(scores[c]);
                int below = lowerBound(irrelevant, s);
                int notAbove = upperBound(irrelevant, s);
                wins += below + (notAbove - below) / 2.0;
            }
        }
        return wins / ((double) r * (m - r));
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
