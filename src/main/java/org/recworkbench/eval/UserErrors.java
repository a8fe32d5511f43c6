package org.recworkbench.eval;

import org.recworkbench.algo.Model;
import org.recworkbench.data.RatingMatrix;

/**
 * One user's prediction errors on their test entries (error = predicted − actual; entries without a prediction are
 * not covered). The sums feed the fold's pooled RMSE and MAE; the per-entry terms are kept only for derivations.
 */
public record UserErrors(int entries, int covered, double sumError, double sumSquared, double sumFourth,
                         double sumAbsolute, int[] items, double[] actual, double[] predicted) {

    static UserErrors of(Model model, RatingMatrix test, int u, boolean keepTerms) {
        int n = test.rowLength(u);
        int[] items = keepTerms ? new int[n] : null;
        double[] actual = keepTerms ? new double[n] : null;
        double[] predicted = keepTerms ? new double[n] : null;
        int covered = 0;
        double se = 0;
        double ae = 0;
        double sum = 0;
        double fourth = 0;
        for (int p = test.rowStart(u), end = p + n; p < end; p++) {
            double prediction = model.predict(u, test.rowItem(p));
            if (keepTerms) {
                items[p - test.rowStart(u)] = test.rowItem(p);
                actual[p - test.rowStart(u)] = test.rowValue(p);
                predicted[p - test.rowStart(u)] = prediction;
            }
            if (Double.isNaN(prediction)) {
                continue;
            }
            double e = prediction - test.rowValue(p);
            covered++;
            se += e * e;
            ae += Math.abs(e);
            sum += e;
            fourth += e * e * e * e;
        }
        return new UserErrors(n, covered, sum, se, fourth, ae, items, actual, predicted);
    }

    /** √(Σe² / covered); NaN when nothing was covered. */
    public double rmse() {
        return covered == 0 ? Double.NaN : Math.sqrt(sumSquared / covered);
    }

    /** Σ|e| / covered; NaN when nothing was covered. */
    public double mae() {
        return covered == 0 ? Double.NaN : sumAbsolute / covered;
    }
}
