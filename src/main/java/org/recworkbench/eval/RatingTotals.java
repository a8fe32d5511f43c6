package org.recworkbench.eval;

/**
 * Sums over test entries for the rating metrics, so folds can be pooled exactly: entries, those the model could
 * predict, and Σe, Σe², Σe⁴, Σ|e| of the errors e = predicted − actual.
 */
public record RatingTotals(long entries, long covered, double sumError, double sumSquared, double sumFourth,
                           double sumAbsolute) {

    public static final RatingTotals EMPTY = new RatingTotals(0, 0, 0, 0, 0, 0);

    public RatingTotals plus(RatingTotals o) {
        return new RatingTotals(entries + o.entries, covered + o.covered, sumError + o.sumError,
                sumSquared + o.sumSquared, sumFourth + o.sumFourth, sumAbsolute + o.sumAbsolute);
    }

    /** Share of test entries the model could predict. */
    public double coverage() {
        return entries == 0 ? Double.NaN : (double) covered / entries;
    }

    /** √(mean e²) with a 95% interval from the normal approximation of the mean of e² (bounds are square roots). */
    public Summary rmse() {
        if (covered == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mse = sumSquared / covered;
        if (covered < 2) {
            return Summary.single(Math.sqrt(mse), (int) covered);
        }
        double variance = Math.max(0, (sumFourth - covered * mse * mse) / (covered - 1));
        double half = 1.959963984540054 * Math.sqrt(variance / covered);
        return new Summary(Math.sqrt(mse), Math.sqrt(Math.max(0, mse - half)), Math.sqrt(mse + half),
                (int) covered);
    }

    /** Mean |e| with a 95% interval. */
    public Summary mae() {
        if (covered == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mae = sumAbsolute / covered;
        if (covered < 2) {
            return Summary.single(mae, (int) covered);
        }
        double variance = Math.max(0, (sumSquared - covered * mae * mae) / (covered - 1));
        double half = 1.959963984540054 * Math.sqrt(variance / covered);
        return new Summary(mae, mae - half, mae + half, (int) covered);
    }
}
