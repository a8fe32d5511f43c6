package org.recworkbench.ui.tune;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;

/**
 * Stars for a dataset's rating scale, read from the values it holds: on a 1–5 (or 0.5–5, 1–10) scale star k is the
 * rating k; on any other scale (e.g. −10…10) five stars spread evenly from the lowest to the highest value.
 * Implicit data has one "star": the item was clicked or bought (1).
 */
record StarScale(double min, double max, int stars, boolean direct) {

    static StarScale of(Dataset data) {
        if (data.kind() != DatasetKind.EXPLICIT) {
            return new StarScale(1, 1, 1, true);
        }
        RatingMatrix m = data.ratings();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < m.size(); p++) {
            float v = m.rowValue(p);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) {
            return new StarScale(1, 5, 5, true);
        }
        return of(lo, hi);
    }

    static StarScale of(double lo, double hi) {
        if (lo >= 0 && hi >= 2 && hi <= 10) {
            return new StarScale(lo, hi, (int) Math.ceil(hi), true);
        }
        return new StarScale(lo, Math.max(hi, lo + 1), 5, false);
    }

    /** The rating given by clicking star {@code star} (1-based). */
    double value(int star) {
        if (star < 1 || star > stars) {
            throw new IllegalArgumentException("star " + star + " of " + stars);
        }
        if (direct) {
            return Math.min(max, Math.max(min, star));
        }
        return min + (star - 1) * (max - min) / (stars - 1);
    }

    /** How the scale is described in the dialog's header, e.g. "1–5" or "−10–10 in 5 steps". */
    String describe() {
        String range = number(direct ? Math.max(1, Math.ceil(min)) : min) + "–" + number(max);
        return direct ? range : org.recworkbench.ui.common.I18n.t("tune.stars.steps", range, String.valueOf(stars));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v).replace('-', '−') : Double.toString(v).replace('-', '−');
    }
}
