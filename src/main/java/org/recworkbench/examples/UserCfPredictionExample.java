package org.recworkbench.examples;

import org.recworkbench.algo.knn.NeighbourhoodPrediction;
import org.recworkbench.algo.knn.NeighbourhoodPrediction.Denominator;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

import java.util.List;
import java.util.Map;

/**
 * The mean-centred user-based prediction r̂_ui = r̄_u + Σ s_uv (r_vi − r̄_v) [/ Σ|s_uv|] by
 * {@link NeighbourhoodPrediction}, the code of the engine's kNN. Variant {@code normaliser}: "none" (the article's
 * formula) or "sum-abs-sim" (the engine's); the other one is shown for comparison.
 */
final class UserCfPredictionExample implements ExampleFormula {

    @Override
    public void compute(SeedExample e, Computation c) {
        double meanU = e.number("meanU");
        List<Map<String, Object>> neighbours = e.records("neighbours");
        int n = neighbours.size();
        String[] names = new String[n];
        double[] sims = new double[n];
        double[] ratings = new double[n];
        double[] means = new double[n];
        for (int k = 0; k < n; k++) {
            Map<String, Object> v = neighbours.get(k);
            names[k] = v.get("user").toString();
            sims[k] = SeedExample.toDouble(v.get("sim"), e.id() + " sim");
            ratings[k] = SeedExample.toDouble(v.get("rating"), e.id() + " rating");
            means[k] = SeedExample.toDouble(v.get("mean"), e.id() + " mean");
        }
        Denominator chosen = denominator(e.option("normaliser", "none"), e.id());
        Denominator other = chosen == Denominator.NONE ? Denominator.SUM_ABS_SIMILARITY : Denominator.NONE;
        String u = e.text("targetUser");
        c.show(Words.phrase("example.userCfInputs", u, e.text("item")),
                "\\bar{r}_u; \\; (s_{uv}, r_{vi}, \\bar{r}_v)",
                "\\bar{r}_{" + u + "} = " + Latex.num(meanU) + "; \\; " + Latex.list(n, k -> names[k] + ": ("
                        + Latex.num(sims[k]) + ", " + Latex.num(ratings[k]) + ", " + Latex.num(means[k]) + ")"));
        c.put("terms", NeighbourhoodPrediction.meanCentredTerms(sims, ratings, means));
        double sum = NeighbourhoodPrediction.weightedDeviations(names, sims, ratings, means, c.trace());
        c.put("weightedDeviationSum", sum);
        double abs = NeighbourhoodPrediction.sumAbsSimilarity(sims, c.trace());
        c.put("sumAbsSimilarity", abs);
        c.put(key(other), NeighbourhoodPrediction.meanCentred(Words.t("example.comparison", describe(other)), meanU, sum, abs,
                other, c.trace()));
        double prediction = NeighbourhoodPrediction.meanCentred(Words.t("example.prediction", describe(chosen)), meanU, sum, abs,
                chosen, c.trace());
        c.put(key(chosen), prediction);
        c.recordedLast("result", prediction);
    }

    private static Denominator denominator(String option, String id) {
        return switch (option) {
            case "none" -> Denominator.NONE;
            case "sum-abs-sim" -> Denominator.SUM_ABS_SIMILARITY;
            default -> throw new IllegalStateException(id + ": unknown normaliser \"" + option + "\"");
        };
    }

    private static String key(Denominator d) {
        return d == Denominator.NONE ? "unnormalisedPrediction" : "normalisedPrediction";
    }

    private static String describe(Denominator d) {
        return Words.t(d == Denominator.NONE ? "example.noNormaliser" : "example.dividedBy");
    }
}
