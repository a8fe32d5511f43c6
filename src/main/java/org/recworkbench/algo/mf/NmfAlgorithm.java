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
import org.recworkbench.algo.UserSolveExplainable;
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
 * Non-negative matrix factorisation on the observed ratings only (Lee &amp; Seung 2001's multiplicative updates in the
 * regularised per-rating form of Luo et al. 2014, as in Surprise): r̂_ui = p_u · q_i with p, q ≥ 0. Each iteration
 * updates every user, then every item:
 * p_uf ← p_uf · Σ_{i∈I_u} q_if r_ui / (Σ_{i∈I_u} q_if r̂_ui + λ |I_u| p_uf), and the same for q_if over U_i with the new
 * p. Factors start uniform in [0, 2√(μ/k)), so the first predictions are μ on average, and stay non-negative since every
 * factor is multiplied by a non-negative ratio. The loss of an iteration is the regularised objective per rating,
 * (Σ (r − r̂)² + λ Σ_u |I_u| ‖p_u‖² + λ Σ_i |U_i| ‖q_i‖²) / |R|. Data with negative values is shifted: with
 * m = min(0, smallest rating) the factorised values are r − m ≥ 0 and r̂ = m + p_u · q_i (m = 0 for ratings ≥ 0).
 */
public final class NmfAlgorithm extends AbstractAlgorithm<NmfAlgorithm.NmfParams>
        implements org.recworkbench.algo.Restorable {

    public static final String ID = "nmf";

    /**
     * @param earlyStop 0: run every iteration; N &gt; 0: hold out {@link EarlyStop#SHARE} of the training ratings, stop
     *                  after N iterations without a lower RMSE on them, and keep the best iteration's factors
     */
    public record NmfParams(int factors, int iterations, double regularisation, int earlyStop, int seed)
            implements Params {
        public NmfParams {
            if (factors < 1 || iterations < 1 || regularisation < 0 || earlyStop < 0) {
                throw new InvalidInputException("Invalid nmf parameters: factors and iterations ≥ 1, regularisation"
                        + " and early-stop ≥ 0");
            }
        }
    }

    static final int DEFAULT_FACTORS = 50;
    static final int DEFAULT_ITERATIONS = 200;
    static final double DEFAULT_REGULARISATION = 0.15;

    /** A denominator below this is treated as this: a factor with nothing to learn from stays as it was. */
    private static final double TINY = 1e-12;

    public NmfAlgorithm() {
        super(ID, Family.MATRIX_FACTORISATION,
                "NMF: p_u·q_i with non-negative factors by multiplicative updates; loss = regularised objective",
                List.of(ParamSpec.integer("factors", "Factors", "Length of the user and item vectors", 1, 300,
                                DEFAULT_FACTORS),
                        ParamSpec.integer("iterations", "Iterations", "Multiplicative updates of every user, then"
                                + " every item", 1, 500, DEFAULT_ITERATIONS),
                        ParamSpec.real("regularisation", "Regularisation λ", "L2 regularisation of p_u and q_i, per rating", 0, 10,
                                DEFAULT_REGULARISATION, 0.001),
                        EarlyStop.param("0 = every iteration; N = hold out 10 % of the training ratings and stop"
                                + " after N iterations without a lower RMSE on them, keeping the best iteration"),
                        ParamSpec.integer("seed", "Seed", "Random seed of the initial factors", 0, Integer.MAX_VALUE,
                                42)));
    }

    @Override
    public NmfParams bind(ParamValues v) {
        return new NmfParams(v.getInt("factors"), v.getInt("iterations"), v.getDouble("regularisation"),
                v.getInt("early-stop"), v.getInt("seed"));
    }

    @Override
    public Model fit(Dataset train, NmfParams params, Progress progress, Cancellation cancellation) {
        double offset = offset(train.ratings());
        RatingMatrix all = shifted(train.ratings(), offset);
        EarlyStop.HoldOut holdOut = EarlyStop.holdOut(all.size(), params.earlyStop(), params.seed());
        RatingMatrix r = holdOut.trainedPart(all);
        int[] watched = holdOut.watched().clone();
        Arrays.sort(watched);
        int k = params.factors();
        SplittableRandom random = new SplittableRandom(params.seed());
        double high = initialHigh(r, k);
        Factors p = uniform(train.userCount(), k, high, random);
        Factors q = uniform(train.itemCount(), k, high, random);
        double[] losses = new double[params.iterations()];
        EarlyStop.Patience<Factors[]> patience = EarlyStop.Patience.lowerIsBetter(params.earlyStop());
        double[] num = new double[k];
        double[] den = new double[k];
        int run = 0;
        for (int it = 0; it < params.iterations(); it++) {
            cancellation.throwIfCancelled();
            for (int u = 0; u < train.userCount(); u++) {
                update(r.rowStart(u), r.rowLength(u), r::rowItem, r::rowValue, q, p, u, params.regularisation(), num,
                        den, Derivation.Builder.NONE);
            }
            cancellation.throwIfCancelled();
            for (int i = 0; i < train.itemCount(); i++) {
                update(r.colStart(i), r.colLength(i), r::colUser, r::colValue, p, q, i, params.regularisation(), num,
                        den, Derivation.Builder.NONE);
            }
            losses[it] = objective(r, p, q, params.regularisation());
            run = it + 1;
            progress.epoch(ID, it + 1, params.iterations(), losses[it]);
            int done = it + 1;
            TrainingObserver.notify(progress, done, losses[it], () -> new NmfModel(train, values(params), params,
                    offset, p, q, Arrays.copyOf(losses, done)));
            if (holdOut.active() && patience.stopAfter(it, AlsAlgorithm.heldOutRmse(all, watched, p, q),
                    () -> new Factors[] {p.copy(), q.copy()})) {
                break;
            }
        }
        return patience.finish(progress, ID, "iteration", run, "RMSE", new Factors[] {p, q}, losses,
                (f, curve) -> new NmfModel(train, values(params), params, offset, f[0], f[1], curve));
    }

    /** min(0, smallest rating): what is subtracted so that every value factorised is non-negative. */
    static double offset(RatingMatrix r) {
        double min = 0;
        for (int p = 0; p < r.size(); p++) {
            min = Math.min(min, r.rowValue(p));
        }
        return min;
    }

    /** The matrix with {@code offset} subtracted from every value (itself when the offset is 0). */
    static RatingMatrix shifted(RatingMatrix r, double offset) {
        if (offset == 0) {
            return r;
        }
        float[] values = r.copyRowValues();
        for (int p = 0; p < values.length; p++) {
            values[p] = (float) (values[p] - offset);
        }
        return new RatingMatrix(r.userCount(), r.itemCount(), r.copyRowStarts(), r.copyRowItems(), values, null);
    }

    /** 2√(μ/k): the upper end of the uniform initial factors, so that E[p·q] = k (√(μ/k))² = μ. */
    static double initialHigh(RatingMatrix r, int k) {
        double sum = 0;
        for (int p = 0; p < r.size(); p++) {
            sum += r.rowValue(p);
        }
        double mu = r.size() == 0 ? 1 : sum / r.size();
        return 2 * Math.sqrt(Math.max(mu, 1e-9) / k);
    }

    static Factors uniform(int rows, int k, double high, SplittableRandom random) {
        Factors f = new Factors(rows, k);
        for (int n = 0; n < f.values.length; n++) {
            f.values[n] = high * random.nextDouble();
        }
        return f;
    }

    /**
     * The multiplicative update of one row of {@code out} from its n entries at start against the fixed factors:
     * x_f ← x_f · Σ y_f r / (Σ y_f r̂ + λ n x_f) with r̂ = x · y before the update, recording the numerators and
     * denominators when asked — training and the Formulas view's "one NMF update" run this same code.
     */
    static void update(int start, int n, AlsAlgorithm.Index index, AlsAlgorithm.Value value, Factors fixed,
                       Factors out, int row, double lambda, double[] num, double[] den, Derivation.Builder trace) {
        if (n == 0) {
            return;
        }
        int k = fixed.k;
        double[] x = out.values;
        double[] y = fixed.values;
        int o = row * k;
        Arrays.fill(num, 0, k, 0);
        Arrays.fill(den, 0, k, 0);
        for (int t = start; t < start + n; t++) {
            int b = index.at(t) * k;
            double estimate = 0;
            for (int f = 0; f < k; f++) {
                estimate += x[o + f] * y[b + f];
            }
            double rating = value.at(t);
            for (int f = 0; f < k; f++) {
                num[f] += y[b + f] * rating;
                den[f] += y[b + f] * estimate;
            }
        }
        double[] old = trace.recording() ? out.row(row) : null;
        for (int f = 0; f < k; f++) {
            double denominator = den[f] + lambda * n * x[o + f];
            if (denominator > TINY) {
                x[o + f] *= num[f] / denominator;
            }
        }
        if (trace.recording()) {
            recordUpdate(trace, start, n, index, value, fixed, old, out.row(row), num, den, lambda);
        }
    }

    private static void recordUpdate(Derivation.Builder d, int start, int n, AlsAlgorithm.Index index,
                                     AlsAlgorithm.Value value, Factors fixed, double[] old, double[] updated,
                                     double[] num, double[] den, double lambda) {
        int k = fixed.k;
        double[] estimates = new double[n];
        for (int t = 0; t < n; t++) {
            int b = index.at(start + t) * k;
            for (int f = 0; f < k; f++) {
                estimates[t] += old[f] * fixed.values[b + f];
            }
        }
        d.step(Words.phrase("nmf.current", String.valueOf(k)), "p_u", "(" + vector(old) + ")", Double.NaN);
        d.step(Words.phrase("nmf.predictions", String.valueOf(n)), "\\hat{r}_{ui} = p_u \\cdot q_i",
                Latex.list(n, t -> Latex.num(estimates[t])), Double.NaN);
        int f = 0;
        for (int g = 1; g < k; g++) {
            if (old[g] > old[f]) {
                f = g;
            }
        }
        int shown = f;
        d.step(Words.phrase("nmf.numerator", String.valueOf(shown + 1)), "\\sum_{i \\in I_u} q_{i"
                        + (shown + 1) + "} \\, r_{ui}",
                Latex.sum(n, t -> Latex.num(fixed.values[index.at(start + t) * k + shown]) + " \\cdot "
                        + Latex.num(value.at(start + t))), num[shown]);
        d.step(Words.phrase("nmf.denominator", String.valueOf(shown + 1)), "\\sum_{i \\in I_u} q_{i" + (shown + 1) + "} \\, \\hat{r}_{ui}"
                        + " + \\lambda |I_u| p_{u" + (shown + 1) + "}",
                Latex.sum(n, t -> Latex.num(fixed.values[index.at(start + t) * k + shown]) + " \\cdot "
                        + Latex.num(estimates[t])) + " + " + Latex.num(lambda) + " \\cdot " + n + " \\cdot "
                        + Latex.num(old[shown]), den[shown] + lambda * n * old[shown]);
        d.step(Words.phrase("nmf.update", String.valueOf(shown + 1)), "p_{u" + (shown + 1) + "} \\leftarrow p_{u"
                        + (shown + 1) + "} \\cdot \\frac{\\text{numerator}}{\\text{denominator}}",
                Latex.num(old[shown]) + " \\cdot \\frac{" + Latex.num(num[shown]) + "}{"
                        + Latex.num(den[shown] + lambda * n * old[shown]) + "}", updated[shown]);
        d.step(Words.phrase("nmf.every"),
                "p_{uf} \\leftarrow p_{uf} \\frac{\\sum_i q_{if} r_{ui}}{\\sum_i q_{if} \\hat{r}_{ui} + \\lambda |I_u|"
                        + " p_{uf}}", "(" + vector(updated) + ")", Double.NaN);
        double before = 0;
        double after = 0;
        for (int t = 0; t < n; t++) {
            int b = index.at(start + t) * k;
            double now = 0;
            for (int g = 0; g < k; g++) {
                now += updated[g] * fixed.values[b + g];
            }
            double rating = value.at(start + t);
            before += (rating - estimates[t]) * (rating - estimates[t]);
            after += (rating - now) * (rating - now);
        }
        d.step(Words.phrase("nmf.rmseBefore"), "\\sqrt{\\frac{1}{|I_u|} \\sum (r_{ui} -"
                + " \\hat{r}_{ui})^2}", "\\sqrt{" + Latex.num(before) + " / " + n + "}", Math.sqrt(before / n));
        d.step(Words.phrase("nmf.rmseAfter"), "\\sqrt{\\frac{1}{|I_u|} \\sum (r_{ui} -"
                + " \\hat{r}_{ui}')^2}", "\\sqrt{" + Latex.num(after) + " / " + n + "}", Math.sqrt(after / n));
    }

    private static String vector(double[] v) {
        return Latex.list(v.length, f -> Latex.num(v[f]));
    }

    /** (Σ (r − p_u·q_i)² + λ Σ_u |I_u| ‖p_u‖² + λ Σ_i |U_i| ‖q_i‖²) / |R|: never increases between iterations. */
    static double objective(RatingMatrix r, Factors p, Factors q, double lambda) {
        double s = 0;
        for (int u = 0; u < p.rows; u++) {
            for (int t = r.rowStart(u), end = t + r.rowLength(u); t < end; t++) {
                double e = r.rowValue(t) - p.dot(u, q, r.rowItem(t));
                s += e * e;
            }
            s += lambda * r.rowLength(u) * p.dot(u, p, u);
        }
        for (int i = 0; i < q.rows; i++) {
            s += lambda * r.colLength(i) * q.dot(i, q, i);
        }
        return s / Math.max(1, r.size());
    }

    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        NmfParams params = bind(values);
        return new NmfModel(dataset, values, params, state.singleDouble("offset"),
                FactorModel.userFactors(state, dataset, params.factors()),
                FactorModel.itemFactors(state, dataset, params.factors()), state.doubles("losses", -1));
    }

    private static final class NmfModel extends FactorModel implements UserSolveExplainable,
            org.recworkbench.algo.Persistable {

        @Override
        public org.recworkbench.algo.ModelState state() {
            return factorState().putDouble("offset", offset);
        }


        private final NmfParams params;
        private final double offset;

        NmfModel(Dataset dataset, ParamValues values, NmfParams params, double offset, Factors p, Factors q,
                 double[] losses) {
            super(dataset, ID, values, p, q, losses);
            this.params = params;
            this.offset = offset;
        }

        @Override
        protected double score(int user, int item) {
            return offset + users.dot(user, items, item);
        }

        @Override
        public double predict(int user, int item) {
            return score(user, item);
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("nmf.title"), user, item);
            List<Contribution> parts = new ArrayList<>();
            double dot = LatentExplanation.dot(users.row(user), items.row(item), "p_u", "q_i", d, parts);
            double value = dot;
            if (offset != 0) {
                value = d.step(Words.phrase("nmf.shift"), "\\hat{r}_{ui} = m + p_u \\cdot q_i",
                        Latex.num(offset) + " + " + Latex.term(dot), offset + dot);
            }
            return explanation(user, item, value, value, parts, d.build());
        }

        /** One more multiplicative update of the user's factors against the fitted item factors, on a copy. */
        @Override
        public Derivation explainUserSolve(int user) {
            checkUser(user);
            RatingMatrix r = dataset().ratings();
            if (r.rowLength(user) == 0) {
                throw new InvalidInputException("User " + userId(user) + " has no ratings to update from");
            }
            int k = users.k;
            Factors one = new Factors(1, k);
            System.arraycopy(users.values, user * k, one.values, 0, k);
            Derivation.Builder d = Derivation.builder(Words.t("nmf.stepTitle", userId(user), String.valueOf(k),
                    Latex.num(params.regularisation())));
            update(r.rowStart(user), r.rowLength(user), r::rowItem, t -> (float) (r.rowValue(t) - offset), items,
                    one, 0, params.regularisation(), new double[k], new double[k], d);
            return d.build();
        }

        /** The training's number of multiplicative updates of the new user's row, items fixed, from a seeded start. */
        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            int k = users.k;
            SplittableRandom random = new SplittableRandom(params.seed());
            RatingMatrix r = dataset().ratings();
            Factors one = uniform(1, k, initialHigh(shifted(r, offset), k), random);
            double[] num = new double[k];
            double[] den = new double[k];
            for (int it = 0; it < params.iterations(); it++) {
                update(0, profile.size(), t -> profile.items()[t],
                        t -> (float) Math.max(0, profile.values()[t] - offset), items, one, 0,
                        params.regularisation(), num, den, Derivation.Builder.NONE);
            }
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = offset + one.dot(0, items, i);
            }
            return Optional.of(new FoldIn(profile, scores, scores.clone()));
        }
    }
}
