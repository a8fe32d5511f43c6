package org.recworkbench.algo.hybrid;

import org.recworkbench.algo.BaseModel;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.NewItemScoring;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Reasons;
import org.recworkbench.data.Dataset;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

import java.util.List;
import java.util.Optional;

/**
 * Blends two fitted models' per-user normalised scores. Built with {@link #of}, which gives a
 * {@link NewItemHybridModel} when a component can score new items.
 */
sealed class HybridModel extends BaseModel permits NewItemHybridModel {

    private final HybridAlgorithm.HybridParams params;
    private final Model first;
    private final Model second;

    HybridModel(Dataset dataset, ParamValues values, HybridAlgorithm.HybridParams params, Model first,
                Model second) {
        super(dataset, HybridAlgorithm.ID, values);
        this.params = params;
        this.first = first;
        this.second = second;
    }

    /** The hybrid of two components; it scores new items ({@link NewItemScoring}) when either component does. */
    static HybridModel of(Dataset dataset, ParamValues values, HybridAlgorithm.HybridParams params, Model first,
                          Model second) {
        return first instanceof NewItemScoring || second instanceof NewItemScoring
                ? new NewItemHybridModel(dataset, values, params, first, second)
                : new HybridModel(dataset, values, params, first, second);
    }

    Model first() {
        return first;
    }

    Model second() {
        return second;
    }

    @Override
    public Optional<Model> withParams(ParamValues changed) {
        if (!changed.differsOnlyInRescoreParams(params())) {
            return Optional.empty();
        }
        Optional<Model> firstNow = first.withParams(changed.component("cf"));
        Optional<Model> secondNow = second.withParams(changed.component("content"));
        if (firstNow.isEmpty() || secondNow.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HybridModel.of(dataset(), changed, new HybridAlgorithm().bind(changed), firstNow.get(),
                secondNow.get()));
    }

    /**
     * The location and spread a component's scores are normalised with, over the items it can score: min and
     * max − min for min-max, mean and σ for z-score. An item it cannot score counts as its lowest score.
     */
    record Scale(double location, double spread, double lowest) {

        static Scale of(double[] scores, HybridAlgorithm.ScoreNormalisation kind) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (double s : scores) {
                if (s == s) {
                    min = Math.min(min, s);
                    max = Math.max(max, s);
                    sum += s;
                    n++;
                }
            }
            if (n == 0) {
                return new Scale(0, 1, 0);
            }
            if (kind == HybridAlgorithm.ScoreNormalisation.MIN_MAX) {
                return new Scale(min, max - min, min);
            }
            double mean = sum / n;
            double ss = 0;
            for (double s : scores) {
                if (s == s) {
                    ss += (s - mean) * (s - mean);
                }
            }
            return new Scale(mean, Math.sqrt(ss / n), min);
        }

