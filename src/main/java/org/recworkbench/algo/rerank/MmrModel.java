package org.recworkbench.algo.rerank;

import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.ScoredItems;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The greedy MMR order of a base model's best candidates. The score of a chosen item is its MMR value when it was
 * chosen; these never increase along the list, so ranking by score reproduces the greedy order.
 */
final class MmrModel extends BaseModel {

    private final MmrAlgorithm.MmrParams params;
    private final Model base;
    private final ItemSimilarity similarity;

    MmrModel(Dataset dataset, ParamValues values, MmrAlgorithm.MmrParams params, Model base,
             ItemSimilarity similarity) {
        super(dataset, MmrAlgorithm.ID, values);
        this.params = params;
        this.base = base;
        this.similarity = similarity;
    }

    @Override
    public Optional<Model> withParams(ParamValues changed) {
        if (!changed.differsOnlyInRescoreParams(params())) {
            return Optional.empty();
        }
        return base.withParams(changed.component("base"))
                .map(rescored -> new MmrModel(dataset(), changed, new MmrAlgorithm().bind(changed), rescored,
                        similarity));
    }

    /** The greedy selection for a user: chosen items in order, with relevance, penalty and the nearest chosen item. */
    private record Selection(int[] items, double[] relevance, double[] penalty, int[] nearest, double[] value) {
    }

    private Selection select(int user) {
        return select(base.recommend(user, params.candidates()));
    }

    private Selection select(ScoredItems candidates) {
        int n = candidates.size();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < n; r++) {
            min = Math.min(min, candidates.score(r));
            max = Math.max(max, candidates.score(r));
        }
        double[] rel = new double[n];
        for (int r = 0; r < n; r++) {
            rel[r] = max == min ? 1 : (candidates.score(r) - min) / (max - min);
        }
        boolean[] taken = new boolean[n];
        double[] maxSim = new double[n];
        int[] nearest = new int[n];
        Arrays.fill(nearest, -1);
        Selection s = new Selection(new int[n], new double[n], new double[n], new int[n], new double[n]);
        double lambda = params.lambda();
        for (int t = 0; t < n; t++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < n; r++) {
                if (taken[r]) {
                    continue;
                }
                double v = lambda * rel[r] - (1 - lambda) * maxSim[r];
                if (v > bestValue || (v == bestValue && candidates.item(r) < candidates.item(best))) {
                    best = r;
                    bestValue = v;
                }
            }
            taken[best] = true;
            int chosen = candidates.item(best);
            s.items()[t] = chosen;
            s.relevance()[t] = rel[best];
            s.penalty()[t] = maxSim[best];
            s.nearest()[t] = nearest[best];
            s.value()[t] = bestValue;
            for (int r = 0; r < n; r++) {
                if (!taken[r]) {
                    double sim = similarity.between(candidates.item(r), chosen);
                    if (sim > maxSim[r]) {
                        maxSim[r] = sim;
                        nearest[r] = chosen;
                    }
                }
            }
        }
        return s;
    }

    @Override
    public double[] scoreAll(int user) {
        checkUser(user);
        Selection s = select(user);
        double[] scores = new double[dataset().itemCount()];
        Arrays.fill(scores, Double.NaN);
        for (int t = 0; t < s.items().length; t++) {
            scores[s.items()[t]] = s.value()[t];
        }
        return scores;
    }

    @Override
    public double predict(int user, int item) {
        return base.predict(user, item);
    }

    /** The base model's fold-in, re-ranked the same way; empty when the base cannot fold in. */
    @Override
    public Optional<org.recworkbench.algo.FoldIn> foldIn(org.recworkbench.algo.UserProfile profile) {
        return base.foldIn(profile).map(folded -> {
            Selection s = select(folded.recommend(params.candidates()));
            double[] scores = new double[dataset().itemCount()];
            Arrays.fill(scores, Double.NaN);
            for (int t = 0; t < s.items().length; t++) {
                scores[s.items()[t]] = s.value()[t];
            }
            return new org.recworkbench.algo.FoldIn(profile, scores, folded.predictions());
        });
    }

    @Override
    public Explanation explain(int user, int item) {
        checkUser(user);
        checkItem(item);
        Selection s = select(user);
        int t = 0;
        while (t < s.items().length && s.items()[t] != item) {
            t++;
        }
        Derivation.Builder d = derivation(Words.t("mmr.title"), user, item);
        if (t == s.items().length) {
            d.step(Words.phrase("mmr.notCandidate", String.valueOf(params.candidates())), "i \\notin C", "",
                    Double.NaN);
            return explanation(user, item, Double.NaN, base.predict(user, item), List.of(), d.build());
        }
        double rel = s.relevance()[t];
        double pen = s.penalty()[t];
        int near = s.nearest()[t];
        d.step(Words.phrase("mmr.relevance"),
                "rel(i) = \\frac{s_i - \\min}{\\max - \\min}", Latex.num(rel), rel);
        d.step(near < 0 ? Words.phrase("mmr.penaltyNone", similarity.description())
                        : Words.phrase("mmr.penalty", similarity.description(), itemId(near)),
                "\\max_{j \\in S} sim(i, j)", Latex.num(pen), pen);
        double value = d.step(Words.phrase("mmr.value", String.valueOf(t + 1)),
                "\\lambda \\, rel(i) - (1 - \\lambda) \\max_{j \\in S} sim(i, j)", Latex.num(params.lambda())
                        + " \\cdot " + Latex.num(rel) + " - " + Latex.num(1 - params.lambda()) + " \\cdot "
                        + Latex.num(pen), s.value()[t]);
        List<Contribution> parts = List.of(
                new Contribution("relevance", itemId(item), itemLabel(item), Contribution.ordered("relevance", rel,
                        "weight", params.lambda()), params.lambda() * rel),
                new Contribution("diversity penalty", near < 0 ? "none" : itemId(near),
                        near < 0 ? "none" : itemLabel(near), Contribution.ordered("similarity", pen,
                        "weight", 1 - params.lambda()), -(1 - params.lambda()) * pen));
        return explanation(user, item, value, base.predict(user, item), parts, d.build());
    }
}
