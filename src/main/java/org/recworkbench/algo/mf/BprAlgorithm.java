package org.recworkbench.algo.mf;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.EarlyStop;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.PairwiseStepExplainable;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.algo.TrainingObserver;
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
import java.util.SplittableRandom;

/**
 * Bayesian personalised ranking (Rendle et al. 2009) for matrix factorisation: each step draws an observed pair
 * (u, i) uniformly and an item j the user has not seen uniformly, and ascends ln σ(x_uij) − λ(‖w_u‖² + ‖h_i‖² +
 * ‖h_j‖²) with x_uij = w_u · (h_i − h_j). An epoch is |R| steps; its loss is the mean −ln σ(x_uij) it saw.
 * <p>
 * With {@code early-stop=N} a seeded tenth of the interactions is held out ({@link EarlyStop#holdOut}): it is never
 * drawn as i, nor as j (j is drawn among the items the user never interacted with at all). After each epoch the
 * held-out AUC is watched ({@link EarlyStop.HeldOutAuc}: each held-out item against 100 seeded draws of items its
 * user never interacted with, averaged over users), the measure BPR optimises a smooth version of, and training stops
 * after N epochs without a higher one, keeping the factors (and the loss curve) of the best epoch.
 */
public final class BprAlgorithm extends AbstractAlgorithm<BprAlgorithm.BprParams>
        implements org.recworkbench.algo.Restorable {

    public static final String ID = "bpr";

    /**
     * @param earlyStop 0: run every epoch; N &gt; 0: hold out {@link EarlyStop#SHARE} of the interactions, stop after
     *                  N epochs without a higher AUC on them, and keep the best epoch's factors
     */
    public record BprParams(int factors, int epochs, double learningRate, double regularisation, int earlyStop,
                            int seed) implements Params {
        public BprParams {
            if (factors < 1 || epochs < 1 || !(learningRate > 0) || regularisation < 0 || earlyStop < 0) {
                throw new InvalidInputException("Invalid bpr parameters: factors and epochs ≥ 1, learning rate > 0,"
                        + " regularisation and early-stop ≥ 0");
            }
        }

        /** No early stop (the record as it was before {@code early-stop}). */
        public BprParams(int factors, int epochs, double learningRate, double regularisation, int seed) {
            this(factors, epochs, learningRate, regularisation, 0, seed);
        }
    }

    public BprAlgorithm() {
        super(ID, Family.MATRIX_FACTORISATION,
                "BPR: pairwise ranking MF with uniform negative sampling; loss = mean −ln σ(x_uij) per epoch",
                List.of(ParamSpec.integer("factors", "Factors", "Length of the user and item vectors", 1, 500, 32),
                        ParamSpec.integer("epochs", "Epochs", "Each epoch draws |R| (u, i, j) triples", 1, 500, 30),
                        ParamSpec.real("learning-rate", "Learning rate η", "SGD step size", 0.0001, 1, 0.05, 0.0001)
                                .withLogScale(),
                        ParamSpec.real("regularisation", "λ", "L2 regularisation of the factors", 0, 1, 0.001, 0.0001),
                        EarlyStop.param("0 = every epoch; N = hold out 10 % of the interactions and stop after N"
                                + " epochs without a higher AUC on them (each against 100 seeded unseen items of its"
                                + " user), keeping the best epoch"),
                        ParamSpec.integer("seed", "Seed", "Random seed (factors, sampling)", 0, Integer.MAX_VALUE,
                                42)));
    }

    @Override
    public BprParams bind(ParamValues v) {
        return new BprParams(v.getInt("factors"), v.getInt("epochs"), v.getDouble("learning-rate"),
                v.getDouble("regularisation"), v.getInt("early-stop"), v.getInt("seed"));
    }

    @Override
    public Model fit(Dataset train, BprParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix r = train.ratings();
        int n = r.size();
        int items = train.itemCount();
        int[] users = new int[n];
        for (int u = 0; u < train.userCount(); u++) {
            Arrays.fill(users, r.rowStart(u), r.rowStart(u) + r.rowLength(u), u);
        }
        // early stop: a seeded tenth of the interactions is watched, never drawn
        EarlyStop.HoldOut holdOut = EarlyStop.holdOut(n, params.earlyStop(), params.seed());
        int[] trained = holdOut.trained();
        int m = trained.length;
        EarlyStop.HeldOutAuc auc = holdOut.active() ? new EarlyStop.HeldOutAuc(r, holdOut.watched(), params.seed())
                : null;
        EarlyStop.Patience<Factors[]> patience = EarlyStop.Patience.higherIsBetter(params.earlyStop());
        int run = 0;
        SplittableRandom random = new SplittableRandom(params.seed());
        Factors w = Factors.gaussian(train.userCount(), params.factors(), 0.1, random);
        Factors h = Factors.gaussian(items, params.factors(), 0.1, random);
        double[] losses = new double[params.epochs()];
        for (int epoch = 0; epoch < params.epochs(); epoch++) {
            cancellation.throwIfCancelled();
            double loss = 0;
            int steps = 0;
            for (int t = 0; t < m; t++) {
                int p = trained[random.nextInt(m)];
                int u = users[p];
                if (r.rowLength(u) == items) {
                    continue;
                }
                int j;
                do {
                    j = random.nextInt(items);
                } while (seen(r, u, j));
                loss += step(u, r.rowItem(p), j, w, h, params);
                steps++;
            }
            losses[epoch] = loss / Math.max(1, steps);
            progress.epoch("bpr", epoch + 1, params.epochs(), losses[epoch]);
            int done = epoch + 1;
            TrainingObserver.notify(progress, done, losses[epoch], () -> new BprModel(train, values(params), params, w,
                    h, Arrays.copyOf(losses, done)));
            run = done;
            if (auc != null && patience.stopAfter(epoch, auc.measure((u, i) -> w.dot(u, h, i)),
                    () -> new Factors[] {w.copy(), h.copy()})) {
                break;
            }
        }
        return patience.finish(progress, "bpr", "epoch", run, "AUC", new Factors[] {w, h}, losses,
                (f, curve) -> new BprModel(train, values(params), params, f[0], f[1], curve));
    }

    private static boolean seen(RatingMatrix r, int u, int item) {
        return !Float.isNaN(r.value(u, item));
    }

    /** One ascent step on (u, i, j); returns −ln σ(x_uij) before it. */
    static double step(int u, int i, int j, Factors w, Factors h, BprParams params) {
        return step(u, i, j, w, h, params, Derivation.Builder.NONE);
    }

    /**
     * One ascent step on (u, i, j), recording x_uij, σ(−x_uij), the gradients and the new vectors when asked: training
     * and the Formulas view's "one BPR step" run this same code. Returns −ln σ(x_uij) before the step.
     */
    static double step(int u, int i, int j, Factors w, Factors h, BprParams params, Derivation.Builder trace) {
        int k = w.k;
        double[] oldW = trace.recording() ? w.row(u) : null;
        double[] oldHi = trace.recording() ? h.row(i) : null;
        double[] oldHj = trace.recording() ? h.row(j) : null;
        double[] wv = w.values;
        double[] hv = h.values;
        int a = u * k;
        int bi = i * k;
        int bj = j * k;
        double x = 0;
        for (int f = 0; f < k; f++) {
            x += wv[a + f] * (hv[bi + f] - hv[bj + f]);
        }
        // σ(−x) = 1 − σ(x): the gradient weight of ln σ(x)
        double g = 1 / (1 + Math.exp(x));
        double lr = params.learningRate();
        double reg = params.regularisation();
        for (int f = 0; f < k; f++) {
            double wf = wv[a + f];
            double hif = hv[bi + f];
            double hjf = hv[bj + f];
            wv[a + f] = wf + lr * (g * (hif - hjf) - reg * wf);
            hv[bi + f] = hif + lr * (g * wf - reg * hif);
            hv[bj + f] = hjf + lr * (-g * wf - reg * hjf);
        }
        double loss = x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
        if (trace.recording()) {
            recordStep(trace, oldW, oldHi, oldHj, x, g, loss, params, w.row(u), h.row(i), h.row(j));
        }
        return loss;
    }

    private static void recordStep(Derivation.Builder d, double[] w, double[] hi, double[] hj, double x, double g,
                                   double loss, BprParams params, double[] newW, double[] newHi, double[] newHj) {
        int k = w.length;
        double lr = params.learningRate();
        double reg = params.regularisation();
        d.step(Words.phrase("bpr.difference"), "x_{uij} = w_u \\cdot (h_i - h_j)",
                Latex.sum(k, f -> Latex.num(w[f]) + " \\cdot (" + Latex.num(hi[f]) + " - " + Latex.term(hj[f]) + ")"),
                x);
        d.step(Words.phrase("bpr.loss"), "-\\ln \\sigma(x_{uij}) = \\ln(1 + e^{-x_{uij}})",
                "\\ln(1 + e^{" + Latex.num(-x) + "})", loss);
        d.step(Words.phrase("bpr.weight"), "\\sigma(-x_{uij}) = \\frac{1}{1 + e^{x_{uij}}}",
                "\\frac{1}{1 + e^{" + Latex.num(x) + "}}", g);
        double[] dw = new double[k];
        double[] di = new double[k];
        double[] dj = new double[k];
        for (int f = 0; f < k; f++) {
            dw[f] = g * (hi[f] - hj[f]) - reg * w[f];
            di[f] = g * w[f] - reg * hi[f];
            dj[f] = -g * w[f] - reg * hj[f];
        }
        d.step(Words.phrase("bpr.ascentUser"), "\\sigma(-x_{uij}) (h_i - h_j) - \\lambda w_u", "(" + vector(dw) + ")",
                Double.NaN);
        d.step(Words.phrase("sgd.newUserFactors"), "w_u \\leftarrow w_u + \\eta \\, [\\sigma(-x_{uij}) (h_i - h_j) - \\lambda w_u]",
                "(" + vector(newW) + ")", Double.NaN);
        d.step(Words.phrase("bpr.ascentPositive"), "\\sigma(-x_{uij}) \\, w_u - \\lambda h_i",
                "(" + vector(di) + ")", Double.NaN);
        d.step(Words.phrase("bpr.newPositive"), "h_i \\leftarrow h_i + \\eta \\, [\\sigma(-x_{uij}) \\, w_u - \\lambda h_i]",
                "(" + vector(newHi) + ")", Double.NaN);
        d.step(Words.phrase("bpr.ascentNegative"), "-\\sigma(-x_{uij}) \\, w_u - \\lambda h_j",
                "(" + vector(dj) + ")", Double.NaN);
        d.step(Words.phrase("bpr.newNegative"), "h_j \\leftarrow h_j + \\eta \\, [-\\sigma(-x_{uij}) \\, w_u - \\lambda h_j]",
                "(" + vector(newHj) + ")", Double.NaN);
        double after = 0;
        for (int f = 0; f < k; f++) {
            after += newW[f] * (newHi[f] - newHj[f]);
        }
        d.step(Words.phrase("bpr.after", Latex.num(lr), Latex.num(reg)),
                "x_{uij}' = w_u' \\cdot (h_i' - h_j')", Latex.num(x) + " \\to " + Latex.num(after), after);
    }

    private static String vector(double[] v) {
        return Latex.list(v.length, f -> Latex.num(v[f]));
    }

    /** One ascent step on the user vector alone (fold-in: the item factors stay as trained). */
    static void stepUser(int i, int j, Factors w, Factors h, BprParams params) {
        int k = w.k;
        double x = 0;
        for (int f = 0; f < k; f++) {
            x += w.values[f] * (h.values[i * k + f] - h.values[j * k + f]);
        }
        double g = 1 / (1 + Math.exp(x));
        for (int f = 0; f < k; f++) {
            w.values[f] += params.learningRate() * (g * (h.values[i * k + f] - h.values[j * k + f])
                    - params.regularisation() * w.values[f]);
        }
    }

    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        BprParams params = bind(values);
        return new BprModel(dataset, values, params, FactorModel.userFactors(state, dataset, params.factors()),
                FactorModel.itemFactors(state, dataset, params.factors()), state.doubles("losses", -1));
    }

    private static final class BprModel extends FactorModel implements PairwiseStepExplainable,
            org.recworkbench.algo.Persistable {

        @Override
        public org.recworkbench.algo.ModelState state() {
            return factorState();
        }


        private final BprParams params;

        BprModel(Dataset dataset, ParamValues values, BprParams params, Factors w, Factors h, double[] losses) {
            super(dataset, ID, values, w, h, losses);
            this.params = params;
        }

        /**
         * BPR steps on the new user's vector only (item factors fixed): each epoch visits every profile item once
         * against a uniformly drawn item outside the profile, with the training's seed and rates.
         */
        @Override
        public java.util.Optional<org.recworkbench.algo.FoldIn> foldIn(org.recworkbench.algo.UserProfile profile) {
            int count = dataset().itemCount();
            SplittableRandom random = new SplittableRandom(params.seed());
            Factors one = Factors.gaussian(1, users.k, 0.1, random);
            if (profile.size() > 0 && profile.size() < count) {
                for (int epoch = 0; epoch < params.epochs(); epoch++) {
                    for (int i : profile.items()) {
                        int j;
                        do {
                            j = random.nextInt(count);
                        } while (profile.contains(j));
                        stepUser(i, j, one, items, params);
                    }
                }
            }
            double[] scores = new double[count];
            for (int i = 0; i < count; i++) {
                scores[i] = one.dot(0, items, i);
            }
            double[] none = new double[count];
            Arrays.fill(none, Double.NaN);
            return java.util.Optional.of(new org.recworkbench.algo.FoldIn(profile, scores, none));
        }

        @Override
        public double predict(int user, int item) {
            return Double.NaN;
        }

        /** One more step on (user, positive, j) on copies of the three vectors: the model does not change. */
        @Override
        public Derivation explainStep(int user, int positive, long seed) {
            checkUser(user);
            checkItem(positive);
            RatingMatrix r = dataset().ratings();
            if (!seen(r, user, positive)) {
                throw new InvalidInputException("User " + userId(user) + " never interacted with item "
                        + itemId(positive) + ": a BPR step takes an item of theirs as the positive one");
            }
            if (r.rowLength(user) == dataset().itemCount()) {
                throw new InvalidInputException("User " + userId(user) + " interacted with every item: no negative");
            }
            SplittableRandom random = new SplittableRandom(seed);
            int j;
            do {
                j = random.nextInt(dataset().itemCount());
            } while (seen(r, user, j));
            int k = users.k;
            Factors w = new Factors(1, k);
            System.arraycopy(users.values, user * k, w.values, 0, k);
            Factors h = new Factors(2, k);
            System.arraycopy(items.values, positive * k, h.values, 0, k);
            System.arraycopy(items.values, j * k, h.values, k, k);
            Derivation.Builder d = Derivation.builder(Words.t("bpr.stepTitle", userId(user), itemId(positive), itemId(j),
                    String.valueOf(seed), String.valueOf(dataset().itemCount() - r.rowLength(user)),
                    Latex.num(params.learningRate()), Latex.num(params.regularisation())));
            step(0, 0, 1, w, h, params, d);
            return d.build();
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("bpr.title"), user, item);
            List<Contribution> parts = new ArrayList<>();
            double value = LatentExplanation.dot(users.row(user), items.row(item), "w_u", "h_i", d, parts);
            return explanation(user, item, value, Double.NaN, parts, d.build());
        }
    }
}