        /** (s − location) / spread; a missing score counts as the lowest; zero spread gives 0. */
        double apply(double s) {
            double x = s == s ? s : lowest;
            return spread == 0 ? 0 : (x - location) / spread;
        }
    }

    @Override
    public double[] scoreAll(int user) {
        checkUser(user);
        return blend(first.scoreAll(user), second.scoreAll(user));
    }

    /** Each component's scores normalised over all of them, then blended item by item. */
    final double[] blend(double[] a, double[] b) {
        Scale sa = Scale.of(a, params.normalisation());
        Scale sb = Scale.of(b, params.normalisation());
        double[] out = new double[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = blend(a[i], b[i], sa, sb);
        }
        return out;
    }

    /** Both components' fold-ins, normalised and blended as for a known user; empty unless both can fold in. */
    @Override
    public Optional<org.recworkbench.algo.FoldIn> foldIn(org.recworkbench.algo.UserProfile profile) {
        Optional<org.recworkbench.algo.FoldIn> a = first.foldIn(profile);
        Optional<org.recworkbench.algo.FoldIn> b = second.foldIn(profile);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        double[] out = blend(a.get().scores(), b.get().scores());
        double[] none = new double[out.length];
        java.util.Arrays.fill(none, Double.NaN);
        return Optional.of(new org.recworkbench.algo.FoldIn(profile, out, none));
    }

    private double blend(double a, double b, Scale sa, Scale sb) {
        if (a != a && b != b) {
            return Double.NaN;
        }
        return params.alpha() * sa.apply(a) + (1 - params.alpha()) * sb.apply(b);
    }

    @Override
    public double predict(int user, int item) {
        return Double.NaN;
    }

    @Override
    public Explanation explain(int user, int item) {
        checkUser(user);
        checkItem(item);
        double[] a = first.scoreAll(user);
        double[] b = second.scoreAll(user);
        Scale sa = Scale.of(a, params.normalisation());
        Scale sb = Scale.of(b, params.normalisation());
        double na = sa.apply(a[item]);
        double nb = sb.apply(b[item]);
        double value = blend(a[item], b[item], sa, sb);
        Derivation.Builder d = derivation(Words.t("hybrid.title"), user, item);
        boolean minMax = params.normalisation() == HybridAlgorithm.ScoreNormalisation.MIN_MAX;
        normalised(d, params.cf(), "a", a[item], sa, na, minMax);
        normalised(d, params.content(), "b", b[item], sb, nb, minMax);
        d.step(Words.phrase("hybrid.blend"), "s = \\alpha \\, a' + (1 - \\alpha) \\, b'", Latex.num(params.alpha()) + " \\cdot "
                + Latex.term(na) + " + " + Latex.num(1 - params.alpha()) + " \\cdot " + Latex.term(nb), value);
        return explanation(user, item, value, Double.NaN, parts(a[item], b[item], sa, sb,
                first.explain(user, item), second.explain(user, item)), d.build());
    }

    /**
     * One contribution per component, α·a′ and (1 − α)·b′; a component's label adds its own reason when its
     * explanation is given ("item-knn: similar to …"), and its values the rating it predicts, when it predicts one
     * (so a component's normalisation or neighbour minimum shows even where the ranking score stays).
     */
    final List<Contribution> parts(double a, double b, Scale sa, Scale sb, Explanation firstWhy,
                                   Explanation secondWhy) {
        double na = sa.apply(a);
        double nb = sb.apply(b);
        return List.of(
                new Contribution(Reasons.COMPONENT, params.cf(), labelled(params.cf(), firstWhy),
                        values(a, na, params.alpha(), firstWhy), params.alpha() * na),
                new Contribution(Reasons.COMPONENT, params.content(), labelled(params.content(), secondWhy),
                        values(b, nb, 1 - params.alpha(), secondWhy), (1 - params.alpha()) * nb));
    }

    private static java.util.Map<String, Double> values(double raw, double normalised, double weight,
                                                        Explanation why) {
        java.util.Map<String, Double> values = Contribution.ordered("raw score", raw, "normalised", normalised,
                "weight", weight);
        if (why != null && why.prediction() == why.prediction()) {
            values.put("predicted rating", why.prediction());
        }
        return values;
    }

    private static String labelled(String component, Explanation e) {
        return e == null || e.contributions().isEmpty() ? component : component + ": " + Reasons.why(e);
    }

    /** The reason of an item blended from these component scores: the component that adds most, in words. */
    final String reason(int user, int item, double[] a, double[] b) {
        Scale sa = Scale.of(a, params.normalisation());
        Scale sb = Scale.of(b, params.normalisation());
        double value = blend(a[item], b[item], sa, sb);
        return Reasons.why(explanation(user, item, value, Double.NaN, parts(a[item], b[item], sa, sb, null, null),
                new Derivation("", List.of())));
    }

    private static void normalised(Derivation.Builder d, String component, String symbol, double raw, Scale s,
                                   double value, boolean minMax) {
        String shown = raw == raw ? Latex.num(raw) : Latex.num(s.lowest()) + " \\text{ (no score: lowest)}";
        if (minMax) {
            d.step(Words.phrase("hybrid.minMax", component), symbol + "' = \\frac{" + symbol
                            + " - \\min}{\\max - \\min}",
                    "\\frac{" + shown + " - " + Latex.term(s.location()) + "}{" + Latex.num(s.spread()) + "}", value);
        } else {
            d.step(Words.phrase("hybrid.zScore", component), symbol + "' = \\frac{" + symbol + " - \\bar{s}}{\\sigma}",
                    "\\frac{" + shown + " - " + Latex.term(s.location()) + "}{" + Latex.num(s.spread()) + "}", value);
        }
    }
}
