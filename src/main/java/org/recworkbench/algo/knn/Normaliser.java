package org.recworkbench.algo.knn;

import org.recworkbench.algo.baseline.BiasAlgorithm;
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
    static final double LAMBDA_USER = BiasAlgorithm.DEFAULT_LAMBDA_USER;
    static final double LAMBDA_ITEM = BiasAlgorithm.DEFAULT_LAMBDA_ITEM;

    private final Normalisation kind;
    private final Orientation side;
    private final double[] mean;
    private final double[] sd;
    private final BiasBaseline bias;
    /** A folded-in user, index {@link #FOLDED}: their mean, σ and bias b_u. */
    private final double foldedMean;
    private final double foldedSd;
    private final double foldedBias;

    /** The index that stands for a user folded in from a profile. */
    static final int FOLDED = -1;

    private Normaliser(Normaliser base, double foldedMean, double foldedSd, double foldedBias) {
        this.kind = base.kind;
        this.side = base.side;
        this.mean = base.mean;
        this.sd = base.sd;
        this.bias = base.bias;
        this.foldedMean = foldedMean;
        this.foldedSd = foldedSd;
        this.foldedBias = foldedBias;
    }

    /** This normaliser with a new user (index {@link #FOLDED}) described by their ratings. */
    Normaliser folded(org.recworkbench.algo.UserProfile profile) {
        double m = profile.mean();
        double ss = 0;
        for (double v : profile.values()) {
            ss += (v - m) * (v - m);
        }
        double b = 0;
        if (bias != null) {
            double s = 0;
            for (int t = 0; t < profile.size(); t++) {
                s += profile.values()[t] - bias.mu() - bias.itemBias(profile.items()[t]);
            }
            b = s / (LAMBDA_USER + profile.size());
        }
        return new Normaliser(this, m, profile.size() == 0 ? 0 : Math.sqrt(ss / profile.size()), b);
    }

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
        foldedMean = 0;
        foldedSd = 0;
        foldedBias = 0;
    }

    Normalisation kind() {
        return kind;
    }

    /** The baseline of entity e's rating on the other side's {@code other}. */
    double base(int e, int other) {
        return switch (kind) {
            case NONE -> 0;
            case MEAN_CENTRE, Z_SCORE -> e == FOLDED ? foldedMean : mean[e];
            case BIAS_BASELINE -> side == Orientation.USERS ? userBase(e, other) : userBase(other, e);
        };
    }

    private double userBase(int user, int item) {
        return user == FOLDED ? bias.mu() + foldedBias + bias.itemBias(item) : bias.predict(user, item);
    }

    /** σ of entity e for z-scores (population standard deviation; 1 when its ratings are all equal), else 1. */
    double scale(int e) {
        double s = e == FOLDED ? foldedSd : sd[e];
        return kind == Normalisation.Z_SCORE && s > 0 ? s : 1;
    }

    double mean(int e) {
        return mean[e];
    }

    BiasBaseline bias() {
        return bias;
    }
}
