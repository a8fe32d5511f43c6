package org.recworkbench.eval;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * An aggregate value with its 95% confidence interval [low, high] over n observations (NaN bounds when there is no
 * interval, e.g. a single observation or a catalogue-wide metric).
 */
public record Summary(double value, double low, double high, int n) {

    public static Summary single(double value, int n) {
        return new Summary(value, Double.NaN, Double.NaN, n);
    }

    /** The mean of the non-NaN values with a Student-t interval. */
    public static Summary mean(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n < 2) {
            return single(mean, n);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double half = tQuantile(n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new Summary(mean, mean - half, mean + half, n);
    }

    /** The two-sided 97.5% quantile of Student's t with the given degrees of freedom. */
    static double tQuantile(int degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(0.975);
    }

    public double halfWidth() {
        return (high - low) / 2;
    }
}
