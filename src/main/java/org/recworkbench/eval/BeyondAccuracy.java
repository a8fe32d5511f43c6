package org.recworkbench.eval;

import org.recworkbench.data.RatingMatrix;

import java.util.Arrays;
import java.util.List;

/** Properties of the recommended lists themselves rather than their accuracy. Training data gives popularity. */
public final class BeyondAccuracy {

    private BeyondAccuracy() {
    }

    /** Share of the catalogue that appears in at least one list. */
    public static double catalogCoverage(List<int[]> lists, int itemCount) {
        return (double) distinct(lists, itemCount) / itemCount;
    }

    private static int distinct(List<int[]> lists, int itemCount) {
        boolean[] seen = new boolean[itemCount];
        int count = 0;
        for (int[] list : lists) {
            for (int item : list) {
                if (!seen[item]) {
                    seen[item] = true;
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Gini coefficient of how often each catalogue item is recommended: 0 when every item appears equally often, →
     * 1 when a few items take all the slots. G = Σ_i (2i − m − 1) x_(i) / (m Σ x) over the m items sorted ascending.
     */
    public static double gini(List<int[]> lists, int itemCount) {
        long[] counts = new long[itemCount];
        long total = 0;
        for (int[] list : lists) {
            for (int item : list) {
                counts[item]++;
                total++;
            }
        }
        if (total == 0) {
            return 0;
        }
        Arrays.sort(counts);
        double sum = 0;
        for (int i = 0; i < itemCount; i++) {
            sum += (2.0 * (i + 1) - itemCount - 1) * counts[i];
        }
        return sum / ((double) itemCount * total);
    }

    /** Mean number of training interactions of the items in one list. */
    public static double popularity(int[] list, RatingMatrix train) {
        double sum = 0;
        for (int item : list) {
            sum += train.colLength(item);
        }
        return list.length == 0 ? Double.NaN : sum / list.length;
    }

    /**
     * Mean self-information of the items in one list: −log₂ p_i with p_i = (n_i + 1) / (users + 1), n_i the item's
     * training users (smoothed so that an item nobody has seen has a finite value).
     */
    public static double novelty(int[] list, RatingMatrix train) {
        double sum = 0;
        for (int item : list) {
            double p = (train.colLength(item) + 1.0) / (train.userCount() + 1.0);
            sum -= Math.log(p) / Math.log(2);
        }
        return list.length == 0 ? Double.NaN : sum / list.length;
    }

    /**
     * Intra-list diversity: 1 − the mean cosine over all pairs of the list's items, cosine of their binary training
     * columns |U_i ∩ U_j| / √(|U_i| |U_j|) (0 when either is empty). NaN for lists of fewer than two items.
     */
    public static double intraListDiversity(int[] list, RatingMatrix train) {
        if (list.length < 2) {
            return Double.NaN;
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < list.length; a++) {
            for (int b = a + 1; b < list.length; b++) {
                sum += binaryCosine(train, list[a], list[b]);
                pairs++;
            }
        }
        return 1 - sum / pairs;
    }

    static double binaryCosine(RatingMatrix r, int i, int j) {
        int ni = r.colLength(i);
        int nj = r.colLength(j);
        if (ni == 0 || nj == 0) {
            return 0;
        }
        int p = r.colStart(i);
        int q = r.colStart(j);
        int pe = p + ni;
        int qe = q + nj;
        int common = 0;
        while (p < pe && q < qe) {
            int u = r.colUser(p);
            int v = r.colUser(q);
            if (u == v) {
                common++;
                p++;
                q++;
            } else if (u < v) {
                p++;
            } else {
                q++;
            }
        }
        return common / Math.sqrt((double) ni * nj);
    }

    /**
     * 1 − the mean overlap |L_u ∩ L_v| / n over all pairs of lists: 0 when everyone gets the same list, 1 when no
     * two lists share an item. Computed from how many lists hold each item: Σ_i c_i (c_i − 1) / 2 shared slots.
     */
    public static double personalisation(List<int[]> lists, int n, int itemCount) {
        int users = lists.size();
        if (users < 2) {
            return Double.NaN;
        }
        long[] counts = new long[itemCount];
        for (int[] list : lists) {
            for (int item : list) {
                counts[item]++;
            }
        }
        double shared = 0;
        for (long c : counts) {
            shared += c * (c - 1) / 2.0;
        }
        double pairs = users * (users - 1L) / 2.0;
        return 1 - shared / (pairs * n);
    }
}
