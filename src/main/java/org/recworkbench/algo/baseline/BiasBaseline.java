package org.recworkbench.algo.baseline;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/**
 * The damped bias baseline b_ui = μ + b_u + b_i (Koren 2010, §2.1): item biases first,
 * b_i = Σ_u (r_ui − μ) / (λ_i + |U_i|), then user biases on what is left, b_u = Σ_i (r_ui − μ − b_i) / (λ_u + |I_u|).
 * Used on its own ({@code bias}) and as the normalisation of the kNN models.
 */
public final class BiasBaseline {

    private final Dataset dataset;
    private final double lambdaUser;
    private final double lambdaItem;
    private final double mu;
    private final double[] userBias;
    private final double[] itemBias;

    private BiasBaseline(Dataset dataset, double lambdaUser, double lambdaItem, double mu, double[] userBias,
                         double[] itemBias) {
        this.dataset = dataset;
        this.lambdaUser = lambdaUser;
        this.lambdaItem = lambdaItem;
        this.mu = mu;
        this.userBias = userBias;
        this.itemBias = itemBias;
    }

    public static BiasBaseline fit(Dataset dataset, double lambdaUser, double lambdaItem) {
        RatingMatrix r = dataset.ratings();
        double sum = 0;
        for (int p = 0; p < r.size(); p++) {
            sum += r.rowValue(p);
        }
        double mu = r.size() == 0 ? 0 : sum / r.size();
        double[] bi = new double[dataset.itemCount()];
        for (int i = 0; i < bi.length; i++) {
            double s = 0;
            for (int p = r.colStart(i), end = p + r.colLength(i); p < end; p++) {
                s += r.colValue(p) - mu;
            }
            bi[i] = s / (lambdaItem + r.colLength(i));
            bi[i] = Double.isNaN(bi[i]) ? 0 : bi[i];
        }
        double[] bu = new double[dataset.userCount()];
        for (int u = 0; u < bu.length; u++) {
            double s = 0;
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                s += r.rowValue(p) - mu - bi[r.rowItem(p)];
            }
            bu[u] = s / (lambdaUser + r.rowLength(u));
            bu[u] = Double.isNaN(bu[u]) ? 0 : bu[u];
        }
        return new BiasBaseline(dataset, lambdaUser, lambdaItem, mu, bu, bi);
    }

    /** The baseline with these fitted numbers (a model file's state); the arrays are kept, not copied. */
    public static BiasBaseline of(Dataset dataset, double lambdaUser, double lambdaItem, double mu, double[] userBias,
                                  double[] itemBias) {
        return new BiasBaseline(dataset, lambdaUser, lambdaItem, mu, userBias, itemBias);
    }

    public double mu() {
        return mu;
    }

    public double userBias(int user) {
        return userBias[user];
    }

    public double itemBias(int item) {
        return itemBias[item];
    }

    /** b_u of a new user from their ratings, with the fitted μ and item biases: Σ (r − μ − b_i) / (λ_u + n). */
    public double userBias(org.recworkbench.algo.UserProfile profile) {
        double s = 0;
        for (int t = 0; t < profile.size(); t++) {
            s += profile.values()[t] - mu - itemBias[profile.items()[t]];
        }
        return s / (lambdaUser + profile.size());
    }

    public double predict(int user, int item) {
        return mu + userBias[user] + itemBias[item];
    }

    /** Records how μ, b_i, b_u and b_ui come about for one pair, and returns b_ui. */
    public double explain(int user, int item, Derivation.Builder d) {
        RatingMatrix r = dataset.ratings();
        String u = dataset.users().id(user);
        String i = dataset.items().id(item);
        d.step(Words.phrase("bias.globalMean"), "\\mu = \\frac{1}{|R|} \\sum r_{ui}", "\\mu \\text{ over } " + r.size()
                + " \\text{ values}", mu);
        int ni = r.colLength(item);
        double si = itemBias[item] * (lambdaItem + ni);
        d.step(Words.phrase("bias.itemBias", i), "b_i = \\frac{\\sum_{u \\in U_i} (r_{ui} - \\mu)}{\\lambda_i + |U_i|}",
                "\\frac{" + Latex.sum(ni, k -> "(" + Latex.num(r.colValue(r.colStart(item) + k)) + " - "
                        + Latex.num(mu) + ")") + "}{" + Latex.num(lambdaItem) + " + " + ni + "} = \\frac{"
                        + Latex.num(si) + "}{" + Latex.num(lambdaItem + ni) + "}", itemBias[item]);
        int nu = r.rowLength(user);
        double su = userBias[user] * (lambdaUser + nu);
        d.step(Words.phrase("bias.userBias", u), "b_u = \\frac{\\sum_{i \\in I_u} (r_{ui} - \\mu - b_i)}{\\lambda_u + |I_u|}",
                "\\frac{" + Latex.sum(nu, k -> {
                    int p = r.rowStart(user) + k;
                    return "(" + Latex.num(r.rowValue(p)) + " - " + Latex.num(mu) + " - "
                            + Latex.term(itemBias[r.rowItem(p)]) + ")";
                }) + "}{" + Latex.num(lambdaUser) + " + " + nu + "} = \\frac{" + Latex.num(su) + "}{"
                        + Latex.num(lambdaUser + nu) + "}", userBias[user]);
        return d.step(Words.phrase("bias.baseline"), "b_{ui} = \\mu + b_u + b_i", Latex.num(mu) + " + " + Latex.term(userBias[user])
                + " + " + Latex.term(itemBias[item]), predict(user, item));
    }
}
