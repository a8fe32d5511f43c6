package org.recworkbench.algo.content;

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
import org.recworkbench.data.InvalidInputException;
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
 * Seed article 002's interest model as the article writes it: r_ui = μ + ⟨u, p⟩ − α, with the features taken to be
 * the item categories: p is the item's category indicator vector, u the user's interest vector (the share of the
 * user's items in each category) and μ the user's mean interest over the categories. α is the article's adjusting
 * parameter. Kept for teaching: compare it with a learned model on the same data.
 */
public final class SeedLatentAlgorithm extends AbstractAlgorithm<SeedLatentAlgorithm.SeedLatentParams> {

    public static final String ID = "seed-latent";

    public record SeedLatentParams(double alpha) implements Params {
    }

    public SeedLatentAlgorithm() {
        super(ID, Family.CONTENT, "Seed article 002's formula: r_ui = μ + ⟨u, p⟩ − α over item categories",
                List.of(ParamSpec.real("alpha", "α", "The article's adjusting parameter, subtracted from every score",
                        -10, 10, 0.1, 0.01).withRescoreOnly()));
    }

    /** The article's interest r = μ + ⟨u, p⟩ − α for a dense item vector p, recorded step by step. */
    public static double interestScore(double mu, double[] u, double[] p, double alpha, Derivation.Builder trace) {
        if (u.length != p.length) {
            throw new InvalidInputException("u and p differ in length: " + u.length + " and " + p.length);
        }
        int[] all = new int[p.length];
        java.util.Arrays.setAll(all, k -> k);
        return interestScore(mu, u, all, p, alpha, trace);
    }

    /**
     * r = μ + ⟨u, p⟩ − α with p sparse: its non-zero positions and their values, or null values for an indicator
     * vector (every listed position 1), which is how the model sees an item's categories.
     */
    static double interestScore(double mu, double[] u, int[] positions, double[] values, double alpha,
                                Derivation.Builder trace) {
        double dot = 0;
        for (int t = 0; t < positions.length; t++) {
            dot += values == null ? u[positions[t]] : u[positions[t]] * values[t];
        }
        double beforeAlpha = mu + dot;
        double value = beforeAlpha - alpha;
        if (trace.recording()) {
            trace.step(Words.phrase("seed.inner"), "\\langle u, p \\rangle = \\sum_c u_c \\, p_c",
                    Latex.sum(positions.length, t -> Latex.num(u[positions[t]]) + " \\cdot "
                            + (values == null ? "1" : Latex.term(values[t]))), dot);
            trace.step(Words.phrase("seed.meanPlusInner"), "\\mu + \\langle u, p \\rangle",
                    Latex.num(mu) + " + " + Latex.term(dot), beforeAlpha);
            trace.step(Words.phrase("ials.score"), "r_{ui} = \\mu + \\langle u, p \\rangle - \\alpha",
                    Latex.num(beforeAlpha) + " - " + Latex.term(alpha), value);
        }
        return value;
    }

    @Override
    public SeedLatentParams bind(ParamValues v) {
        return new SeedLatentParams(v.getDouble("alpha"));
    }

    @Override
    public Model fit(Dataset train, SeedLatentParams params, Progress progress, Cancellation cancellation) {
        Map<String, Integer> features = new LinkedHashMap<>();
        for (int i = 0; i < train.itemCount(); i++) {
            for (String c : train.catalog().categories(i)) {
                features.putIfAbsent(c, features.size());
            }
        }
        if (features.isEmpty()) {
            throw new InvalidInputException("seed-latent needs item categories; dataset " + train.name()
                    + " has none");
        }
        int[][] itemFeatures = new int[train.itemCount()][];
        for (int i = 0; i < itemFeatures.length; i++) {
            itemFeatures[i] = train.catalog().categories(i).stream().mapToInt(features::get).distinct().toArray();
        }
        return new SeedLatentModel(train, values(params), params.alpha(), List.copyOf(features.keySet()),
                itemFeatures);
    }

    private static final class SeedLatentModel extends BaseModel {

        private final double alpha;
        private final List<String> features;
        private final int[][] itemFeatures;

        SeedLatentModel(Dataset dataset, ParamValues values, double alpha, List<String> features,
                        int[][] itemFeatures) {
            super(dataset, ID, values);
            this.alpha = alpha;
            this.features = features;
            this.itemFeatures = itemFeatures;
        }

        @Override
        public java.util.Optional<Model> withParams(ParamValues changed) {
            return java.util.Optional.of(new SeedLatentModel(dataset(), changed, changed.getDouble("alpha"),
                    features, itemFeatures));
        }

        /** u_c: the share of the user's items in category c. */
        private double[] interest(int user) {
            RatingMatrix r = dataset().ratings();
            double[] u = new double[features.size()];
            int n = r.rowLength(user);
            for (int p = r.rowStart(user); p < r.rowStart(user) + n; p++) {
                for (int f : itemFeatures[r.rowItem(p)]) {
                    u[f] += 1.0 / n;
                }
            }
            return u;
        }

        /** The interest vector of a new user from the categories of the items in the profile. */
        @Override
        public java.util.Optional<org.recworkbench.algo.FoldIn> foldIn(org.recworkbench.algo.UserProfile profile) {
            double[] u = new double[features.size()];
            for (int item : profile.items()) {
                for (int f : itemFeatures[item]) {
                    u[f] += 1.0 / profile.size();
                }
            }
            double mu = mean(u);
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = score(u, mu, i);
            }
            return java.util.Optional.of(new org.recworkbench.algo.FoldIn(profile, scores, scores.clone()));
        }

        private static double mean(double[] u) {
            double s = 0;
            for (double v : u) {
                s += v;
            }
            return s / u.length;
        }

        private double score(double[] u, double mu, int item) {
            return interestScore(mu, u, itemFeatures[item], null, alpha, Derivation.Builder.NONE);
        }

        @Override
        public double[] scoreAll(int user) {
            checkUser(user);
            double[] u = interest(user);
            double mu = mean(u);
            double[] scores = new double[dataset().itemCount()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = score(u, mu, i);
            }
            return scores;
        }

        @Override
        public double predict(int user, int item) {
            return scoreAll(user)[item];
        }

        @Override
        public Explanation explain(int user, int item) {
            checkUser(user);
            checkItem(item);
            double[] u = interest(user);
            double mu = mean(u);
            int[] f = itemFeatures[item];
            List<Contribution> parts = new ArrayList<>();
            for (int c : f) {
                parts.add(new Contribution("category", features.get(c), features.get(c),
                        Contribution.ordered("interest u_c", u[c], "p_c", 1), u[c]));
            }
            Derivation.Builder d = derivation(Words.t("seed.latentTitle"), user, item);
            d.step(Words.phrase("seed.latentModel"), "\\text{as written in seed article 002}", "",
                    Double.NaN);
            d.step(Words.phrase("seed.meanInterest"), "\\mu = \\frac{1}{|F|} \\sum_c u_c", "\\frac{1}{" + u.length
                    + "} \\sum_c u_c", mu);
            double value = interestScore(mu, u, f, null, alpha, d);
            return explanation(user, item, value, value, parts, d.build());
        }
    }
}
