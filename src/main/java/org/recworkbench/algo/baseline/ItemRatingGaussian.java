package org.recworkbench.algo.baseline;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/**
 * Each item's ratings read as a normal distribution N(μ_j, σ_j²), μ_j the mean and σ_j² the population variance of
 * the ratings it received: the density behind seed article 001's "interest probability" P(U_i = j). A density, not
 * a probability: it can exceed 1. Immutable.
 */
public final class ItemRatingGaussian {

    private final double[] mean;
    private final double[] variance;

    private ItemRatingGaussian(double[] mean, double[] variance) {
        this.mean = mean;
        this.variance = variance;
    }

    /** Mean and population variance of every item's ratings (0 and 0 for an item nobody rated). */
    public static ItemRatingGaussian fit(Dataset data) {
        RatingMatrix r = data.ratings();
        int items = data.itemCount();
        double[] mean = new double[items];
        double[] variance = new double[items];
        for (int j = 0; j < items; j++) {
            int start = r.colStart(j);
            int n = r.colLength(j);
            double s = 0;
            for (int p = start; p < start + n; p++) {
                s += r.colValue(p);
            }
            double m = n == 0 ? 0 : s / n;
            double ss = 0;
            for (int p = start; p < start + n; p++) {
                double d = r.colValue(p) - m;
                ss += d * d;
            }
            mean[j] = m;
            variance[j] = n == 0 ? 0 : ss / n;
        }
        return new ItemRatingGaussian(mean, variance);
    }

    public double mean(int item) {
        return mean[item];
    }

    public double variance(int item) {
        return variance[item];
    }

    /** The density of item j's distribution at x, recorded with the item named {@code name}. */
    public double density(int item, String name, double x, Derivation.Builder trace) {
        return density(name, x, mean[item], variance[item], trace);
    }

    /**
     * N(x; μ, σ²) = exp(−(x − μ)² / (2σ²)) / √(2πσ²); NaN when σ² is not positive (no spread, no density).
     *
     * @param name what the distribution describes, for the step titles
     */
    public static double density(String name, double x, double mean, double variance, Derivation.Builder trace) {
        if (!(variance > 0)) {
            if (trace.recording()) {
                trace.step(Words.phrase("gauss.noSpread", name), "\\sigma^2 = 0", "", Double.NaN);
            }
            return Double.NaN;
        }
        double d = x - mean;
        double exponent = -(d * d) / (2 * variance);
        double normaliser = Math.sqrt(2 * Math.PI * variance);
        double value = Math.exp(exponent) / normaliser;
        if (trace.recording()) {
            trace.step(Words.phrase("gauss.exponent", name), "-\\frac{(x - \\mu)^2}{2 \\sigma^2}",
                    "-\\frac{(" + Latex.num(x) + " - " + Latex.term(mean) + ")^2}{2 \\cdot " + Latex.num(variance)
                            + "}", exponent);
            trace.step(Words.phrase("gauss.density", name),
                    "N(x; \\mu, \\sigma^2) = \\frac{1}{\\sqrt{2 \\pi \\sigma^2}} "
                            + "e^{-\\frac{(x - \\mu)^2}{2 \\sigma^2}}",
                    "\\frac{1}{\\sqrt{2 \\pi \\cdot " + Latex.num(variance) + "}} e^{" + Latex.num(exponent) + "}",
                    value);
        }
        return value;
    }
}
