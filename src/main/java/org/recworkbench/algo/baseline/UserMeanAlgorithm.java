package org.recworkbench.algo.baseline;

import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.NoParams;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ParameterlessAlgorithm;
import org.recworkbench.algo.Reasons;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
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
 * Predicts each user's mean rating for every item (the global mean for a user without ratings). Every item gets the
 * same score, so a top-N list is the catalogue in item-index order (the order the items were loaded): a floor for
 * rating prediction, not a ranker.
 */
public final class UserMeanAlgorithm extends ParameterlessAlgorithm {

    public static final String ID = "user-mean";

    public UserMeanAlgorithm() {
        super(ID, Family.BASELINE, "User mean: predicts the user's average rating r̄_u for every item (global mean"
                + " μ without ratings; ranking: all equal, ties by item order)");
    }

    @Override
    public Model fit(Dataset train, NoParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix r = train.ratings();
        double[] sums = new double[train.userCount()];
        double total = 0;
        for (int u = 0; u < sums.length; u++) {
            double s = 0;
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                s += r.rowValue(p);
            }
            sums[u] = s;
            total += s;
        }
        return new UserMeanModel(train, values(params), sums, total, r.size());
    }

    private static final class UserMeanModel extends BaseModel {

        private final double[] sums;
        private final double total;
        private final int count;

        UserMeanModel(Dataset dataset, ParamValues params, double[] sums, double total, int count) {
            super(dataset, ID, params);
            this.sums = sums;
            this.total = total;
            this.count = count;
        }

        /** r̄_u = Σ r_ui / |I_u|, or μ = Σ r / |R| when the user has no ratings (NaN when nobody has any). */
        private double mean(double sum, int n, String who, Derivation.Builder d) {
            if (n > 0) {
                return d.step(Words.phrase("base.userMean"), "\\bar{r}_u = \\frac{1}{|I_u|} \\sum_{i \\in I_u} r_{ui}",
                        "\\frac{" + Latex.num(sum) + "}{" + n + "}", sum / n);
            }
            double mu = count == 0 ? Double.NaN : total / count;
            return d.step(who + " has no ratings: the global mean instead",
                    "\\mu = \\frac{1}{|R|} \\sum_{(u,i) \\in R} r_{ui}",
                    "\\frac{" + Latex.num(total) + "}{" + count + "}", mu);
        }

        private double meanOf(int user, Derivation.Builder d) {
            return mean(sums[user], dataset().ratings().rowLength(user), "The user", d);
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            double[] scores = new double[dataset().itemCount()];
            Arrays.fill(scores, meanOf(user, Derivation.Builder.NONE));
            return scores;
        }

        @Override
        public double predict(int user, int item) {
            return meanOf(user, Derivation.Builder.NONE);
        }

        /** The profile's own mean (the global mean for an empty profile). */
        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            double sum = 0;
            for (double v : profile.values()) {
                sum += v;
            }
            double[] scores = new double[dataset().itemCount()];
            Arrays.fill(scores, mean(sum, profile.size(), "The profile", Derivation.Builder.NONE));
            return Optional.of(new FoldIn(profile, scores, scores.clone()));
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("base.userMeanTitle"), user, item);
            int n = dataset().ratings().rowLength(user);
            double value = meanOf(user, d);
            Contribution because = n > 0
                    ? new Contribution(Reasons.USER_MEAN, userId(user), "the user's mean rating",
                    Contribution.ordered("mean", value, "ratings", n), value)
                    : new Contribution(Reasons.GLOBAL_MEAN, "mu", "global mean μ (the user has no ratings)",
                    Contribution.ordered("value", value), value);
            d.step(Words.phrase("base.sameScore"), "s_{ui} = \\hat{r}_{ui} = "
                    + (n > 0 ? "\\bar{r}_u" : "\\mu"), Latex.num(value), value);
            return explanation(user, item, value, value, List.of(because), d.build());
        }
    }
}
