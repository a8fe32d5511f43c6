package org.recworkbench.algo.mf;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.EarlyStop;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.algo.TrainingObserver;
import org.recworkbench.algo.kernel.Kernels;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Implicit-feedback ALS (Hu, Koren, Volinsky 2008). Preference p_ui = 1 when r_ui > 0, else 0; confidence
 * c_ui = 1 + α r_ui (or 1 + α ln(1 + r_ui/ε)); unobserved cells have p = 0, c = 1. Each iteration solves every item,
 * then every user: (YᵀY + Yᵀ(Cᵘ − I)Y + λI) x_u = YᵀCᵘp(u), exactly by Cholesky or approximately by a few
 * conjugate-gradient steps from the previous solution (Takács, Pilászy, Tikk 2011). Users are solved last, so with
 * the exact solver x_u = (Wᵘ)⁻¹… holds for the final item factors and Hu et al.'s §5 explanation adds up exactly.
 * <p>
 * With {@code early-stop=N} a seeded tenth of the interactions is held out ({@link EarlyStop#holdOut}) and the
 * iterations solve on the rest, where the held-out cells count as unobserved (p = 0, c = 1) like any item the user
 * never touched. After each iteration the held-out AUC is watched ({@link EarlyStop.HeldOutAuc}: each held-out item
 * against 100 seeded draws of items its user never interacted with, averaged over users): a ranking measure that
 * fits a model whose scores are preferences, not ratings, and costs a few dot products per user. Training stops after
 * N iterations without a higher AUC and keeps the best iteration's factors; the explanation then shows how far the
 * decomposition over all the user's items is from the score.
 */
public final class ImplicitAlsAlgorithm extends AbstractAlgorithm<ImplicitAlsAlgorithm.ImplicitAlsParams>
        implements org.recworkbench.algo.Restorable {

    public static final String ID = "implicit-als";

    /** How raw values become confidences. */
    public enum Confidence {
        LINEAR, LOG
    }

    /** How each least-squares system is solved. */
    public enum Solver {
        CHOLESKY, CG
    }

    /**
     * @param earlyStop 0: run every iteration; N &gt; 0: hold out {@link EarlyStop#SHARE} of the interactions, stop
     *                  after N iterations without a higher AUC on them, and keep the best iteration's factors
     */
    public record ImplicitAlsParams(int factors, int iterations, double lambda, double alpha, Confidence confidence,
                                    double epsilon, Solver solver, int cgSteps, int earlyStop, int seed)
            implements Params {
        public ImplicitAlsParams {
            if (factors < 1 || iterations < 1 || !(lambda > 0) || !(alpha >= 0) || !(epsilon > 0) || cgSteps < 1
                    || earlyStop < 0) {
                throw new InvalidInputException("Invalid implicit-als parameters: factors, iterations and CG steps ≥ 1,"
                        + " λ > 0, α ≥ 0, ε > 0, early-stop ≥ 0");
            }
        }

        /** No early stop (the record as it was before {@code early-stop}). */
        public ImplicitAlsParams(int factors, int iterations, double lambda, double alpha, Confidence confidence,
                                 double epsilon, Solver solver, int cgSteps, int seed) {
            this(factors, iterations, lambda, alpha, confidence, epsilon, solver, cgSteps, 0, seed);
        }

        double confidence(double r) {
            double v = Math.max(0, r);
            return confidence == Confidence.LINEAR ? 1 + alpha * v : 1 + alpha * Math.log(1 + v / epsilon);
        }
    }

    public ImplicitAlsAlgorithm() {
        super(ID, Family.MATRIX_FACTORISATION,
                "Implicit ALS (Hu et al. 2008): confidence c = 1 + α·ln(1 + r/ε) (or 1 + α·r), preference 1 for any"
                        + " interaction",
                List.of(ParamSpec.integer("factors", "Factors", "Length of the user and item vectors", 1, 300, 32),
                        ParamSpec.integer("iterations", "Iterations", "Alternations (items, then users)", 1, 100, 10),
                        ParamSpec.real("lambda", "λ", "L2 regularisation. Default 50: counted against confidences"
                                + " of a few units per observed cell (not Hu et al.'s 40× counts), weak λ overfits the"
                                + " few observed cells of light users; on a tiny sample (a few interactions per item) try 10",
                                0.0001, 1000, 50, 0.001).withLogScale(),
                        ParamSpec.real("alpha", "α (confidence)", "How much more an observed value counts: c = 1 + α·r"
                                + " (linear) or 1 + α·ln(1 + r/ε) (log). Default 3 with log: explicit 1–5 ratings give"
                                + " c 3.1–6.4, an implicit 1 gives 3.1 and a quantity of 100 gives 14.8, so no data kind"
                                + " needs its own α (issue 18: linear α 40 ranked below popular on MovieLens)",
                                0, 1000, 3, 1),
                        ParamSpec.choice("confidence", "Confidence", "linear: 1 + α·r; log: 1 + α·ln(1 + r/ε), the"
                                + " default, which keeps large counts and quantities from swamping the rest",
                                List.of("linear", "log"), "log"),
                        ParamSpec.real("epsilon", "ε", "Scale of the log confidence", 0.0001, 1000, 1, 0.01)
                                .withLogScale(),
                        ParamSpec.choice("solver", "Solver", "cholesky: exact; cg: conjugate gradient",
                                List.of("cholesky", "cg"), "cholesky"),
                        ParamSpec.integer("cg-steps", "CG steps", "Conjugate-gradient steps per solve", 1, 50, 3),
                        EarlyStop.param("0 = every iteration; N = hold out 10 % of the interactions and stop after"
                                + " N iterations without a higher AUC on them (each against 100 seeded unseen items"
                                + " of its user), keeping the best iteration"),
                        ParamSpec.integer("seed", "Seed", "Random seed of the initial factors", 0, Integer.MAX_VALUE,
                                42)));
    }

    @Override
    public ImplicitAlsParams bind(ParamValues v) {
        return new ImplicitAlsParams(v.getInt("factors"), v.getInt("iterations"), v.getDouble("lambda"),
                v.getDouble("alpha"), Confidence.valueOf(v.getChoice("confidence").toUpperCase(Locale.ROOT)),
                v.getDouble("epsilon"), Solver.valueOf(v.getChoice("solver").toUpperCase(Locale.ROOT)),
                v.getInt("cg-steps"), v.getInt("early-stop"), v.getInt("seed"));
    }

    @Override
    public Model fit(Dataset train, ImplicitAlsParams params, Progress progress, Cancellation cancellation) {
        // early stop: a seeded tenth of the interactions is watched; the rest is solved on
        EarlyStop.HoldOut holdOut = EarlyStop.holdOut(train.ratings().size(), params.earlyStop(), params.seed());
        RatingMatrix r = holdOut.trainedPart(train.ratings());
        EarlyStop.HeldOutAuc auc = holdOut.active()
                ? new EarlyStop.HeldOutAuc(train.ratings(), holdOut.watched(), params.seed()) : null;
        EarlyStop.Patience<Factors[]> patience = EarlyStop.Patience.higherIsBetter(params.earlyStop());
        int run = 0;
        int k = params.factors();
        SplittableRandom random = new SplittableRandom(params.seed());
        Factors x = Factors.gaussian(train.userCount(), k, 0.01, random);
        Factors y = Factors.gaussian(train.itemCount(), k, 0.01, random);
        ImplicitSolver solver = new ImplicitSolver(params, k);
        double[] losses = new double[params.iterations()];
        for (int it = 0; it < params.iterations(); it++) {
            cancellation.throwIfCancelled();
            boolean cg = params.solver() == Solver.CG;
            double[] gramX = DenseSolver.gram(x, params.lambda());
            float[] xSingle = cg ? ImplicitSolver.single(x) : null;
            for (int i = 0; i < train.itemCount(); i++) {
                solver.solve(r.colStart(i), r.colLength(i), r::colUser, r::colValue, x, xSingle, gramX, y, i);
            }
            cancellation.throwIfCancelled();
            double[] gramY = DenseSolver.gram(y, params.lambda());
            float[] ySingle = cg ? ImplicitSolver.single(y) : null;
            double dataLoss = 0;
            for (int u = 0; u < train.userCount(); u++) {
                solver.solve(r.rowStart(u), r.rowLength(u), r::rowItem, r::rowValue, y, ySingle, gramY, x, u);
                if (cg) {
                    dataLoss += solver.lastDataLoss(params.lambda());
                }
            }
            // the conjugate-gradient solver hands over each user's part while its rows are still in cache
            losses[it] = cg ? objective(dataLoss, x, y, params) : loss(r, x, y, params);
            run = it + 1;
            progress.epoch("implicit-als", it + 1, params.iterations(), losses[it]);
            int done = it + 1;
            TrainingObserver.notify(progress, done, losses[it], () -> new ImplicitAlsModel(train, values(params),
                    params, x, y, Arrays.copyOf(losses, done), holdOut.active()));
            if (auc != null && patience.stopAfter(it, auc.measure((u, i) -> x.dot(u, y, i)), () -> new Factors[] {x.copy(),
                    y.copy()})) {
                break;
            }
        }
        return patience.finish(progress, "implicit-als", "iteration", run, "AUC", new Factors[] {x, y}, losses,
                (f, curve) -> new ImplicitAlsModel(train, values(params), params, f[0], f[1], curve,
                        holdOut.active()));
    }

    /**
     * The objective per cell: (Σ_ui c_ui (p_ui − x_u·y_i)² + λ(‖X‖² + ‖Y‖²)) / (users · items), computed without
     * visiting the unobserved cells: Σ over all cells of (x·y)² is Σ_u x_uᵀ (YᵀY) x_u.
     */
    static double loss(RatingMatrix r, Factors x, Factors y, ImplicitAlsParams params) {
        return objective(dataLoss(r, x, y, params), x, y, params);
    }

    /** Σ over all cells of c_ui (p_ui − x_u·y_i)². */
    private static double dataLoss(RatingMatrix r, Factors x, Factors y, ImplicitAlsParams params) {
        int k = x.k;
        Kernels kernels = Kernels.best();
        double[] gram = DenseSolver.gram(y, 0);
        double total = 0;
        for (int u = 0; u < x.rows; u++) {
            int o = u * k;
            for (int a = 0; a < k; a++) {
                total += x.values[o + a] * kernels.dot(gram, a * k, x.values, o, k);
            }
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                double v = r.rowValue(p);
                double pref = v > 0 ? 1 : 0;
                double c = params.confidence(v);
                double s = kernels.dot(x.values, o, y.values, r.rowItem(p) * k, k);
                total += c * (pref - s) * (pref - s) - s * s;
            }
        }
        return total;
    }

    private static double objective(double dataLoss, Factors x, Factors y, ImplicitAlsParams params) {
        double reg = 0;
        for (double v : x.values) {
            reg += v * v;
        }
        for (double v : y.values) {
            reg += v * v;
        }
        return (dataLoss + params.lambda() * reg) / ((double) Math.max(1, x.rows) * Math.max(1, y.rows));
    }

    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        ImplicitAlsParams params = bind(values);
        return new ImplicitAlsModel(dataset, values, params, FactorModel.userFactors(state, dataset, params.factors()),
                FactorModel.itemFactors(state, dataset, params.factors()), state.doubles("losses", -1),
                state.ints("held-out", 1)[0] != 0);
    }
}
