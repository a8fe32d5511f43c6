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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Explicit alternating least squares (ALS-WR, Zhou et al. 2008): r̂_ui = x_u · y_i. Each iteration solves, for every
 * user, (Σ_{i∈I_u} y_i y_iᵀ + λ n_u I) x_u = Σ_{i∈I_u} r_ui y_i (n_u = 1 without weighting) by Cholesky, then the
 * same for every item. The loss of an iteration is the regularised objective per rating after it.
 * <p>
 * With {@code early-stop=N} a seeded tenth of the ratings is held out ({@link EarlyStop#holdOut}): the iterations
 * solve on the rest, the RMSE of x_u · y_i on the held-out ratings is watched after each iteration, and training stops
 * after N iterations without a lower one, keeping the factors (and the loss curve) of the best iteration.
 */
public final class AlsAlgorithm extends AbstractAlgorithm<AlsAlgorithm.AlsParams>
        implements org.recworkbench.algo.Restorable {

    public static final String ID = "als";

    /**
     * @param earlyStop 0: run every iteration; N &gt; 0: hold out {@link EarlyStop#SHARE} of the training ratings,
     *                  stop after N iterations without a lower RMSE on them, and keep the best iteration's factors
     */
    public record AlsParams(int factors, int iterations, double lambda, boolean weighted, int earlyStop, int seed)
            implements Params {
        public AlsParams {
            if (factors < 1 || iterations < 1 || !(lambda > 0) || earlyStop < 0) {
                throw new InvalidInputException("Invalid als parameters: factors and iterations ≥ 1, λ > 0,"
                        + " early-stop ≥ 0");
            }
        }

        /** No early stop (the record as it was before {@code early-stop}). */
        public AlsParams(int factors, int iterations, double lambda, boolean weighted, int seed) {
            this(factors, iterations, lambda, weighted, 0, seed);
        }
    }

    public AlsAlgorithm() {
        super(ID, Family.MATRIX_FACTORISATION,
                "Explicit ALS: x_u·y_i by alternating regularised least squares (λ·n_u weighting)",
                List.of(ParamSpec.integer("factors", "Factors", "Length of the user and item vectors", 1, 300, 20),
                        ParamSpec.integer("iterations", "Iterations", "Alternations (users, then items)", 1, 100, 10),
                        ParamSpec.real("lambda", "λ", "L2 regularisation", 0.0001, 100, 0.1, 0.001).withLogScale(),
                        ParamSpec.flag("weighted", "Weight λ by counts", "Use λ·n_u and λ·n_i (ALS-WR)", true),
                        EarlyStop.param("0 = every iteration; N = hold out 10 % of the training ratings and stop"
                                + " after N iterations without a lower RMSE on them, keeping the best iteration"),
                        ParamSpec.integer("seed", "Seed", "Random seed of the initial item factors", 0,
                                Integer.MAX_VALUE, 42)));
    }

    @Override
    public AlsParams bind(ParamValues v) {
        return new AlsParams(v.getInt("factors"), v.getInt("iterations"), v.getDouble("lambda"),
                v.getFlag("weighted"), v.getInt("early-stop"), v.getInt("seed"));
    }

    /**
     * The largest rating magnitude ALS accepts. The factors are floats and each solve sums products of them; with
     * ratings beyond about 1e15 a user's factors grow so large that their squares leave float range (3.4e38) and the
     * normal equations stop being solvable. Real rating scales are many orders of magnitude below this.
     */
    static final double LARGEST_VALUE = 1e15;

    /** Refuses, before any work, a rating that is not finite or whose magnitude exceeds {@link #LARGEST_VALUE}. */
    static void requireSolvableScale(Dataset train) {
        RatingMatrix r = train.ratings();
        for (int u = 0; u < train.userCount(); u++) {
            for (int p = r.rowStart(u); p < r.rowStart(u) + r.rowLength(u); p++) {
                float v = r.rowValue(p);
                if (!Float.isFinite(v) || Math.abs(v) > LARGEST_VALUE) {
                    throw new InvalidInputException(String.format(Locale.ROOT, "als cannot fit the rating %s of user"
                            + " %s for item %s: ratings must be finite numbers of magnitude at most 1e15, since the"
                            + " solver's squares of larger values overflow; rescale the ratings (for example divide"
                            + " them by a constant) and import them again", v, train.users().id(u),
                            train.items().id(r.rowItem(p))));
                }
            }
        }
    }

    @Override
    public Model fit(Dataset train, AlsParams params, Progress progress, Cancellation cancellation) {
        requireSolvableScale(train);
        // early stop: a seeded tenth of the ratings is watched, never solved on
        EarlyStop.HoldOut holdOut = EarlyStop.holdOut(train.ratings().size(), params.earlyStop(), params.seed());
        RatingMatrix r = holdOut.trainedPart(train.ratings());
        int[] watched = holdOut.watched().clone();
        java.util.Arrays.sort(watched);
        int k = params.factors();
        SplittableRandom random = new SplittableRandom(params.seed());
        Factors x = new Factors(train.userCount(), k);
        Factors y = Factors.gaussian(train.itemCount(), k, 0.1, random);
        DenseSolver solver = new DenseSolver(k);
        double[] losses = new double[params.iterations()];
        EarlyStop.Patience<Factors[]> patience = EarlyStop.Patience.lowerIsBetter(params.earlyStop());
        int run = 0;
        for (int it = 0; it < params.iterations(); it++) {
            cancellation.throwIfCancelled();
            for (int u = 0; u < train.userCount(); u++) {
                solveRow(r.rowStart(u), r.rowLength(u), r::rowItem, r::rowValue, y, x, u, params, solver);
            }
            cancellation.throwIfCancelled();
            for (int i = 0; i < train.itemCount(); i++) {
                solveRow(r.colStart(i), r.colLength(i), r::colUser, r::colValue, x, y, i, params, solver);
            }
            losses[it] = objective(r, x, y, params);
            run = it + 1;
            progress.epoch("als", it + 1, params.iterations(), losses[it]);
            int done = it + 1;
            TrainingObserver.notify(progress, done, losses[it], () -> new AlsModel(train, values(params), params, x, y,
                    java.util.Arrays.copyOf(losses, done)));
            if (holdOut.active() && patience.stopAfter(it, heldOutRmse(train.ratings(), watched, x, y),
                    () -> new Factors[] {x.copy(), y.copy()})) {
                break;
            }
        }
        return patience.finish(progress, "als", "iteration", run, "RMSE", new Factors[] {x, y}, losses,
                (f, curve) -> new AlsModel(train, values(params), params, f[0], f[1], curve));
    }

    /** RMSE of x_u · y_i on the held-out positions (increasing) of the whole training matrix. */
    static double heldOutRmse(RatingMatrix r, int[] watched, Factors x, Factors y) {
        double squared = 0;
        int u = 0;
        for (int p : watched) {
            while (p >= r.rowStart(u) + r.rowLength(u)) {
                u++;
            }
            double e = r.rowValue(p) - x.dot(u, y, r.rowItem(p));
            squared += e * e;
        }
        return Math.sqrt(squared / Math.max(1, watched.length));
    }

    /** Position → index and position → value of one CSR or CSC layout. */
    interface Index {
        int at(int position);
    }

    interface Value {
        float at(int position);
    }

    /** Solves one row of {@code out} against the fixed factors {@code fixed} from its n entries at start. */
    static void solveRow(int start, int n, Index index, Value value, Factors fixed, Factors out, int row,
                         AlsParams params, DenseSolver solver) {
        solveRow(start, n, index, value, fixed, out, row, params, solver, Derivation.Builder.NONE);
    }

    /**
     * Solves one row of {@code out} against the fixed factors from its n entries at start, recording the normal
     * equations (YᵀY + λ n_u I) x = Yᵀ r, their numbers and the solution when asked: training and the Formulas view's
     * "one ALS solve" run this same code.
     */
    static void solveRow(int start, int n, Index index, Value value, Factors fixed, Factors out, int row,
                         AlsParams params, DenseSolver solver, Derivation.Builder trace) {
        int k = fixed.k;
        if (n == 0) {
            java.util.Arrays.fill(out.values, row * k, row * k + k, 0);
            return;
        }
        double[] a = new double[k * k];
        double[] b = new double[k];
        double[] v = fixed.values;
        int[] offsets = new int[n];
        for (int p = start; p < start + n; p++) {
            int other = index.at(p) * k;
            offsets[p - start] = other;
            double rating = value.at(p);
            for (int f = 0; f < k; f++) {
                b[f] += rating * v[other + f];
            }
        }
        DenseSolver.addOuters(a, v, offsets, n, k);
        DenseSolver.mirror(a, k);
        double reg = params.lambda() * (params.weighted() ? n : 1);
        double[] gram = trace.recording() ? a.clone() : null;
        for (int f = 0; f < k; f++) {
            a[f * k + f] += reg;
        }
        solver.solve(a, b, out.values, row * k);
        if (trace.recording()) {
            recordSolve(trace, start, n, index, value, fixed, gram, a, b, reg, out.row(row), params);
        }
    }

    /** Factors up to which the derivation shows the whole k × k matrix; beyond, its diagonal and trace. */
    static final int MATRIX_SHOWN = 5;

    private static void recordSolve(Derivation.Builder d, int start, int n, Index index, Value value, Factors fixed,
                                    double[] gram, double[] a, double[] b, double reg, double[] x, AlsParams params) {
        int k = fixed.k;
        d.step(Words.phrase("als.ratings", String.valueOf(n)), "r_u = (r_{ui})_{i \\in I_u}",
                Latex.list(n, t -> Latex.num(value.at(start + t))), n);
        d.step(Words.phrase("als.gram"), "Y_u^T Y_u = \\sum_{i \\in I_u} y_i y_i^T",
                matrix(gram, k), trace(gram, k));
        String lambdaTerm = params.weighted() ? "\\lambda n_u" : "\\lambda";
        d.step(Words.phrase("als.regularisation"), lambdaTerm,
                params.weighted() ? Latex.num(params.lambda()) + " \\cdot " + n : Latex.num(params.lambda()), reg);
        d.step(Words.phrase("als.lhs"), "A = Y_u^T Y_u + " + lambdaTerm + " I", matrix(a, k), trace(a, k));
        d.step(Words.phrase("als.rhs"), "Y_u^T r_u = \\sum_{i \\in I_u} r_{ui} \\, y_i", "(" + vector(b) + ")",
                Double.NaN);
        d.step(Words.phrase("als.solution"), "x_u = A^{-1} \\, Y_u^T r_u", "(" + vector(x) + ")",
                Double.NaN);
        double[] check = new double[k];
        double residual = 0;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                check[r] += a[r * k + c] * x[c];
            }
            residual += (check[r] - b[r]) * (check[r] - b[r]);
        }
        d.step(Words.phrase("als.check"), "\\lVert A x_u - Y_u^T r_u \\rVert",
                "(" + vector(check) + ")", Math.sqrt(residual));
        double squared = 0;
        for (int t = 0; t < n; t++) {
            double e = value.at(start + t) - dot(x, fixed, index.at(start + t));
            squared += e * e;
        }
        d.step(Words.phrase("als.rmse", String.valueOf(n)), "\\sqrt{\\frac{1}{n_u} \\sum_{i \\in I_u}"
                + " (r_{ui} - x_u \\cdot y_i)^2}", "\\sqrt{" + Latex.num(squared) + " / " + n + "}",
                Math.sqrt(squared / Math.max(1, n)));
    }

    private static double dot(double[] x, Factors y, int item) {
        double s = 0;
        for (int f = 0; f < y.k; f++) {
            s += x[f] * y.values[item * y.k + f];
        }
        return s;
    }

    /** The k × k matrix row by row for k ≤ {@link #MATRIX_SHOWN}; otherwise its diagonal. */
    private static String matrix(double[] m, int k) {
        if (k > MATRIX_SHOWN) {
            return "\\text{" + k + "×" + k + ", diagonal } (" + Latex.list(k, f -> Latex.num(m[f * k + f]))
                    + "), \\text{ trace}";
        }
        StringBuilder s = new StringBuilder("\\begin{pmatrix} ");
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                s.append(c == 0 ? "" : " & ").append(Latex.num(m[r * k + c]));
            }
            s.append(r == k - 1 ? " \\end{pmatrix}, \\text{ trace}" : " \\\\ ");
        }
        return s.toString();
    }

    private static double trace(double[] m, int k) {
        double t = 0;
        for (int f = 0; f < k; f++) {
            t += m[f * k + f];
        }
        return t;
    }

    private static String vector(double[] v) {
        return Latex.list(v.length, f -> Latex.num(v[f]));
    }

    /**
     * What each half-step minimises, per rating: (Σ (r − x_u·y_i)² + λ Σ_u w_u ‖x_u‖² + λ Σ_i w_i ‖y_i‖²) / |R|
     * with w = n (weighted) or 1. It never increases from one iteration to the next.
     */
    static double objective(RatingMatrix r, Factors x, Factors y, AlsParams params) {
        double s = 0;
        for (int u = 0; u < x.rows; u++) {
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                double e = r.rowValue(p) - x.dot(u, y, r.rowItem(p));
                s += e * e;
            }
            s += params.lambda() * (params.weighted() ? r.rowLength(u) : 1) * x.dot(u, x, u);
        }
        for (int i = 0; i < y.rows; i++) {
            s += params.lambda() * (params.weighted() ? r.colLength(i) : 1) * y.dot(i, y, i);
        }
        return s / Math.max(1, r.size());
    }

    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        AlsParams params = bind(values);
        return new AlsModel(dataset, values, params, FactorModel.userFactors(state, dataset, params.factors()),
                FactorModel.itemFactors(state, dataset, params.factors()), state.doubles("losses", -1));
    }

    static final class AlsModel extends FactorModel implements UserSolveExplainable,
            org.recworkbench.algo.Persistable {

        @Override
        public org.recworkbench.algo.ModelState state() {
            return factorState();
        }


        private final AlsParams params;

        AlsModel(Dataset dataset, ParamValues values, AlsParams params, Factors x, Factors y, double[] losses) {
            super(dataset, ID, values, x, y, losses);
            this.params = params;
        }

        @Override
        public double predict(int user, int item) {
            return score(user, item);
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("als.title"), user, item);
            List<Contribution> parts = new ArrayList<>();
            double value = LatentExplanation.dot(users.row(user), items.row(item), "x_u", "y_i", d, parts);
            return explanation(user, item, value, value, parts, d.build());
        }

        /** The user half-step of one more iteration for this user: the fitted item factors fixed. */
        @Override
        public Derivation explainUserSolve(int user) {
            checkUser(user);
            RatingMatrix r = dataset().ratings();
            if (r.rowLength(user) == 0) {
                throw new InvalidInputException("User " + userId(user) + " has no ratings to solve on");
            }
            Derivation.Builder d = Derivation.builder(Words.t(params.weighted() ? "als.solveTitleWeighted" : "als.solveTitle",
                    userId(user), String.valueOf(users.k), Latex.num(params.lambda())));
            solveRow(r.rowStart(user), r.rowLength(user), r::rowItem, r::rowValue, items, new Factors(1, users.k), 0,
                    params, new DenseSolver(users.k), d);
            return d.build();
        }

        @Override
        public Optional<org.recworkbench.algo.IncrementalUser> incrementalUser(UserProfile start) {
            return Optional.of(new LeastSquaresUser(LeastSquaresUser.als(items, params.lambda(), params.weighted()),
                    start));
        }

        /** One least-squares solve for the profile against the fitted item factors. */
        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            Factors one = new Factors(1, users.k);
            solveRow(0, profile.size(), t -> profile.items()[t], t -> (float) profile.values()[t], items, one, 0,
                    params, new DenseSolver(users.k));
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = one.dot(0, items, i);
            }
            return Optional.of(new FoldIn(profile, scores, scores.clone()));
        }
    }
}
