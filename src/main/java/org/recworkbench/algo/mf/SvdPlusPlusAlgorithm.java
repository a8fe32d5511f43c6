package org.recworkbench.algo.mf;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.EarlyStop;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.algo.TrainingObserver;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * SVD++ (Koren 2008): r̂_ui = μ + b_u + b_i + q_i · (p_u + |N(u)|^{−½} Σ_{j∈N(u)} y_j), N(u) the items u rated, so
 * what a user rated (not only how) shapes their vector. SGD as Koren's: for e = r − r̂, b_u += η(e − λ_b b_u),
 * b_i += η(e − λ_b b_i), p_u += η(e q_i − λ p_u), q_i += η(e (p_u + z_u) − λ q_i), and every y_j, j ∈ N(u), moves by
 * η(e |N(u)|^{−½} q_i − λ y_j). Each epoch visits the users in a seeded random order and each user's ratings in a
 * seeded random order; the implicit sum z_u = |N(u)|^{−½} Σ y_j is computed when the user's turn starts and the y_j
 * receive the user's summed gradient when it ends (y_j ← (1 − ηλ)^{|N(u)|} y_j + η Σ e |N(u)|^{−½} q_i: the same
 * steps with the y_j held for the user's turn), which makes an epoch O(|R| k) instead of O(Σ_u |N(u)|² k). The loss
 * of an epoch is the RMSE of the errors seen during it.
 */
