package org.recworkbench.algo.knn;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/**
 * Seed article 001's asymmetric user weights w_ik = Σ_j r_ij r_kj / Σ_j r_ij², the weights of
 * {@link SeedCfAlgorithm}. Missing ratings count as 0.
 */
public final class SeedCfWeights {

    private SeedCfWeights() {
    }

    /** w_ik for every user k (w_ii = 1); all NaN when user i has Σ_j r_ij² = 0. */
    public static double[] weights(RatingMatrix r, int user) {
        return weights(r, user, squares(r, user));
    }

    /** As {@link #weights(RatingMatrix, int)} with the user's Σ_j r_ij² already known. */
    static double[] weights(RatingMatrix r, int user, double norm) {
        double[] w = dots(r, user);
        for (int k = 0; k < w.length; k++) {
            w[k] = norm == 0 ? Double.NaN : w[k] / norm;
        }
        return w;
    }

    /** As {@link #weights(RatingMatrix, int)}, recording Σ_j r_ij² and each w_ik with its terms. */
    public static double[] weights(Dataset data, int user, Derivation.Builder trace) {
        RatingMatrix r = data.ratings();
        double[] w = weights(r, user);
        if (trace.recording()) {
            String i = data.users().id(user);
            int items = data.itemCount();
            double norm = squares(r, user);
            trace.step(Words.phrase("seed.squaresOf", i), "\\sum_j r_{" + i + ",j}^2",
                    Latex.sum(items, j -> Latex.term(rating(r, user, j)) + "^2"), norm);
            for (int k = 0; k < w.length; k++) {
                int other = k;
                String name = data.users().id(k);
                trace.step(Words.phrase("seed.weightOf", name, i),
                        "w_{" + i + "," + name + "} = \\frac{\\sum_j r_{" + i + ",j} \\, r_{" + name
                                + ",j}}{\\sum_j r_{" + i + ",j}^2}",
                        "\\frac{" + Latex.sum(items, j -> Latex.term(rating(r, user, j)) + " \\cdot "
                                + Latex.term(rating(r, other, j))) + "}{" + Latex.num(norm) + "}", w[k]);
            }
        }
        return w;
    }

    /** Σ_j r_ij r_kj for every user k (sparse product through the item columns). */
    static double[] dots(RatingMatrix r, int user) {
        double[] dot = new double[r.userCount()];
        for (int p = r.rowStart(user), end = p + r.rowLength(user); p < end; p++) {
            int j = r.rowItem(p);
            double x = r.rowValue(p);
            for (int q = r.colStart(j), qEnd = q + r.colLength(j); q < qEnd; q++) {
                dot[r.colUser(q)] += x * r.colValue(q);
            }
        }
        return dot;
    }

    /** Σ_j r_ij². */
    static double squares(RatingMatrix r, int user) {
        double s = 0;
        for (int p = r.rowStart(user), end = p + r.rowLength(user); p < end; p++) {
            s += (double) r.rowValue(p) * r.rowValue(p);
        }
        return s;
    }

    private static double rating(RatingMatrix r, int user, int item) {
        float v = r.value(user, item);
        return Float.isNaN(v) ? 0 : v;
    }
}
