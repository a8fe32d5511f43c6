package org.recworkbench.stream;

import org.recworkbench.algo.ScoredItems;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * "Trending now": each item's interactions, each weighted 2^(−age / half-life), so an interaction one half-life old
 * counts half as much as one now. Ages are in seconds for timed data, in events otherwise. Weights are kept relative
 * to a reference time (an interaction at time t adds 2^((t − ref)/h)), so time passing costs nothing; the reference
 * moves forward before the numbers grow large. A half-life of 0 means no decay: plain interaction counts.
 */
public final class DecayedPopularity {

    /** Rescale before weights pass 2^this. */
    private static final double MAX_EXPONENT = 256;

    private final double halfLife;
    private double[] weights;
    private double reference;
    private double latest = Double.NEGATIVE_INFINITY;

    public DecayedPopularity(int items, double halfLife) {
        if (!(halfLife >= 0) || Double.isInfinite(halfLife)) {
            throw new IllegalArgumentException("half-life must be ≥ 0; got " + halfLife);
        }
        this.halfLife = halfLife;
        this.weights = new double[items];
    }

    public double halfLife() {
        return halfLife;
    }

    /** Counts one interaction with the item at the given time (seconds, or the event's number). */
    public void add(int item, double time) {
        if (item >= weights.length) {
            weights = Arrays.copyOf(weights, Math.max(item + 1, weights.length + weights.length / 2 + 16));
        }
        if (halfLife == 0) {
            weights[item] += 1;
            latest = Math.max(latest, time);
            return;
        }
        if (latest == Double.NEGATIVE_INFINITY) {
            reference = time;
        }
        latest = Math.max(latest, time);
        double exponent = (time - reference) / halfLife;
        if (exponent > MAX_EXPONENT) {
            rebase(time);
            exponent = 0;
        }
        weights[item] += Math.pow(2, exponent);
    }

    private void rebase(double time) {
        double scale = Math.pow(2, -(time - reference) / halfLife);
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= scale;
        }
        reference = time;
    }

    /** The latest time counted (the "now" of {@link #scores()}). */
    public double now() {
        return latest;
    }

    /** Each item's decayed weight as of {@link #now()}: Σ 2^(−(now − t)/h) over its interactions. */
    public double[] scores(int items) {
        double[] out = new double[items];
        double scale = halfLife == 0 || latest == Double.NEGATIVE_INFINITY ? 1
                : Math.pow(2, -(latest - reference) / halfLife);
        for (int i = 0; i < Math.min(items, weights.length); i++) {
            out[i] = weights[i] * scale;
        }
        return out;
    }

    public ScoredItems top(int items, int n, IntPredicate exclude) {
        return ScoredItems.top(scores(items), n, exclude);
    }
}
