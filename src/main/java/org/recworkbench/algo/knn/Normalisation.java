package org.recworkbench.algo.knn;

import java.util.List;

/** What a kNN prediction subtracts from neighbours' ratings and adds back for the target. */
public enum Normalisation {
    /** Weighted mean of raw ratings. */
    NONE,
    /** Subtract each neighbour's mean, add the target's mean. */
    MEAN_CENTRE,
    /** Mean-centre and divide by each one's standard deviation; multiply back by the target's. */
    Z_SCORE,
    /** Subtract the damped bias baseline b = μ + b_u + b_i of each neighbour's rating; add the target's. */
    BIAS_BASELINE;

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static List<String> cliNames() {
        return java.util.Arrays.stream(values()).map(Normalisation::cliName).toList();
    }

    public static Normalisation fromCliName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
