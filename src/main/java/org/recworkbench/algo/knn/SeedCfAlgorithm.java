package org.recworkbench.algo.knn;

import org.recworkbench.algo.AbstractAlgorithm;
import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Family;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user-based formula exactly as seed article 001 writes it: the asymmetric weight
 * w_ik = Σ_j r_ij r_kj / Σ_j r_ij² and the unnormalised sum R_ij = Σ_k w_ik r_kj over all users k (the user itself
 * included, as the article's sums run over every k). Kept for teaching why normalisation matters: without dividing
 * by Σ|w|, users with many similar neighbours get inflated scores.
 */
public final class SeedCfAlgorithm extends AbstractAlgorithm<SeedCfAlgorithm.SeedCfParams>
        implements org.recworkbench.algo.Restorable {

    public static final String ID = "seed-cf";
    private static final List<ParamSpec> PARAMS = List.of(ParamSpec.flag("include-self", "Include the user",
            "Let the sum over k include the user itself (w_ii = 1), as the article's sums do", true)
            .withRescoreOnly());

    public record SeedCfParams(boolean includeSelf) implements Params {
    }

    public SeedCfAlgorithm() {
        super(ID, Family.NEIGHBOURHOOD,
                "Seed article 001's formula: R_ij = Σ_k w_ik r_kj with w_ik = Σ_j r_ij r_kj / Σ_j r_ij² (unnormalised)",
                PARAMS);
    }

    @Override
    public SeedCfParams bind(ParamValues values) {
        return new SeedCfParams(values.getFlag("include-self"));
    }

    @Override
    public Model fit(Dataset train, SeedCfParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix r = train.ratings();
        double[] squares = new double[train.userCount()];
        for (int u = 0; u < squares.length; u++) {
            squares[u] = SeedCfWeights.squares(r, u);
        }
        return new SeedCfModel(train, values(params), params.includeSelf(), squares);
    }

    /** The article's model has no learned parameters beyond each user's Σ_j r_ij², the denominator of w_ik. */
    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        double[] squares = state.doubles("user-squares", dataset.userCount());
        for (double s : squares) {
            if (!(s >= 0)) {
                throw new org.recworkbench.data.InvalidInputException("the model state's array \"user-squares\""
                        + " holds " + s + ", not a sum of squares");
            }
        }
        return new SeedCfModel(dataset, values, bind(values).includeSelf(), squares);
    }

    private static final class SeedCfModel extends BaseModel implements org.recworkbench.algo.Persistable {

        private final boolean includeSelf;
        /** Σ_j r_ij² per user. */
        private final double[] squares;

        SeedCfModel(Dataset dataset, ParamValues values, boolean includeSelf, double[] squares) {
            super(dataset, ID, values);
            this.includeSelf = includeSelf;
            this.squares = squares;
        }

        @Override
        public org.recworkbench.algo.ModelState state() {
            return new org.recworkbench.algo.ModelState().putDoubles("user-squares", squares);
        }

        @Override
        public java.util.Optional<Model> withParams(ParamValues changed) {
            return java.util.Optional.of(new SeedCfModel(dataset(), changed, changed.getFlag("include-self"),
                    squares));
        }

        /** The article's formula for a new user: w_k = Σ_j r_j r_kj / Σ_j r_j², R_j = Σ_k w_k r_kj. */
        @Override
        public java.util.Optional<org.recworkbench.algo.FoldIn> foldIn(org.recworkbench.algo.UserProfile profile) {
            RatingMatrix r = dataset().ratings();
            double[] dot = new double[dataset().userCount()];
            double norm = 0;
            for (int t = 0; t < profile.size(); t++) {
                int j = profile.items()[t];
                double x = profile.values()[t];
                norm += x * x;
                for (int q = r.colStart(j), qEnd = q + r.colLength(j); q < qEnd; q++) {
                    dot[r.colUser(q)] += x * r.colValue(q);
                }
            }
            double[] scores = new double[dataset().itemCount()];
            java.util.Arrays.fill(scores, Double.NaN);
            for (int k = 0; k < dot.length && norm != 0; k++) {
                if (dot[k] == 0) {
                    continue;
                }
                double w = dot[k] / norm;
                for (int q = r.rowStart(k), qEnd = q + r.rowLength(k); q < qEnd; q++) {
                    int j = r.rowItem(q);
                    scores[j] = (scores[j] == scores[j] ? scores[j] : 0) + w * r.rowValue(q);
                }
            }
            return java.util.Optional.of(new org.recworkbench.algo.FoldIn(profile, scores, scores.clone()));
        }

        /**
         * Whether user k contributes to the user's scores: not when the user has no weights (Σ r² = 0, NaN), and
         * not with weight 0, so an item only such users rated stays unscored (NaN) instead of scoring 0.
         */
        private boolean counts(int user, int k, double weight) {
            return !Double.isNaN(weight) && weight != 0 && (includeSelf || k != user);
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            RatingMatrix r = dataset().ratings();
            double[] weights = SeedCfWeights.weights(r, user, squares[user]);
            double[] scores = new double[dataset().itemCount()];
            java.util.Arrays.fill(scores, Double.NaN);
            for (int k = 0; k < weights.length; k++) {
                if (!counts(user, k, weights[k])) {
                    continue;
                }
                double w = weights[k];
                for (int q = r.rowStart(k), qEnd = q + r.rowLength(k); q < qEnd; q++) {
                    int j = r.rowItem(q);
                    scores[j] = (scores[j] == scores[j] ? scores[j] : 0) + w * r.rowValue(q);
                }
            }
            return scores;
        }

        @Override
        public double predict(int user, int item) {
            return explainInto(user, item, Derivation.Builder.NONE).score();
        }

        @Override
        public Explanation explain(int user, int item) {
            return explainInto(user, item, derivation(Words.t("seed.cfTitle"), user, item));
        }

        private Explanation explainInto(int user, int item, Derivation.Builder d) {
            checkUser(user);
            checkItem(item);
            RatingMatrix r = dataset().ratings();
            double[] dot = SeedCfWeights.dots(r, user);
            double norm = squares[user];
            double[] weights = SeedCfWeights.weights(r, user, norm);
            List<Contribution> parts = new ArrayList<>();
            List<double[]> terms = new ArrayList<>();
            double sum = 0;
            boolean any = false;
            for (int q = r.colStart(item), qEnd = q + r.colLength(item); q < qEnd; q++) {
                int k = r.colUser(q);
                if (!counts(user, k, weights[k])) {
                    continue;
                }
                double w = weights[k];
                double rating = r.colValue(q);
                sum += w * rating;
                any = true;
                terms.add(new double[] {w, rating, dot[k]});
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("Σ r_ij r_kj", dot[k]);
                values.put("weight w_ik", w);
                values.put("rating r_kj", rating);
                values.put("contribution", w * rating);
                parts.add(new Contribution("user", userId(k), userId(k), values, w * rating));
            }
            double score = any ? sum : Double.NaN;
            if (d.recording()) {
                d.step(Words.phrase("seed.cfFormula"), "\\text{as written in seed article 001}", "",
                        Double.NaN);
                d.step(Words.phrase("seed.cfSquares"), "\\sum_j r_{ij}^2", Latex.num(norm), norm);
                d.step(Words.phrase("seed.cfWeights"),
                        "w_{ik} = \\frac{\\sum_j r_{ij} r_{kj}}{\\sum_j r_{ij}^2}",
                        Latex.list(terms.size(), t -> "\\frac{" + Latex.num(terms.get(t)[2]) + "}{"
                                + Latex.num(norm) + "}"), Double.NaN);
                d.step(Words.phrase("ials.score"), "R_{ij} = \\sum_k w_{ik} \\, r_{kj}",
                        Latex.sum(terms.size(), t -> Latex.num(terms.get(t)[0]) + " \\cdot "
                                + Latex.term(terms.get(t)[1])), score);
            }
            return explanation(user, item, score, score, parts, d.recording() ? d.build()
                    : new Derivation("", List.of()));
        }
    }
}
