package org.recworkbench.algo.neural;

/** Adam (Kingma & Ba 2015) moments for one parameter array; {@link #step} applies a gradient at time t. */
final class Adam {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final double[] m;
    private final double[] v;

    Adam(int size) {
        m = new double[size];
        v = new double[size];
    }

    /** Updates params[offset … offset + length) from grad[gradOffset …] with bias-corrected moments. */
    void step(double[] params, int offset, double[] grad, int gradOffset, int length, double learningRate, long t) {
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int k = 0; k < length; k++) {
            double g = grad[gradOffset + k];
            int p = offset + k;
            m[p] = BETA1 * m[p] + (1 - BETA1) * g;
            v[p] = BETA2 * v[p] + (1 - BETA2) * g * g;
            params[p] -= learningRate * (m[p] / c1) / (Math.sqrt(v[p] / c2) + EPSILON);
        }
    }
}
