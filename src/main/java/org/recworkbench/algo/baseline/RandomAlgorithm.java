package org.recworkbench.algo.baseline;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.algo.Reasons;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The random baseline: every (user, item) pair gets a score drawn uniformly from [0, 1) and a predicted rating drawn
 * uniformly from the training values' range [min, max]. Each draw is a hash of (seed, user, item), not a stream, so
 * it is the same whichever order pairs are asked in, from any thread, and the same for the same seed.
 */
public final class RandomAlgorithm extends AbstractAlgorithm<RandomAlgorithm.RandomParams> {

    public static final String ID = "random";
    static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.integer("seed", "Seed", "Random seed of the scores and predictions", 0, Integer.MAX_VALUE, 42));

    public record RandomParams(int seed) implements Params {
        public RandomParams {
            if (seed < 0) {
                throw new InvalidInputException("Invalid seed: must be ≥ 0; got " + seed);
            }
        }
    }

    public RandomAlgorithm() {
        super(ID, Family.BASELINE, "Random: scores items uniformly at random and predicts ratings uniformly in the"
                + " training range [min, max] (seeded)", PARAMS);
    }

    @Override
    public RandomParams bind(ParamValues values) {
        return new RandomParams(values.getInt("seed"));
    }

    @Override
    public Model fit(Dataset train, RandomParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix r = train.ratings();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < r.size(); p++) {
            min = Math.min(min, r.rowValue(p));
            max = Math.max(max, r.rowValue(p));
        }
        if (r.size() == 0) {
            min = Double.NaN;
            max = Double.NaN;
        }
        return new RandomModel(train, values(params), params.seed(), min, max);
    }

    /** A uniform draw in [0, 1) from (seed, stream, user key, item): SplitMix64's finaliser over the combined key. */
    static double uniform(long seed, long stream, long userKey, int item) {
        long z = seed * 0x9E3779B97F4A7C15L + stream;
        z = (z ^ userKey) * 0xBF58476D1CE4E5B9L + item;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    private static final class RandomModel extends BaseModel {

        private static final long SCORE = 1;
        private static final long RATING = 2;

        private final long seed;
        private final double min;
        private final double max;

        RandomModel(Dataset dataset, ParamValues params, long seed, double min, double max) {
            super(dataset, ID, params);
            this.seed = seed;
            this.min = min;
            this.max = max;
        }

        private double score(long userKey, int item) {
            return uniform(seed, SCORE, userKey, item);
        }

        private double rating(long userKey, int item) {
            return min + (max - min) * uniform(seed, RATING, userKey, item);
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            return scores(user);
        }

        private double[] scores(long userKey) {
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = score(userKey, i);
            }
            return scores;
        }

        @Override
        public double predict(int user, int item) {
            return rating(user, item);
        }

        /** Draws for a key made from the profile's items and ratings: the same profile always gets the same list. */
        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            long key = -1 - (31L * Arrays.hashCode(profile.items()) + Arrays.hashCode(profile.values()));
            double[] predictions = new double[dataset().itemCount()];
            for (int i = 0; i < predictions.length; i++) {
                predictions[i] = rating(key, i);
            }
            return Optional.of(new FoldIn(profile, scores(key), predictions));
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("base.randomTitle"), user, item);
            double u = d.step(Words.phrase("base.randomScore"),
                    "s_{ui} = U_{[0,1)}(\\text{seed}, u, i)", "U(" + seed + ", " + userId(user) + ", " + itemId(item)
                            + ")", score(user, item));
            double v = uniform(seed, RATING, user, item);
            d.step(Words.phrase("base.randomSecond"), "v_{ui} = U'_{[0,1)}(\\text{seed}, u, i)",
                    "U'(" + seed + ", " + userId(user) + ", " + itemId(item) + ")", v);
            double prediction = d.step(Words.phrase("base.randomRating"),
                    "\\hat{r}_{ui} = r_{\\min} + (r_{\\max} - r_{\\min}) \\, v_{ui}",
                    Latex.num(min) + " + (" + Latex.num(max) + " - " + Latex.num(min) + ") \\cdot " + Latex.num(v),
                    rating(user, item));
            return explanation(user, item, u, prediction, List.of(new Contribution(Reasons.RANDOM, "random",
                    "random draw", Contribution.ordered("seed", (double) seed), u)), d.build());
        }
    }
}
