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

import java.util.List;
import java.util.Optional;

/**
 * Predicts each item's mean rating for every user and ranks by it, the same list for everyone. With damping β the
 * mean is pulled towards the global mean μ as if each item had β more ratings of μ: (Σ r_ui + β μ) / (|U_i| + β),
 * which keeps an item with one 5-star rating from topping the list; β = 0 (the default) is the plain mean. An item
 * without ratings gets μ.
 */
public final class ItemMeanAlgorithm extends AbstractAlgorithm<ItemMeanAlgorithm.ItemMeanParams> {

    public static final String ID = "item-mean";
    static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.real("damping", "Damping β", "Pseudo-ratings at the global mean added to every item's"
                    + " ratings (0 = the plain mean)", 0, 100, 0, 1));

    /** @param damping β ≥ 0 */
    public record ItemMeanParams(double damping) implements Params {
        public ItemMeanParams {
            if (!(damping >= 0) || Double.isInfinite(damping)) {
                throw new InvalidInputException("Invalid damping: β must be a number ≥ 0; got " + damping);
            }
        }
    }

    public ItemMeanAlgorithm() {
        super(ID, Family.BASELINE, "Item mean: predicts and ranks by the item's average rating, optionally damped"
                + " towards the global mean μ (μ without ratings)", PARAMS);
    }

    @Override
    public ItemMeanParams bind(ParamValues values) {
        return new ItemMeanParams(values.getDouble("damping"));
    }

    @Override
    public Model fit(Dataset train, ItemMeanParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix r = train.ratings();
        double[] sums = new double[train.itemCount()];
        double total = 0;
        for (int i = 0; i < sums.length; i++) {
            double s = 0;
            for (int p = r.colStart(i), end = p + r.colLength(i); p < end; p++) {
                s += r.colValue(p);
            }
            sums[i] = s;
            total += s;
        }
        return new ItemMeanModel(train, values(params), params.damping(), sums, total, r.size());
    }

    private static final class ItemMeanModel extends BaseModel {

        private final double damping;
        private final double[] sums;
        private final double total;
        private final int count;
        private final double[] means;

        ItemMeanModel(Dataset dataset, ParamValues params, double damping, double[] sums, double total, int count) {
            super(dataset, ID, params);
            this.damping = damping;
            this.sums = sums;
            this.total = total;
            this.count = count;
            this.means = new double[sums.length];
            for (int i = 0; i < means.length; i++) {
                means[i] = mean(i, Derivation.Builder.NONE);
            }
        }

        /** (Σ r_ui + β μ) / (|U_i| + β); μ for an item without ratings; NaN when nobody rated anything. */
        private double mean(int item, Derivation.Builder d) {
            int n = dataset().ratings().colLength(item);
            double mu = count == 0 ? Double.NaN : total / count;
            if (n == 0 || damping > 0) {
                d.step(Words.phrase("bias.globalMean"), "\\mu = \\frac{1}{|R|} \\sum_{(u,i) \\in R} r_{ui}",
                        "\\frac{" + Latex.num(total) + "}{" + count + "}", mu);
            }
            if (n == 0) {
                return d.step(Words.phrase("base.itemNoRatings"), "\\hat{r}_{ui} = \\mu", Latex.num(mu), mu);
            }
            if (damping == 0) {
                return d.step(Words.phrase("base.itemMean"), "\\bar{r}_i = \\frac{1}{|U_i|} \\sum_{u \\in U_i} r_{ui}",
                        "\\frac{" + Latex.num(sums[item]) + "}{" + n + "}", sums[item] / n);
            }
            return d.step(Words.phrase("base.itemMeanDamped"),
                    "\\bar{r}_i = \\frac{\\sum_{u \\in U_i} r_{ui} + \\beta \\mu}{|U_i| + \\beta}",
                    "\\frac{" + Latex.num(sums[item]) + " + " + Latex.num(damping) + " \\cdot " + Latex.num(mu)
                            + "}{" + n + " + " + Latex.num(damping) + "}", (sums[item] + damping * mu) / (n + damping));
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            return means.clone();
        }

        @Override
        public double predict(int user, int item) {
            return means[item];
        }

        /** The same means for everybody, new users included. */
        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            return Optional.of(new FoldIn(profile, means.clone(), means.clone()));
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("base.itemMeanTitle"), user, item);
            double value = mean(item, d);
            int n = dataset().ratings().colLength(item);
            Contribution because = n > 0
                    ? new Contribution(Reasons.ITEM_MEAN, itemId(item), itemLabel(item),
                    Contribution.ordered("mean", value, "ratings", n, "damping", damping), value)
                    : new Contribution(Reasons.GLOBAL_MEAN, "mu", "global mean μ (the item has no ratings)",
                    Contribution.ordered("value", value), value);
            return explanation(user, item, value, value, List.of(because), d.build());
        }
    }
}
