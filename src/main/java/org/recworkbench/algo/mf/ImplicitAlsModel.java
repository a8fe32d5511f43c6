package org.recworkbench.algo.mf;

import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A fitted implicit-ALS model; explains scores by Hu et al.'s §5 item-to-item decomposition. */
public final class ImplicitAlsModel extends FactorModel implements org.recworkbench.algo.Persistable {

    @Override
    public org.recworkbench.algo.ModelState state() {
        return factorState().putInts("held-out", new int[] {heldOut ? 1 : 0});
    }


    private final ImplicitAlsAlgorithm.ImplicitAlsParams params;
    private final Factors x;
    private final Factors y;
    private final double[] gramY;
    private final boolean heldOut;

    /**
     * @param heldOut whether an early stop held some of the dataset's interactions out of the solves (then x_u is
     *                not the exact solution over all the user's items)
     */
    ImplicitAlsModel(Dataset dataset, ParamValues values, ImplicitAlsAlgorithm.ImplicitAlsParams params, Factors x,
                     Factors y, double[] losses, boolean heldOut) {
        super(dataset, ImplicitAlsAlgorithm.ID, values, x, y, losses);
        this.params = params;
        this.heldOut = heldOut;
        this.x = x;
        this.y = y;
        this.gramY = DenseSolver.gram(y, params.lambda());
    }

    /** The user's observed items with their confidences c_ui (what α changes), in item order. */
    public UserProfile confidences(int user) {
        checkUser(user);
        RatingMatrix r = dataset().ratings();
        int n = r.rowLength(user);
        int[] items = new int[n];
        double[] c = new double[n];
        for (int t = 0; t < n; t++) {
            int p = r.rowStart(user) + t;
            items[t] = r.rowItem(p);
            c[t] = params.confidence(r.rowValue(p));
        }
        return new UserProfile(items, c);
    }

    /** The preference estimate x_u · y_i (not a rating). */
    @Override
    public double predict(int user, int item) {
        return Double.NaN;
    }

    /**
     * Hu et al. §5: with Wᵘ = (YᵀCᵘY + λI)⁻¹, the score is Σ_{j∈I_u} s_ij c_uj with s_ij = y_iᵀ Wᵘ y_j: how much each
     * of the user's items contributes. With the conjugate-gradient solver x_u only approximates Wᵘ Yᵀ Cᵘ p(u); the
     * difference is shown as the solver's residual; so it is when an early stop held some of the user's items out
     * of the solves.
     */
    @Override
    public Explanation explain(int user, int item) {
        checkUser(user);
        checkItem(item);
        RatingMatrix r = dataset().ratings();
        ImplicitSolver solver = new ImplicitSolver(params, x.k);
        solver.system(r.rowStart(user), r.rowLength(user), r::rowItem, r::rowValue, y, gramY);
        double[] w = new double[x.k];
        new DenseSolver(x.k).solve(solver.matrix(), y.row(item), w, 0);
        List<Contribution> parts = new ArrayList<>();
        double sum = 0;
        int n = r.rowLength(user);
        double[] sims = new double[n];
        double[] conf = new double[n];
        for (int t = 0; t < n; t++) {
            int p = r.rowStart(user) + t;
            int j = r.rowItem(p);
            double s = 0;
            for (int f = 0; f < x.k; f++) {
                s += w[f] * y.values[j * x.k + f];
            }
            double c = params.confidence(r.rowValue(p));
            double pref = r.rowValue(p) > 0 ? 1 : 0;
            sims[t] = s;
            conf[t] = c * pref;
            sum += s * c * pref;
            parts.add(new Contribution("rated item", itemId(j), itemLabel(j), Contribution.ordered("value",
                    r.rowValue(p), "confidence", c, "similarity s_ij", s, "contribution", s * c * pref),
                    s * c * pref));
        }
        parts.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.amount())));
        double score = score(user, item);
        Derivation.Builder d = derivation(Words.t("ials.title"), user, item);
        d.step(Words.phrase("ials.confidence"), params.confidence() == ImplicitAlsAlgorithm.Confidence.LINEAR
                        ? "c_{uj} = 1 + \\alpha \\, r_{uj}" : "c_{uj} = 1 + \\alpha \\ln(1 + r_{uj} / \\epsilon)",
                "\\alpha = " + Latex.num(params.alpha()) + ": " + Latex.list(n, t -> Latex.num(conf[t])), Double.NaN);
        d.step(Words.phrase("ials.similarity"),
                "s_{ij} = y_i^\\top W^u y_j, \\; W^u = (Y^\\top C^u Y + \\lambda I)^{-1}",
                Latex.list(n, t -> Latex.num(sims[t])), Double.NaN);
        double sumStep = d.step(Words.phrase("ials.sum"), "\\sum_{j \\in I_u} s_{ij} \\, c_{uj}",
                Latex.sum(n, t -> Latex.num(sims[t]) + " \\cdot " + Latex.term(conf[t])), sum);
        if (heldOut) {
            d.step(Words.phrase("ials.residualEarlyStop"),
                    "x_u \\cdot y_i - \\sum_j s_{ij} c_{uj}", Latex.num(score) + " - " + Latex.term(sumStep),
                    score - sumStep);
        } else if (params.solver() == ImplicitAlsAlgorithm.Solver.CG) {
            d.step(Words.phrase("ials.residual"), "x_u \\cdot y_i - \\sum_j s_{ij} c_{uj}",
                    Latex.num(score) + " - " + Latex.term(sumStep), score - sumStep);
        }
        d.step(Words.phrase("ials.score"), "\\hat{p}_{ui} = x_u \\cdot y_i", Latex.num(score), score);
        return explanation(user, item, score, Double.NaN, parts, d.build());
    }

    @Override
    public Optional<org.recworkbench.algo.IncrementalUser> incrementalUser(UserProfile start) {
        return Optional.of(new LeastSquaresUser(LeastSquaresUser.implicit(y, gramY, params), start));
    }

    /** One exact least-squares solve of the profile against the fitted item factors. */
    @Override
    public Optional<FoldIn> foldIn(UserProfile profile) {
        ImplicitSolver solver = new ImplicitSolver(params, x.k);
        solver.system(0, profile.size(), t -> profile.items()[t], t -> (float) profile.values()[t], y, gramY);
        double[] xu = new double[x.k];
        new DenseSolver(x.k).solve(solver.matrix(), solver.rhs(), xu, 0);
        double[] scores = new double[dataset().itemCount()];
        for (int i = 0; i < scores.length; i++) {
            double s = 0;
            for (int f = 0; f < x.k; f++) {
                s += xu[f] * y.values[i * x.k + f];
            }
            scores[i] = s;
        }
        double[] none = new double[scores.length];
        java.util.Arrays.fill(none, Double.NaN);
        return Optional.of(new FoldIn(profile, scores, none));
    }
}
