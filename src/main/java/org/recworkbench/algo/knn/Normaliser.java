package org.recworkbench.algo.knn;

import org.recworkbench.algo.baseline.BiasBaseline;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.similarity.Orientation;

/**
 * Baselines and scales of one side's entities (users for user-kNN, items for item-kNN): a neighbour's rating is
 * turned into the deviation (r − base) / scale, and the target's prediction is base + scale · weighted deviation.
 */
final class Normaliser {

    /** Damping of the bias baseline used for normalisation (the {@code bias} algorithm's defaults). */
    static final double LAMBDA_USER = 10;
    static final double LAMBDA_ITEM = 25;

    private final Normalisation kind;
    private final Orientation side;
    private final double[] mean;
    private final double[] sd;
    private final BiasBaseline bias;

    Normaliser(Dataset dataset, Orientation side, Normalisation kind) {
        this.kind = kind;
        this.side = side;
        RatingMatrix r = dataset.ratings();
        boolean users = side == Orientation.USERS;
        int n = users ? dataset.userCount() : dataset.itemCount();
        mean = new double[n];
        sd = new double[n];
        for (int e = 0; e < n; e++) {
            int start = users ? r.rowStart(e) : r.colStart(e);
            int len = users ? r.rowLength(e) : r.colLength(e);
            double s = 0;
            for (int p = start; p < start + len; p++) {
                s += users ? r.rowValue(p) : r.colValue(p);
            }
            double m = len == 0 ? 0 : s / len;
            double ss = 0;
            for (int p = start; p < start + len; p++) {
                double d = (users ? r.rowValue(p) : r.colValue(p)) - m;
                ss += d * d;
            }
            mean[e] = m;
            sd[e] = len == 0 ? 0 : Math.sqrt(ss / len);
        }
        bias = kind == Normalisation.BIAS_BASELINE
                ? BiasBaseline.fit(dataset, LAMBDA_USER, LAMBDA_ITEM) : null;
    }

    Normalisation kind() {
        return kind;
    }

    /** The baseline of entity e's rating on the other side's {@code other}. */
    double base(int e, int other) {
        return switch (kind) {
            case NONE -> 0;
            case MEAN_CENTRE, Z_SCORE -> mean[e];
            case BIAS_BASELINE -> side == Orientation.USERS ? bias.predict(e, other) : bias.predict(other, e);
        };
    }

    /** σ of entity e for z-scores (population standard deviation; 1 when its ratings are all equal), else 1. */
    double scale(int e) {
        return kind == Normalisation.Z_SCORE && sd[e] > 0 ? sd[e] : 1;
    }

    double mean(int e) {
        return mean[e];
    }

    BiasBaseline bias() {
        return bias;
    }
}