public final class SvdPlusPlusAlgorithm extends AbstractAlgorithm<SvdPlusPlusAlgorithm.SvdPlusPlusParams>
        implements org.recworkbench.algo.Restorable {

    public static final String ID = "svdpp";

    public record SvdPlusPlusParams(int factors, int epochs, double learningRate, double regBias, double regFactors,
                                    double initStd, int earlyStop, int seed) implements Params {
        public SvdPlusPlusParams {
            if (factors < 1 || epochs < 1 || !(learningRate > 0) || regBias < 0 || regFactors < 0 || initStd < 0
                    || earlyStop < 0) {
                throw new InvalidInputException("Invalid svdpp parameters: factors and epochs ≥ 1, learning rate > 0,"
                        + " regularisation, init std and early-stop ≥ 0");
            }
        }
    }

    static final int DEFAULT_FACTORS = 20;
    static final int DEFAULT_EPOCHS = 20;
    static final double DEFAULT_LEARNING_RATE = 0.01;
    static final double DEFAULT_REG_BIAS = 0.005;
    static final double DEFAULT_REG_FACTORS = 0.05;

    public SvdPlusPlusAlgorithm() {
        super(ID, Family.MATRIX_FACTORISATION,
                "SVD++: μ + b_u + b_i + q_i·(p_u + |N(u)|^-½ Σ y_j) by SGD (Koren 2008); loss = training RMSE per epoch",
                List.of(ParamSpec.integer("factors", "Factors", "Length of p_u, q_i and y_j", 1, 500, DEFAULT_FACTORS),
                        ParamSpec.integer("epochs", "Epochs", "Passes over the ratings", 1, 500, DEFAULT_EPOCHS),
                        ParamSpec.real("learning-rate", "Learning rate η", "SGD step size", 0.0001, 1,
                                DEFAULT_LEARNING_RATE, 0.0001).withLogScale(),
                        ParamSpec.real("reg-bias", "λ biases", "L2 regularisation of b_u and b_i at every update", 0,
                                10, DEFAULT_REG_BIAS, 0.001),
                        ParamSpec.real("reg-factors", "λ factors", "L2 regularisation of p_u, q_i and y_j", 0, 1,
                                DEFAULT_REG_FACTORS, 0.001),
                        ParamSpec.real("init-std", "Init std", "Standard deviation of the initial factors", 0, 1, 0.1,
                                0.01),
                        EarlyStop.param("0 = every epoch; N = hold out 10 % of the training ratings and stop"
                                + " after N epochs without a lower RMSE on them, keeping the best epoch"),
                        ParamSpec.integer("seed", "Seed", "Random seed (initial factors, visiting order)", 0,
                                Integer.MAX_VALUE, 42)));
    }

    @Override
    public SvdPlusPlusParams bind(ParamValues v) {
        return new SvdPlusPlusParams(v.getInt("factors"), v.getInt("epochs"), v.getDouble("learning-rate"),
                v.getDouble("reg-bias"), v.getDouble("reg-factors"), v.getDouble("init-std"), v.getInt("early-stop"),
                v.getInt("seed"));
    }

    /** The learned parameters; the trainer changes them in place. */
    record State(double[] bu, double[] bi, Factors p, Factors q, Factors y) {
        State copy() {
            return new State(bu.clone(), bi.clone(), p.copy(), q.copy(), y.copy());
        }
    }

    @Override
    public Model fit(Dataset train, SvdPlusPlusParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix all = train.ratings();
        EarlyStop.HoldOut holdOut = EarlyStop.holdOut(all.size(), params.earlyStop(), params.seed());
        RatingMatrix r = holdOut.trainedPart(all);
        int[] watched = holdOut.watched().clone();
        Arrays.sort(watched);
        double mu = 0;
        for (int t = 0; t < r.size(); t++) {
            mu += r.rowValue(t);
        }
        mu = r.size() == 0 ? 0 : mu / r.size();
        int k = params.factors();
        SplittableRandom random = new SplittableRandom(params.seed());
        State s = new State(new double[train.userCount()], new double[train.itemCount()],
                Factors.gaussian(train.userCount(), k, params.initStd(), random),
                Factors.gaussian(train.itemCount(), k, params.initStd(), random),
                Factors.gaussian(train.itemCount(), k, params.initStd(), random));
        int[] userOrder = new int[train.userCount()];
        Arrays.setAll(userOrder, u -> u);
        int[] positions = new int[Math.max(1, maxRow(r))];
        double[] z = new double[k];
        double[] gradient = new double[k];
        double[] losses = new double[params.epochs()];
        EarlyStop.Patience<State> patience = EarlyStop.Patience.lowerIsBetter(params.earlyStop());
        int run = 0;
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            cancellation.throwIfCancelled();
            BiasedMfAlgorithm.shuffle(userOrder, random);
            double squared = 0;
            for (int u : userOrder) {
                int n = r.rowLength(u);
                if (n == 0) {
                    continue;
                }
                int start = r.rowStart(u);
                for (int t = 0; t < n; t++) {
                    positions[t] = start + t;
                }
                shuffle(positions, n, random);
                implicitSum(r, u, s.y(), z);
                Arrays.fill(gradient, 0);
                double norm = 1 / Math.sqrt(n);
                for (int t = 0; t < n; t++) {
                    int p = positions[t];
                    squared += step(u, r.rowItem(p), r.rowValue(p), mu, s, z, norm, gradient, params);
                }
                // the y_j of the user's items: n decays by λ and the summed gradient
                double decay = Math.pow(1 - params.learningRate() * params.regFactors(), n);
                double[] y = s.y().values;
                for (int t = start; t < start + n; t++) {
                    int o = r.rowItem(t) * k;
                    for (int f = 0; f < k; f++) {
                        y[o + f] = decay * y[o + f] + params.learningRate() * gradient[f];
                    }
                }
            }
            losses[epoch] = Math.sqrt(squared / Math.max(1, r.size()));
            if (!Double.isFinite(losses[epoch])) {
                throw new InvalidInputException("svdpp diverged in epoch " + (epoch + 1) + ": lower learning-rate or"
                        + " raise the regularisation");
            }
            run = epoch + 1;
            progress.epoch(ID, epoch + 1, params.epochs(), losses[epoch]);
            int done = epoch + 1;
            double mean = mu;
            TrainingObserver.notify(progress, done, losses[epoch], () -> model(train, params, mean, s, r,
                    Arrays.copyOf(losses, done)));
            if (holdOut.active() && patience.stopAfter(epoch, watchedRmse(all, watched, mean, s, r),
                    s::copy)) {
                break;
            }
        }
        double mean = mu;
        return patience.finish(progress, ID, "epoch", run, "RMSE", s, losses,
                (state, curve) -> model(train, params, mean, state, r, curve));
    }

    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        SvdPlusPlusParams params = bind(values);
        int k = params.factors();
        int users = dataset.userCount();
        int items = dataset.itemCount();
        State s = new State(state.doubles("user-biases", users), state.doubles("item-biases", items),
                FactorModel.userFactors(state, dataset, k), FactorModel.itemFactors(state, dataset, k),
                Factors.restore(state, "implicit-factors", items, k));
        // the implicit sums and counts are over the ratings trained on, which early stop makes a subset of the data
        Factors implicit = Factors.restore(state, "implicit-sums", users, k);
        int[] counts = state.ints("rated-counts", users);
        for (int u = 0; u < users; u++) {
            if (counts[u] < 0 || counts[u] > dataset.ratings().rowLength(u)) {
                throw new InvalidInputException("the model state's array \"rated-counts\" holds " + counts[u]
                        + " for a user with " + dataset.ratings().rowLength(u) + " ratings");
            }
        }
        return new SvdPlusPlusModel(dataset, values, params, state.singleDouble("global-mean"), s, implicit, counts,
                state.doubles("losses", -1));
    }

    private SvdPlusPlusModel model(Dataset train, SvdPlusPlusParams params, double mu, State s, RatingMatrix r,
                                   double[] losses) {
        return new SvdPlusPlusModel(train, values(params), params, mu, s, r, losses);
    }

    private static int maxRow(RatingMatrix r) {
        int max = 0;
        for (int u = 0; u < r.userCount(); u++) {
            max = Math.max(max, r.rowLength(u));
        }
        return max;
    }

    private static void shuffle(int[] a, int n, SplittableRandom random) {
        for (int t = n - 1; t > 0; t--) {
            int j = random.nextInt(t + 1);
            int x = a[t];
            a[t] = a[j];
            a[j] = x;
        }
    }

    /** z = |N(u)|^{−½} Σ_{j∈N(u)} y_j over the user's rated items in r (0 when none). */
    static void implicitSum(RatingMatrix r, int u, Factors y, double[] z) {
        int k = y.k;
        Arrays.fill(z, 0);
        int n = r.rowLength(u);
        for (int t = r.rowStart(u); t < r.rowStart(u) + n; t++) {
            int o = r.rowItem(t) * k;
            for (int f = 0; f < k; f++) {
                z[f] += y.values[o + f];
            }
        }
        double norm = n == 0 ? 0 : 1 / Math.sqrt(n);
        for (int f = 0; f < k; f++) {
            z[f] *= norm;
        }
    }

    /** One SGD update on (u, i, r) with the user's implicit sum z fixed; adds y's gradient; returns e². */
    static double step(int u, int i, double rating, double mu, State s, double[] z, double norm,
                               double[] gradient, SvdPlusPlusParams params) {
        int k = s.p().k;
        double[] p = s.p().values;
        double[] q = s.q().values;
        int a = u * k;
        int b = i * k;
        double dot = 0;
        for (int f = 0; f < k; f++) {
            dot += q[b + f] * (p[a + f] + z[f]);
        }
        double e = rating - (mu + s.bu()[u] + s.bi()[i] + dot);
        double lr = params.learningRate();
        double lb = params.regBias();
        double lf = params.regFactors();
        s.bu()[u] += lr * (e - lb * s.bu()[u]);
        s.bi()[i] += lr * (e - lb * s.bi()[i]);
        for (int f = 0; f < k; f++) {
            double pf = p[a + f];
            double qf = q[b + f];
            gradient[f] += e * norm * qf;
            p[a + f] = pf + lr * (e * qf - lf * pf);
            q[b + f] = qf + lr * (e * (pf + z[f]) - lf * qf);
        }
        return e * e;
    }

    private static double watchedRmse(RatingMatrix all, int[] watched, double mu, State s, RatingMatrix trained) {
        if (watched.length == 0) {
            return Double.NaN;
        }
        int k = s.p().k;
        double[] z = new double[k];
        double squared = 0;
        int u = 0;
        int current = -1;
        for (int t : watched) {
            while (t >= all.rowStart(u) + all.rowLength(u)) {
                u++;
            }
            if (u != current) {
                implicitSum(trained, u, s.y(), z);
                current = u;
            }
            int i = all.rowItem(t);
            double dot = 0;
            for (int f = 0; f < k; f++) {
                dot += s.q().values[i * k + f] * (s.p().values[u * k + f] + z[f]);
            }
            double e = all.rowValue(t) - (mu + s.bu()[u] + s.bi()[i] + dot);
            squared += e * e;
        }
        return Math.sqrt(squared / watched.length);
    }

    private static final class SvdPlusPlusModel extends FactorModel implements org.recworkbench.algo.Persistable {

        private final SvdPlusPlusParams params;
        private final double mu;
        private final double[] bu;
        private final double[] bi;
        private final Factors p;
        private final Factors y;
        /** |N(u)|^{−½} Σ_{j∈N(u)} y_j per user. */
        private final Factors implicit;
        /** |N(u)| per user. */
        private final int[] counts;

        SvdPlusPlusModel(Dataset dataset, ParamValues values, SvdPlusPlusParams params, double mu, State s,
                         RatingMatrix trained, double[] losses) {
            this(dataset, values, params, mu, s, implicitSums(s, trained), rowLengths(trained), losses);
        }

        /** |N(u)|^{−½} Σ_{j∈N(u)} y_j per user, over the ratings the model was trained on. */
        private static Factors implicitSums(State s, RatingMatrix trained) {
            int k = s.p().k;
            Factors implicit = new Factors(s.p().rows, k);
            double[] z = new double[k];
            for (int u = 0; u < implicit.rows; u++) {
                implicitSum(trained, u, s.y(), z);
                System.arraycopy(z, 0, implicit.values, u * k, k);
            }
            return implicit;
        }

        private static int[] rowLengths(RatingMatrix trained) {
            int[] counts = new int[trained.userCount()];
            for (int u = 0; u < counts.length; u++) {
                counts[u] = trained.rowLength(u);
            }
            return counts;
        }

        /** A model from the implicit sums z_u (fitted or stored): the users' vectors are p_u + z_u. */
        SvdPlusPlusModel(Dataset dataset, ParamValues values, SvdPlusPlusParams params, double mu, State s,
                         Factors implicit, int[] counts, double[] losses) {
            super(dataset, ID, values, sum(s.p(), implicit), s.q(), losses);
            this.params = params;
            this.mu = mu;
            this.bu = s.bu();
            this.bi = s.bi();
            this.p = s.p();
            this.y = s.y();
            this.implicit = implicit;
            this.counts = counts;
        }

        @Override
        public org.recworkbench.algo.ModelState state() {
            return new org.recworkbench.algo.ModelState().putDoubles("user-factors", p.values)
                    .putDoubles("item-factors", items.values).putDoubles("losses", lossCurve())
                    .putDouble("global-mean", mu).putDoubles("user-biases", bu).putDoubles("item-biases", bi)
                    .putDoubles("implicit-factors", y.values).putDoubles("implicit-sums", implicit.values)
                    .putInts("rated-counts", counts);
        }

        private static Factors sum(Factors p, Factors implicit) {
            Factors c = p.copy();
            for (int n = 0; n < c.values.length; n++) {
                c.values[n] += implicit.values[n];
            }
            return c;
        }

        @Override
        protected double score(int user, int item) {
            return mu + bu[user] + bi[item] + users.dot(user, items, item);
        }

        @Override
        public double predict(int user, int item) {
            return score(user, item);
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            int k = p.k;
            Derivation.Builder d = derivation(Words.t("svdpp.title"), user, item);
            d.step(Words.phrase("bias.globalMean"), "\\mu", Latex.num(mu), mu);
            d.step(Words.phrase("mf.userBias"), "b_u", Latex.num(bu[user]), bu[user]);
            d.step(Words.phrase("mf.itemBias"), "b_i", Latex.num(bi[item]), bi[item]);
            int n = counts[user];
            double[] z = implicit.row(user);
            d.step(Words.phrase("svdpp.rated"), "|N(u)|", Integer.toString(n), n);
            d.step(Words.phrase("svdpp.implicit"), "z_u = |N(u)|^{-1/2} \\sum_{j \\in N(u)} y_j",
                    (n == 0 ? "0" : "\\frac{1}{\\sqrt{" + n + "}} \\sum_j y_j") + " = (" + vector(z) + ")", Double.NaN);
            d.step(Words.phrase("svdpp.explicit"), "p_u", "(" + vector(p.row(user)) + ")", Double.NaN);
            double[] combined = users.row(user);
            d.step(Words.phrase("svdpp.userVector"), "p_u + z_u", "(" + vector(combined) + ")", Double.NaN);
            List<Contribution> parts = new ArrayList<>();
            LatentExplanation.biases(mu, bu[user], bi[item], parts);
            double[] q = items.row(item);
            double dot = LatentExplanation.dot(combined, q, "(p_u + z_u)", "q_i", d, parts);
            double implicitShare = 0;
            for (int f = 0; f < k; f++) {
                implicitShare += z[f] * q[f];
            }
            d.step(Words.phrase("svdpp.fromRated"), "q_i \\cdot z_u", Latex.sum(k, f -> Latex.num(q[f])
                    + " \\cdot " + Latex.term(z[f])), implicitShare);
            double value = d.step(Words.phrase("knn.prediction"), "\\hat{r}_{ui} = \\mu + b_u + b_i + q_i \\cdot (p_u + z_u)",
                    Latex.num(mu) + " + " + Latex.term(bu[user]) + " + " + Latex.term(bi[item]) + " + "
                            + Latex.term(dot), mu + bu[user] + bi[item] + dot);
            return explanation(user, item, value, value, parts, d.build());
        }

        private static String vector(double[] v) {
            return Latex.list(v.length, f -> Latex.num(v[f]));
        }

        /**
         * SGD on the new user's b_u and p_u only, with μ, b_i, q_i and y_j fixed and z from the profile's items, for
         * the training's epochs from the training's seed.
         */
        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            int k = p.k;
            int n = profile.size();
            double[] z = new double[k];
            for (int t = 0; t < n; t++) {
                int o = profile.items()[t] * k;
                for (int f = 0; f < k; f++) {
                    z[f] += y.values[o + f];
                }
            }
            for (int f = 0; f < k && n > 0; f++) {
                z[f] /= Math.sqrt(n);
            }
            SplittableRandom random = new SplittableRandom(params.seed());
            double[] pu = new double[k];
            for (int f = 0; f < k; f++) {
                pu[f] = params.initStd() * random.nextGaussian();
            }
            double b = 0;
            int[] order = new int[n];
            Arrays.setAll(order, t -> t);
            double lr = params.learningRate();
            double[] q = items.values;
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                shuffle(order, n, random);
                for (int t : order) {
                    int i = profile.items()[t];
                    double dot = 0;
                    for (int f = 0; f < k; f++) {
                        dot += q[i * k + f] * (pu[f] + z[f]);
                    }
                    double e = profile.values()[t] - (mu + b + bi[i] + dot);
                    b += lr * (e - params.regBias() * b);
                    for (int f = 0; f < k; f++) {
                        pu[f] += lr * (e * q[i * k + f] - params.regFactors() * pu[f]);
                    }
                }
            }
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                double dot = 0;
                for (int f = 0; f < k; f++) {
                    dot += q[i * k + f] * (pu[f] + z[f]);
                }
                scores[i] = mu + b + bi[i] + dot;
            }
            return Optional.of(new FoldIn(profile, scores, scores.clone()));
        }
    }
}
