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
import org.recworkbench.algo.SgdExplainable;
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
 * Biased matrix factorisation by stochastic gradient descent (Funk 2006; Koren, Bell, Volinsky 2009):
 * r̂_ui = μ + b_u + b_i + p_u · q_i. Each epoch visits the ratings in a seeded random order and, for
 * e = r − r̂, moves b_u += η(e − λ_u b_u), b_i += η(e − λ_i b_i), p_u += η(e q_i − λ_f p_u),
 * q_i += η(e p_u − λ_f q_i). The loss of an epoch is the RMSE of the errors seen during it.
 * <p>
 * Bias regularisation ({@link BiasReg}): with {@code per-rating} (Funk, Surprise) λ_u = λ_i = λ_b at every update, so
 * over an epoch a bias is penalised n times — a user with 500 ratings is pulled towards 0 as hard, relative to its
 * data, as one with 5, and raising λ_b to tame rare items' biases flattens everyone's. With {@code damped} (the
 * default) λ_u = λ_b / |I_u| and λ_i = λ_b / |U_i|: the penalty per epoch is λ_b b² whatever the count, the objective
 * Σ e² + λ_b (Σ_u b_u² + Σ_i b_i²) + λ_f Σ n (‖p‖² + ‖q‖²), so λ_b counts as pseudo-ratings at 0 like the damped
 * baseline's λ — rare items' and users' biases shrink, frequent ones' hardly.
 */
