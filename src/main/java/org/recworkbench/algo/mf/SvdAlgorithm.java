package org.recworkbench.algo.mf;

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
import org.recworkbench.algo.baseline.BiasAlgorithm;
import org.recworkbench.algo.baseline.BiasBaseline;
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

/**
 * Truncated SVD of the rating matrix (seed article 003's R ≈ U Σ Vᵀ). The missing entries are filled with a
 * baseline b_ui ({@link Fill}) and the baseline is subtracted everywhere, so the matrix factorised, R̃_ui = r_ui − b_ui
 * where rated and 0 elsewhere, stays sparse; its r largest singular triplets (u_k, σ_k, v_k) are computed by
 * {@link TruncatedSvd} and r̂_ui = b_ui + Σ_{k ≤ r} u_uk σ_k v_ik. The fit keeps max(rank, max-rank) triplets, so
 * {@code rank} re-scores live up to {@code max-rank} without refitting.
 */
public final class SvdAlgorithm extends AbstractAlgorithm<SvdAlgorithm.SvdParams>
        implements org.recworkbench.algo.Restorable {

    public static final String ID = "svd";

    /** The baseline the missing entries are filled with and every entry is centred by. */
    public enum Fill {
        /** μ + b_u + b_i, the damped bias baseline with the {@code bias} algorithm's default λs (5 and 3). */
        BIAS,
        /** The item's mean rating (μ for an item without ratings). */
        ITEM_MEAN,
        /** The user's mean rating (μ for a user without ratings). */
        USER_MEAN,
        /** μ. */
        GLOBAL_MEAN,
        /** 0: the plain SVD of the rating matrix with zeros where nothing was rated. */
        ZERO
    }

    public record SvdParams(int rank, Fill fill, int maxRank, int seed) implements Params {
        public SvdParams {
            if (rank < 1 || maxRank < 1) {
                throw new InvalidInputException("Invalid svd parameters: rank and max-rank ≥ 1");
            }
            java.util.Objects.requireNonNull(fill, "fill");
        }
    }

    static final int DEFAULT_RANK = 10;
    static final int DEFAULT_MAX_RANK = 60;

    public SvdAlgorithm() {
        super(ID, Family.MATRIX_FACTORISATION,
                "Truncated SVD of the baseline-filled, centred rating matrix: b_ui + Σ_k u_uk σ_k v_ik",
                List.of(ParamSpec.integer("rank", "Rank r", "Singular triplets used (live up to max-rank)", 1, 200,
                                DEFAULT_RANK).withRescoreOnly(),
                        ParamSpec.choice("fill", "Fill", "Baseline for the missing entries, subtracted from every"
                                        + " entry and added back to the prediction",
                                List.of("bias", "item-mean", "user-mean", "global-mean", "zero"), "bias"),
                        ParamSpec.integer("max-rank", "Max rank", "Singular triplets computed by the fit, so the"
                                + " rank slides without refitting up to this", 1, 300, DEFAULT_MAX_RANK),
                        ParamSpec.integer("seed", "Seed", "Random seed of the starting block", 0, Integer.MAX_VALUE,
                                42)));
    }

    @Override
    public SvdParams bind(ParamValues v) {
        return new SvdParams(v.getInt("rank"), Fill.valueOf(v.getChoice("fill").toUpperCase(Locale.ROOT)
                .replace('-', '_')), v.getInt("max-rank"), v.getInt("seed"));
    }

    @Override
    public Model fit(Dataset train, SvdParams params, Progress progress, Cancellation cancellation) {
        RatingMatrix r = train.ratings();
        Baseline baseline = Baseline.fit(train, params.fill());
        int users = train.userCount();
        int[] rowStart = new int[users + 1];
        int[] cols = new int[r.size()];
        double[] residuals = new double[r.size()];
        int n = 0;
        for (int u = 0; u < users; u++) {
            rowStart[u] = n;
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                int i = r.rowItem(p);
                cols[n] = i;
                residuals[n] = r.rowValue(p) - baseline.value(u, i);
                n++;
            }
        }
        rowStart[users] = n;
        int computed = Math.min(Math.max(params.rank(), params.maxRank()), Math.min(users, train.itemCount()));
        progress.report(0, "svd: the " + computed + " largest singular triplets");
        TruncatedSvd.Result svd = new TruncatedSvd(users, train.itemCount(), rowStart, cols, residuals)
                .top(computed, params.seed(), cancellation);
        progress.report(1, "svd: " + svd.k() + " triplets after " + svd.iterations() + " iterations");
        return new SvdModel(train, values(params), params, baseline, svd);
    }

    /**
     * The triplets and the baseline as fitted; the number of triplets must be the one the fit computes for these
     * parameters on this dataset.
     */
    @Override
    public Model restore(Dataset dataset, ParamValues values, org.recworkbench.algo.ModelState state) {
        SvdParams params = bind(values);
        int users = dataset.userCount();
        int items = dataset.itemCount();
        int k = Math.min(Math.max(params.rank(), params.maxRank()), Math.min(users, items));
        double[] sigma = state.doubles("singular-values", k);
        TruncatedSvd.Result svd = new TruncatedSvd.Result(k, state.doubles("user-vectors", Math.multiplyExact(users, k)),
                sigma, state.doubles("item-vectors", Math.multiplyExact(items, k)), 0);
        double mu = state.singleDouble("baseline-mean");
        double[] userPart = state.doubles("baseline-users", users);
        double[] itemPart = state.doubles("baseline-items", items);
        BiasBaseline bias = params.fill() == Fill.BIAS ? BiasBaseline.of(dataset, BiasAlgorithm.DEFAULT_LAMBDA_USER,
                BiasAlgorithm.DEFAULT_LAMBDA_ITEM, mu, userPart, itemPart) : null;
        Baseline baseline = new Baseline(params.fill(), mu, userPart, itemPart, bias,
                state.singleDouble("overall-mean"));
        return new SvdModel(dataset, values, params, baseline, svd);
    }

    /**
     * b_ui = μ + b_u + b_i, with the parts a fill does not use at 0.
     *
     * @param bias    the damped baseline for {@link Fill#BIAS} (its user bias of a new profile), else null
     * @param overall the mean of all training ratings (a user mean without ratings)
     */
    record Baseline(Fill fill, double mu, double[] userPart, double[] itemPart, BiasBaseline bias, double overall) {

        static Baseline fit(Dataset train, Fill fill) {
            RatingMatrix r = train.ratings();
            double sum = 0;
            for (int p = 0; p < r.size(); p++) {
                sum += r.rowValue(p);
            }
            double mu = r.size() == 0 ? 0 : sum / r.size();
            double[] bu = new double[train.userCount()];
            double[] bi = new double[train.itemCount()];
            switch (fill) {
                case BIAS -> {
                    BiasBaseline b = BiasBaseline.fit(train, BiasAlgorithm.DEFAULT_LAMBDA_USER,
                            BiasAlgorithm.DEFAULT_LAMBDA_ITEM);
                    for (int u = 0; u < bu.length; u++) {
                        bu[u] = b.userBias(u);
                    }
                    for (int i = 0; i < bi.length; i++) {
                        bi[i] = b.itemBias(i);
                    }
                    return new Baseline(fill, b.mu(), bu, bi, b, mu);
                }
                case ITEM_MEAN -> {
                    for (int i = 0; i < bi.length; i++) {
                        double s = 0;
                        for (int p = r.colStart(i), end = p + r.colLength(i); p < end; p++) {
                            s += r.colValue(p);
                        }
                        bi[i] = r.colLength(i) == 0 ? mu : s / r.colLength(i);
                    }
                    return new Baseline(fill, 0, bu, bi, null, mu);
                }
                case USER_MEAN -> {
                    for (int u = 0; u < bu.length; u++) {
                        double s = 0;
                        for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                            s += r.rowValue(p);
                        }
                        bu[u] = r.rowLength(u) == 0 ? mu : s / r.rowLength(u);
                    }
                    return new Baseline(fill, 0, bu, bi, null, mu);
                }
                case GLOBAL_MEAN -> {
                    return new Baseline(fill, mu, bu, bi, null, mu);
                }
                default -> {
                    return new Baseline(fill, 0, bu, bi, null, mu);
                }
            }
        }

        double value(int user, int item) {
            return mu + userPart[user] + itemPart[item];
        }

        /** The user part for a new user's ratings, as the fit computes it for a known one. */
        double userPart(UserProfile profile) {
            return switch (fill) {
                case BIAS -> bias.userBias(profile);
                case USER_MEAN -> profile.size() == 0 ? overall : profile.mean();
                default -> 0;
            };
        }

        /** "μ + b_u + b_i", "r̄_i" …, the baseline's formula. */
        String formula() {
            return switch (fill) {
                case BIAS -> "b_{ui} = \\mu + b_u + b_i";
                case ITEM_MEAN -> "b_{ui} = \\bar{r}_i";
                case USER_MEAN -> "b_{ui} = \\bar{r}_u";
                case GLOBAL_MEAN -> "b_{ui} = \\mu";
                case ZERO -> "b_{ui} = 0";
            };
        }

        String substituted(double user, int item) {
            return switch (fill) {
                case BIAS -> Latex.num(mu) + " + " + Latex.term(user) + " + " + Latex.term(itemPart[item]);
                case ITEM_MEAN -> Latex.num(itemPart[item]);
                case USER_MEAN -> Latex.num(user);
                case GLOBAL_MEAN -> Latex.num(mu);
                case ZERO -> "0";
            };
        }
    }

    /** A fitted truncated SVD: the baseline and the computed singular triplets, of which the first {@code rank} score. */
    public static final class SvdModel extends BaseModel implements org.recworkbench.algo.Persistable {

        private final SvdParams params;
        private final Baseline baseline;
        private final TruncatedSvd.Result svd;
        private final int rank;

        SvdModel(Dataset dataset, ParamValues values, SvdParams params, Baseline baseline, TruncatedSvd.Result svd) {
            super(dataset, ID, values);
            this.params = params;
            this.baseline = baseline;
            this.svd = svd;
            this.rank = Math.min(params.rank(), svd.k());
        }

        @Override
        public org.recworkbench.algo.ModelState state() {
            return new org.recworkbench.algo.ModelState().putDoubles("user-vectors", svd.u())
                    .putDoubles("singular-values", svd.sigma()).putDoubles("item-vectors", svd.v())
                    .putDouble("baseline-mean", baseline.mu()).putDoubles("baseline-users", baseline.userPart())
                    .putDoubles("baseline-items", baseline.itemPart()).putDouble("overall-mean", baseline.overall());
        }

        /** The singular values in use, σ_1 ≥ … ≥ σ_r (r = the rank, at most min(users, items)). */
        public double[] singularValues() {
            return java.util.Arrays.copyOf(svd.sigma(), rank);
        }

        /** Every singular value the fit computed (max(rank, max-rank) of them, at most min(users, items)). */
        public double[] computedSingularValues() {
            return svd.sigma().clone();
        }

        /** The rank in use: the {@code rank} parameter, capped at the triplets computed. */
        public int rank() {
            return rank;
        }

        /** Σ_k u_uk σ_k v_ik over the first {@code rank} triplets. */
        private double reconstruction(int user, int item) {
            int k = svd.k();
            double[] u = svd.u();
            double[] v = svd.v();
            double[] sigma = svd.sigma();
            double s = 0;
            for (int f = 0; f < rank; f++) {
                s += u[user * k + f] * sigma[f] * v[item * k + f];
            }
            return s;
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            int k = svd.k();
            double[] u = svd.u();
            double[] v = svd.v();
            double[] sigma = svd.sigma();
            double[] weights = new double[rank];
            for (int f = 0; f < rank; f++) {
                weights[f] = u[user * k + f] * sigma[f];
            }
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                double s = 0;
                for (int f = 0; f < rank; f++) {
                    s += weights[f] * v[i * k + f];
                }
                // the same order of operations as predict and explain, so the three agree to the last bit
                scores[i] = baseline.value(user, i) + s;
            }
            return scores;
        }

        @Override
        public double predict(int user, int item) {
            checkUser(user);
            checkItem(item);
            return baseline.value(user, item) + reconstruction(user, item);
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            Derivation.Builder d = derivation(Words.t("svd.title", String.valueOf(rank), fillName()), user, item);
            double b = d.step(Words.phrase("svd.baseline"),
                    baseline.formula(), baseline.substituted(baseline.userPart()[user], item),
                    baseline.value(user, item));
            double[] sigma = singularValues();
            d.step(Words.phrase("svd.singularValues", String.valueOf(rank)),
                    "\\sigma_1 \\geq \\ldots \\geq \\sigma_{" + rank + "}", Latex.list(sigma.length,
                            f -> Latex.num(sigma[f])), Double.NaN);
            int k = svd.k();
            double[] u = svd.u();
            double[] v = svd.v();
            List<Contribution> parts = new ArrayList<>();
            baselineParts(user, item, parts);
            double s = 0;
            for (int f = 0; f < rank; f++) {
                double uf = u[user * k + f];
                double vf = v[item * k + f];
                double product = uf * sigma[f] * vf;
                s += product;
                parts.add(new Contribution(Reasons.FACTOR, Integer.toString(f + 1), "singular triplet " + (f + 1),
                        Contribution.ordered("u_uk", uf, "σ_k", sigma[f], "v_ik", vf, "product", product), product));
            }
            d.step(Words.phrase("svd.reconstruction", String.valueOf(rank)),
                    "\\sum_{k=1}^{" + rank + "} u_{uk} \\, \\sigma_k \\, v_{ik}",
                    Latex.sum(rank, f -> Latex.num(u[user * k + f]) + " \\cdot " + Latex.num(sigma[f]) + " \\cdot "
                            + Latex.term(v[item * k + f])), s);
            double value = d.step(Words.phrase("knn.prediction"), "\\hat{r}_{ui} = b_{ui} + \\sum_k u_{uk} \\sigma_k v_{ik}",
                    Latex.num(b) + " + " + Latex.term(s), b + s);
            return explanation(user, item, value, value, parts, d.build());
        }

        private String fillName() {
            return baseline.fill().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        private void baselineParts(int user, int item, List<Contribution> parts) {
            switch (baseline.fill()) {
                case BIAS -> LatentExplanation.biases(baseline.mu(), baseline.userPart()[user],
                        baseline.itemPart()[item], parts);
                case ITEM_MEAN -> parts.add(new Contribution(Reasons.ITEM_BIAS, "mean_i", "item mean",
                        Contribution.ordered("value", baseline.itemPart()[item]), baseline.itemPart()[item]));
                case USER_MEAN -> parts.add(new Contribution(Reasons.USER_BIAS, "mean_u", "user mean",
                        Contribution.ordered("value", baseline.userPart()[user]), baseline.userPart()[user]));
                case GLOBAL_MEAN -> parts.add(new Contribution(Reasons.GLOBAL_MEAN, "mu", "global mean μ",
                        Contribution.ordered("value", baseline.mu()), baseline.mu()));
                case ZERO -> {
                }
            }
        }

        /** The rank changes live while the triplets for it were computed (or all of them were). */
        @Override
        public Optional<Model> withParams(ParamValues changed) {
            if (changed.equals(params())) {
                return Optional.of(this);
            }
            if (!changed.differsOnlyInRescoreParams(params())) {
                return Optional.empty();
            }
            int wanted = changed.getInt("rank");
            int full = Math.min(dataset().userCount(), dataset().itemCount());
            if (wanted > svd.k() && svd.k() < full) {
                return Optional.empty();
            }
            SvdParams p = new SvdParams(wanted, params.fill(), params.maxRank(), params.seed());
            return Optional.of(new SvdModel(dataset(), changed, p, baseline, svd));
        }

        /**
         * Projects the new user's centred row x (x_j = r_j − b_uj on the rated items, 0 elsewhere) onto the item
         * singular vectors: u σ = x V, so r̂_i = b_ui + Σ_k (x · v_k) v_ik — for a known user's own ratings exactly
         * the fitted prediction, since X V = U Σ.
         */
        @Override
        public Optional<FoldIn> foldIn(UserProfile profile) {
            double userPart = baseline.userPart(profile);
            int k = svd.k();
            double[] v = svd.v();
            double[] coordinates = new double[rank];
            for (int t = 0; t < profile.size(); t++) {
                int i = profile.items()[t];
                double x = profile.values()[t] - (baseline.mu() + userPart + baseline.itemPart()[i]);
                for (int f = 0; f < rank; f++) {
                    coordinates[f] += x * v[i * k + f];
                }
            }
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                double s = baseline.mu() + userPart + baseline.itemPart()[i];
                for (int f = 0; f < rank; f++) {
                    s += coordinates[f] * v[i * k + f];
                }
                scores[i] = s;
            }
            return Optional.of(new FoldIn(profile, scores, scores.clone()));
        }
    }
}
