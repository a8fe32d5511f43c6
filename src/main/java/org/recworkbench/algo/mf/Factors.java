package org.recworkbench.algo.mf;

import java.util.SplittableRandom;

/** A dense row-major matrix of latent factors, one row per user or item. */
final class Factors {

    final int rows;
    final int k;
    final double[] values;

    Factors(int rows, int k) {
        this(rows, k, new double[Math.multiplyExact(rows, k)]);
    }

    private Factors(int rows, int k, double[] values) {
        this.rows = rows;
        this.k = k;
        this.values = values;
    }

    /** The factors stored under {@code name} in a model file's state, checked to be rows × k. */
    static Factors restore(org.recworkbench.algo.ModelState state, String name, int rows, int k) {
        return new Factors(rows, k, state.doubles(name, Math.multiplyExact(rows, k)));
    }

    /** Normal(0, std²) entries from the given generator, row by row. */
    static Factors gaussian(int rows, int k, double std, SplittableRandom random) {
        Factors f = new Factors(rows, k);
        for (int n = 0; n < f.values.length; n++) {
            f.values[n] = std * gaussian(random);
        }
        return f;
    }

    /** A standard normal draw (the JDK's ziggurat method: no logarithm or cosine per value). */
    static double gaussian(SplittableRandom random) {
        return random.nextGaussian();
    }

    double dot(int row, Factors other, int otherRow) {
        double s = 0;
        int a = row * k;
        int b = otherRow * other.k;
        for (int f = 0; f < k; f++) {
            s += values[a + f] * other.values[b + f];
        }
        return s;
    }

    double[] row(int row) {
        double[] r = new double[k];
        System.arraycopy(values, row * k, r, 0, k);
        return r;
    }

    Factors copy() {
        Factors f = new Factors(rows, k);
        System.arraycopy(values, 0, f.values, 0, values.length);
        return f;
    }
}