public final class BiasedMfAlgorithm extends AbstractAlgorithm<BiasedMfAlgorithm.BiasedMfParams>
        implements org.recworkbench.algo.Restorable {

    public static final String ID = "biased-mf";

    /** How λ_b applies to the biases: at every update, or spread over each user's and item's ratings. */
    public enum BiasReg {
        PER_RATING, DAMPED
    }

    /**
     * @param earlyStop 0: run every epoch; N &gt; 0: hold out {@link #EARLY_STOP_SHARE} of the training ratings, stop
     *                  after N epochs without a lower RMSE on them, and keep the factors of the best epoch
     */
    public record BiasedMfParams(int factors, int epochs, double learningRate, double regBias, double regFactors,
                                 double initStd, BiasReg biasReg, int earlyStop, int seed) implements Params {
        public BiasedMfParams {
            if (factors < 1 || epochs < 1 || !(learningRate > 0) || regBias < 0 || regFactors < 0 || initStd < 0
                    || earlyStop < 0) {
                throw new InvalidInputException("Invalid biased-mf parameters: factors and epochs ≥ 1, learning"
                        + " rate > 0, regularisation, init std and early-stop ≥ 0");
            }
            java.util.Objects.requireNonNull(biasReg, "biasReg");
        }

        /** No early stop (the record as it was before {@code early-stop}). */
        public BiasedMfParams(int factors, int epochs, double learningRate, double regBias, double regFactors,
                              double initStd, BiasReg biasReg, int seed) {
            this(factors, epochs, learningRate, regBias, regFactors, initStd, biasReg, 0, seed);
        }

        /** Per-rating bias regularisation, no early stop (the record as it was before {@code bias-reg}). */
        public BiasedMfParams(int factors, int epochs, double learningRate, double regBias, double regFactors,
                              double initStd, int seed) {
            this(factors, epochs, learningRate, regBias, regFactors, initStd, BiasReg.PER_RATING, 0, seed);
        }

        /** The coefficient λ applied to a bias at each of its updates, for a user or item with n ratings. */
        double biasCoefficient(int n) {
            return biasReg == BiasReg.PER_RATING ? regBias : regBias / Math.max(1, n);
        }
    }

    static final int DEFAULT_FACTORS = 100;
    static final int DEFAULT_EPOCHS = 30;
    static final double DEFAULT_LEARNING_RATE = 0.01;
    static final double DEFAULT_REG_BIAS = 5;
    static final double DEFAULT_REG_FACTORS = 0.07;

    public BiasedMfAlgorithm() {
        super(ID, Family.MATRIX_FACTORISATION,
                "Biased MF by SGD: μ + b_u + b_i + p_u·q_i (Funk/Koren); loss = training RMSE per epoch",
                List.of(ParamSpec.integer("factors", "Factors", "Length of the user and item vectors", 1, 500,
                                DEFAULT_FACTORS),
                        ParamSpec.integer("epochs", "Epochs", "Passes over the ratings", 1, 500, DEFAULT_EPOCHS),
                        ParamSpec.real("learning-rate", "Learning rate η", "SGD step size", 0.0001, 1,
                                DEFAULT_LEARNING_RATE, 0.0001).withLogScale(),
                        ParamSpec.real("reg-bias", "λ biases", "L2 regularisation of b_u and b_i (damped: in"
                                + " pseudo-ratings, per user and item; per-rating: at every update)", 0, 100,
                                DEFAULT_REG_BIAS, 0.001),
                        ParamSpec.choice("bias-reg", "Bias regularisation", "damped: λ_b / n per update, like the"
                                + " bias baseline; per-rating: λ_b at every update (Funk, Surprise)",
                                List.of("damped", "per-rating"), "damped"),
                        ParamSpec.real("reg-factors", "λ factors", "L2 regularisation of p_u and q_i", 0, 1,
                                DEFAULT_REG_FACTORS, 0.001),
                        ParamSpec.real("init-std", "Init std", "Standard deviation of the initial factors", 0, 1, 0.1,
                                0.01),
                        EarlyStop.param("0 = every epoch; N = hold out 10 % of the training ratings and stop"
                                + " after N epochs without a lower RMSE on them, keeping the best epoch"),
                        ParamSpec.integer("seed", "Seed", "Random seed (initial factors, rating order)", 0,
                                Integer.MAX_VALUE, 42)));
    }

    /** The share of the training ratings an early stop holds out to watch. */
    public static final double EARLY_STOP_SHARE = EarlyStop.SHARE;

    @Override
    public BiasedMfParams bind(ParamValues v) {
        return new BiasedMfParams(v.getInt("factors"), v.getInt("epochs"), v.getDouble("learning-rate"),
                v.getDouble("reg-bias"), v.getDouble("reg-factors"), v.getDouble("init-std"),
                BiasReg.valueOf(v.getChoice("bias-reg").toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                v.getInt("early-stop"), v.getInt("seed"));
    }

    /** SGD blew up: say so, with what to change, rather than hand back a model that scores NaN everywhere. */
    static InvalidInputException diverged(int epoch, BiasedMfParams params, RatingMatrix r) {
        double largest = 0;
        for (int p = 0; p < r.size(); p++) {
            largest = Math.max(largest, Math.abs(r.rowValue(p)));
        }
        return new InvalidInputException(String.format(java.util.Locale.ROOT, "biased-mf diverged in epoch %d "
                + "(the training error became infinite): learning rate %s is too high for values up to %s. Lower "
                + "learning-rate, raise the regularisation, or for counts use an implicit model (implicit-als, bpr, "
                + "ease)", epoch, org.recworkbench.explain.Latex.num(params.learningRate()),
                org.recworkbench.explain.Latex.num(largest)));
    }

    @Override
    public Model fit(Dataset train, BiasedMfParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix r = train.ratings();
        int n = r.size();
        int[] users = new int[n];
        for (int u = 0; u < train.userCount(); u++) {
            Arrays.fill(users, r.rowStart(u), r.rowStart(u) + r.rowLength(u), u);
        }
        double mu = 0;
        for (int p = 0; p < n; p++) {
            mu += r.rowValue(p);
        }
        mu = n == 0 ? 0 : mu / n;
        SplittableRandom random = new SplittableRandom(params.seed());
        int k = params.factors();
        Factors pu = Factors.gaussian(train.userCount(), k, params.initStd(), random);
        Factors qi = Factors.gaussian(train.itemCount(), k, params.initStd(), random);
        double[] bu = new double[train.userCount()];
        double[] bi = new double[train.itemCount()];
        // early stop: a seeded tenth of the ratings is watched, never trained on
        EarlyStop.HoldOut holdOut = EarlyStop.holdOut(n, params.earlyStop(), params.seed());
        int[] watched = holdOut.watched();
        int[] order = holdOut.trained();
        if (holdOut.active()) {
            double trained = 0;
            for (int p : order) {
                trained += r.rowValue(p);
            }
            mu = trained / order.length;
        }
        double[] regU = new double[train.userCount()];
        Arrays.setAll(regU, u -> params.biasCoefficient(r.rowLength(u)));
        double[] regI = new double[train.itemCount()];
        Arrays.setAll(regI, i -> params.biasCoefficient(r.colLength(i)));
        double[] losses = new double[params.epochs()];
        EarlyStop.Patience<Snapshot> patience = EarlyStop.Patience.lowerIsBetter(params.earlyStop());
        int run = 0;
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            cancellation.throwIfCancelled();
            shuffle(order, random);
            double squared = 0;
            for (int p : order) {
                int u = users[p];
                int i = r.rowItem(p);
                squared += step(u, i, r.rowValue(p), mu, bu, bi, pu, qi, params, regU[u], regI[i], true,
                        Derivation.Builder.NONE);
            }
            losses[epoch] = Math.sqrt(squared / Math.max(1, order.length));
            run = epoch + 1;
            if (!Double.isFinite(losses[epoch])) {
                throw diverged(epoch + 1, params, r);
            }
            progress.epoch("biased-mf", epoch + 1, params.epochs(), losses[epoch]);
            double finalMu = mu;
            int done = epoch + 1;
            TrainingObserver.notify(progress, done, losses[epoch], () -> new BiasedMfModel(train, values(params),
                    params, finalMu, bu, bi, pu, qi, Arrays.copyOf(losses, done)));
            if (holdOut.active() && patience.stopAfter(epoch, watchedRmse(watched, users, r, mu, bu, bi, pu, qi),
                    () -> new Snapshot(bu.clone(), bi.clone(), pu.copy(), qi.copy()))) {
                break;
            }
        }
        double mean = mu;
        return patience.finish(progress, "biased-mf", "epoch", run, "RMSE", new Snapshot(bu, bi, pu, qi), losses,
                (s, curve) -> new BiasedMfModel(train, values(params), params, mean, s.bu(), s.bi(), s.pu(), s.qi(),
                        curve));
    }

    /** The factors and biases after one epoch, kept while a later epoch may still do better on the watched part. */
    private record Snapshot(double[] bu, double[] bi, Factors pu, Factors qi) {
    }

    /** RMSE of the current model on the watched ratings. */
    private static double watchedRmse(int[] watched, int[] users, RatingMatrix r, double mu, double[] bu,
                                      double[] bi, Factors pu, Factors qi) {
        double squared = 0;
        for (int p : watched) {
            int u = users[p];
            int i = r.rowItem(p);
            double e = r.rowValue(p) - (mu + bu[u] + bi[i] + pu.dot(u, qi, i));
            squared += e * e;
        }
        return Math.sqrt(squared / watched.length);
    }

    /** One SGD update on (u, i, r) with λ_b on both biases; returns the squared error before the update. */
    static double step(int u, int i, double rating, double mu, double[] bu, double[] bi, Factors pu, Factors qi,
                       BiasedMfParams params, boolean updateItem) {
        return step(u, i, rating, mu, bu, bi, pu, qi, params, updateItem, Derivation.Builder.NONE);
    }

    /**
     * One SGD update on given values instead of a fitted model's (an exercise's round numbers), worked and recorded
     * by the training step itself, with λ_b on both biases at this update (per-rating bias regularisation).
     */
    public static Derivation explainStep(String title, double rating, double mu, double userBias, double itemBias,
                                         double[] userFactors, double[] itemFactors, double learningRate,
                                         double regBias, double regFactors) {
        if (userFactors.length != itemFactors.length || userFactors.length == 0) {
            throw new InvalidInputException("p_u and q_i need the same, non-zero length");
        }
        int k = userFactors.length;
        BiasedMfParams params = new BiasedMfParams(k, 1, learningRate, regBias, regFactors, 0, 0);
        Factors p = new Factors(1, k);
        System.arraycopy(userFactors, 0, p.values, 0, k);
        Factors q = new Factors(1, k);
        System.arraycopy(itemFactors, 0, q.values, 0, k);
        Derivation.Builder d = Derivation.builder(title);
        step(0, 0, rating, mu, new double[] {userBias}, new double[] {itemBias}, p, q, params, regBias, regBias, true,
                d);
        return d.build();
    }

    /** One SGD update with λ_b on both biases, recording it when asked. */
    static double step(int u, int i, double rating, double mu, double[] bu, double[] bi, Factors pu, Factors qi,
                       BiasedMfParams params, boolean updateItem, Derivation.Builder trace) {
        return step(u, i, rating, mu, bu, bi, pu, qi, params, params.regBias(), params.regBias(), updateItem,
                trace);
    }

    /**
     * One SGD update on (u, i, r), recording the error, the gradients and the new values when asked: training and
     * the Formulas view's "one SGD step" run this same code. The loss of one rating is
     * ½e² + ½(λ_u b_u² + λ_i b_i²) + ½λ(‖p_u‖² + ‖q_i‖²), so each parameter moves against its gradient by γ;
     * λ_u and λ_i are the bias coefficients of this user and item ({@link BiasedMfParams#biasCoefficient}).
     */
    static double step(int u, int i, double rating, double mu, double[] bu, double[] bi, Factors pu, Factors qi,
                       BiasedMfParams params, double regU, double regI, boolean updateItem,
                       Derivation.Builder trace) {
        int k = pu.k;
        double[] p = pu.values;
        double[] q = qi.values;
        int a = u * k;
        int b = i * k;
        double dot = 0;
        for (int f = 0; f < k; f++) {
            dot += p[a + f] * q[b + f];
        }
        double e = rating - (mu + bu[u] + bi[i] + dot);
        double lr = params.learningRate();
        double[] oldP = trace.recording() ? pu.row(u) : null;
        double[] oldQ = trace.recording() ? qi.row(i) : null;
        double oldBu = bu[u];
        double oldBi = bi[i];
        bu[u] += lr * (e - regU * bu[u]);
        if (updateItem) {
            bi[i] += lr * (e - regI * bi[i]);
        }
        double reg = params.regFactors();
        for (int f = 0; f < k; f++) {
            double pf = p[a + f];
            double qf = q[b + f];
            p[a + f] = pf + lr * (e * qf - reg * pf);
            if (updateItem) {
                q[b + f] = qf + lr * (e * pf - reg * qf);
            }
        }
        if (trace.recording()) {
            recordStep(trace, rating, mu, oldBu, oldBi, dot, e, params, regU, regI, oldP, oldQ, bu[u], bi[i],
                    pu.row(u), qi.row(i));
        }
        return e * e;
    }

    private static void recordStep(Derivation.Builder d, double rating, double mu, double bu, double bi, double dot,
                                   double e, BiasedMfParams params, double lu, double li, double[] p,
                                   double[] q, double newBu, double newBi, double[] newP, double[] newQ) {
        double lr = params.learningRate();
        double lf = params.regFactors();
        d.step(Words.phrase("sgd.predictionBefore"), "\\hat{r}_{ui} = \\mu + b_u + b_i + p_u \\cdot q_i",
                Latex.num(mu) + " + " + Latex.term(bu) + " + " + Latex.term(bi) + " + " + Latex.term(dot),
                mu + bu + bi + dot);
        d.step(Words.phrase("sgd.error"), "e_{ui} = r_{ui} - \\hat{r}_{ui}", Latex.num(rating) + " - " + Latex.term(mu + bu + bi + dot),
                e);
        boolean damped = params.biasReg() == BiasReg.DAMPED;
        String gu = damped ? "\\frac{\\lambda_b}{|I_u|}" : "\\lambda_b";
        String gi = damped ? "\\frac{\\lambda_b}{|U_i|}" : "\\lambda_b";
        d.step(Words.phrase("sgd.gradientUserBias"), "\\frac{\\partial L}{\\partial b_u} = -e_{ui} + " + gu + " b_u",
                "-" + Latex.term(e) + " + " + Latex.num(lu) + " \\cdot " + Latex.term(bu), -e + lu * bu);
        d.step(Words.phrase("sgd.newUserBias"), "b_u \\leftarrow b_u - \\gamma \\frac{\\partial L}{\\partial b_u}",
                Latex.num(bu) + " - " + Latex.num(lr) + " \\cdot " + Latex.term(-e + lu * bu), newBu);
        d.step(Words.phrase("sgd.gradientItemBias"), "\\frac{\\partial L}{\\partial b_i} = -e_{ui} + " + gi + " b_i",
                "-" + Latex.term(e) + " + " + Latex.num(li) + " \\cdot " + Latex.term(bi), -e + li * bi);
        d.step(Words.phrase("sgd.newItemBias"), "b_i \\leftarrow b_i - \\gamma \\frac{\\partial L}{\\partial b_i}",
                Latex.num(bi) + " - " + Latex.num(lr) + " \\cdot " + Latex.term(-e + li * bi), newBi);
        double[] gradP = new double[p.length];
        double[] gradQ = new double[q.length];
        for (int f = 0; f < p.length; f++) {
            gradP[f] = -e * q[f] + lf * p[f];
            gradQ[f] = -e * p[f] + lf * q[f];
        }
        d.step(Words.phrase("sgd.gradientUserFactors"), "\\frac{\\partial L}{\\partial p_u} = -e_{ui} \\, q_i + \\lambda p_u",
                "(" + vector(gradP) + ")", Double.NaN);
        d.step(Words.phrase("sgd.newUserFactors"), "p_u \\leftarrow p_u - \\gamma \\frac{\\partial L}{\\partial p_u}",
                "(" + vector(newP) + ")", Double.NaN);
        d.step(Words.phrase("sgd.gradientItemFactors"),
                "\\frac{\\partial L}{\\partial q_i} = -e_{ui} \\, p_u + \\lambda q_i", "(" + vector(gradQ) + ")",
                Double.NaN);
        d.step(Words.phrase("sgd.newItemFactors"), "q_i \\leftarrow q_i - \\gamma \\frac{\\partial L}{\\partial q_i}",
                "(" + vector(newQ) + ")", Double.NaN);
        double after = mu + newBu + newBi + dot(newP, newQ);
        d.step(Words.phrase("sgd.predictionAfter"), "\\hat{r}_{ui}' = \\mu + b_u' + b_i' + p_u' \\cdot q_i'",
                Latex.num(mu) + " + " + Latex.term(newBu) + " + " + Latex.term(newBi) + " + "
                        + Latex.term(dot(newP, newQ)), after);
        d.step(Words.phrase("sgd.errorAfter"), "e_{ui}' = r_{ui} - \\hat{r}_{ui}'",
                Latex.num(rating) + " - " + Latex.term(after), rating - after);
    }

    private static String vector(double[] v) {
        return Latex.list(v.length, f -> Latex.num(v[f]));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int f = 0; f < a.length; f++) {
            s += a[f] * b[f];
        }
        return s;
    }

    static void shuffle(int[] order, SplittableRandom random) {
        for (int k = order.length - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
    }

    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        BiasedMfParams params = bind(values);
        return new BiasedMfModel(dataset, values, params, state.singleDouble("global-mean"),
                state.doubles("user-biases", dataset.userCount()), state.doubles("item-biases", dataset.itemCount()),
                FactorModel.userFactors(state, dataset, params.factors()),
                FactorModel.itemFactors(state, dataset, params.factors()), state.doubles("losses", -1));
    }

    private static final class BiasedMfModel extends FactorModel implements SgdExplainable,
            org.recworkbench.algo.Persistable {

        @Override
        public org.recworkbench.algo.ModelState state() {
            return factorState().putDouble("global-mean", mu).putDoubles("user-biases", bu)
                    .putDoubles("item-biases", bi);
        }


        private final BiasedMfParams params;
        private final double mu;
        private final double[] bu;
        private final double[] bi;
        private final Factors pu;
        private final Factors qi;

        BiasedMfModel(Dataset dataset, ParamValues values, BiasedMfParams params, double mu, double[] bu,
                      double[] bi, Factors pu, Factors qi, double[] losses) {
            super(dataset, ID, values, pu, qi, losses);
            this.params = params;
            this.mu = mu;
            this.bu = bu;
            this.bi = bi;
            this.pu = pu;
            this.qi = qi;
        }

        @Override
        protected double score(int user, int item) {
            return mu + bu[user] + bi[item] + pu.dot(user, qi, item);
        }

        @Override
        public double predict(int user, int item) {
            return score(user, item);
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("mf.biasedTitle"), user, item);
            d.step(Words.phrase("bias.globalMean"), "\\mu", Latex.num(mu), mu);
            d.step(Words.phrase("mf.userBias"), "b_u", Latex.num(bu[user]), bu[user]);
            d.step(Words.phrase("mf.itemBias"), "b_i", Latex.num(bi[item]), bi[item]);
            List<Contribution> parts = new ArrayList<>();
            LatentExplanation.biases(mu, bu[user], bi[item], parts);
            double dot = LatentExplanation.dot(pu.row(user), qi.row(item), "p_u", "q_i", d, parts);
            double value = d.step(Words.phrase("knn.prediction"), "\\hat{r}_{ui} = \\mu + b_u + b_i + p_u \\cdot q_i",
                    Latex.num(mu) + " + " + Latex.term(bu[user]) + " + " + Latex.term(bi[item]) + " + "
                            + Latex.term(dot), mu + bu[user] + bi[item] + dot);
            return explanation(user, item, value, value, parts, d.build());
        }

        /** One more SGD step on (user, item, rating), worked on copies: the model itself does not change. */
        @Override
        public Derivation explainStep(int user, int item, double rating) {
            checkUser(user);
            checkItem(item);
            Factors p = new Factors(1, pu.k);
            System.arraycopy(pu.values, user * pu.k, p.values, 0, pu.k);
            Factors q = new Factors(1, qi.k);
            System.arraycopy(qi.values, item * qi.k, q.values, 0, qi.k);
            Derivation.Builder d = Derivation.builder(Words.t("sgd.titleModel", dataset().users().id(user),
                    dataset().items().id(item), Latex.num(rating), Latex.num(params.learningRate()),
                    Latex.num(params.regBias()), Latex.num(params.regFactors())));
            step(0, 0, rating, mu, new double[] {bu[user]}, new double[] {bi[item]}, p, q, params,
                    params.biasCoefficient(dataset().ratings().rowLength(user)),
                    params.biasCoefficient(dataset().ratings().colLength(item)), true, d);
            return d.build();
        }

        /** The user's bias and factors by least squares on the training objective, items fixed (see below). */
        @Override
        public Optional<org.recworkbench.algo.IncrementalUser> incrementalUser(UserProfile start) {
            return Optional.of(new LeastSquaresUser(LeastSquaresUser.biased(qi, mu, bi, params.regBias(),
                    params.biasReg() == BiasReg.DAMPED, params.regFactors()), start));
        }

        /** SGD on the new user's bias and factors only, items fixed, with the training's epochs and seed. */
        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            int k = pu.k;
            SplittableRandom random = new SplittableRandom(params.seed());
            Factors one = Factors.gaussian(1, k, params.initStd(), random);
            double[] b = new double[1];
            int[] order = new int[profile.size()];
            Arrays.setAll(order, t -> t);
            double regU = params.biasCoefficient(profile.size());
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                shuffle(order, random);
                for (int t : order) {
                    step(0, profile.items()[t], profile.values()[t], mu, b, bi, one, qi, params, regU, 0, false,
                            Derivation.Builder.NONE);
                }
            }
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = mu + b[0] + bi[i] + one.dot(0, qi, i);
            }
            return Optional.of(new FoldIn(profile, scores, scores.clone()));
        }
    }
}
