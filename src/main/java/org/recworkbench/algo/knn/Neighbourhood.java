package org.recworkbench.algo.knn;

import org.recworkbench.algo.Contribution;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The neighbours used for one (target, other) pair and the arithmetic on them; shared by scoring, prediction and
 * explanation so they cannot disagree. A scratch object: one per call or per thread, never shared.
 */
final class Neighbourhood {

    int count;
    int[] neighbours;
    double[] similarities;
    double[] ratings;
    int[] overlaps;
    double score;
    double numerator;
    double denominator;
    double prediction;

    Neighbourhood(int capacity) {
        neighbours = new int[capacity];
        similarities = new double[capacity];
        ratings = new double[capacity];
        overlaps = new int[capacity];
    }

    void clear() {
        count = 0;
    }

    void add(int neighbour, double similarity, double rating, int overlap) {
        neighbours[count] = neighbour;
        similarities[count] = similarity;
        ratings[count] = rating;
        overlaps[count] = overlap;
        count++;
    }

    /** One contribution per neighbour, in neighbour order, with the numbers the derivation uses. */
    List<Contribution> contributions(Normaliser norm, int target, int other, String kind, IntFunction<String> id,
                                     IntFunction<String> label) {
        List<Contribution> list = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double dev = deviation(norm, neighbours[k], other, ratings[k]);
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("similarity", similarities[k]);
            values.put("overlap", (double) overlaps[k]);
            values.put("rating", ratings[k]);
            values.put("normalised", dev);
            values.put("weighted", similarities[k] * dev);
            values.put("share of prediction", denominator == 0 ? Double.NaN
                    : norm.scale(target) * similarities[k] * dev / denominator);
            values.put("share of score", similarities[k] * ratings[k]);
            list.add(new Contribution(kind, id.apply(neighbours[k]),
                    label.apply(neighbours[k]), values, similarities[k] * ratings[k]));
        }
        return list;
    }

    /**
     * Ranking score Σ s·r, and prediction base(target) + scale(target) · Σ s·(r − base)/scale / Σ|s| (NaN without
     * neighbours).
     */
    void evaluate(Normaliser norm, int target, int other) {
        double s = 0;
        double num = 0;
        double den = 0;
        for (int k = 0; k < count; k++) {
            int n = neighbours[k];
            double sim = similarities[k];
            s += sim * ratings[k];
            num += sim * deviation(norm, n, other, ratings[k]);
            den += Math.abs(sim);
        }
        score = count == 0 ? Double.NaN : s;
        numerator = num;
        denominator = den;
        prediction = NeighbourhoodPrediction.combine(norm.base(target, other), norm.scale(target), num, den,
                NeighbourhoodPrediction.Denominator.SUM_ABS_SIMILARITY);
    }

    static double deviation(Normaliser norm, int neighbour, int other, double rating) {
        return NeighbourhoodPrediction.deviation(rating, norm.base(neighbour, other), norm.scale(neighbour));
    }

    /**
     * Records the evaluation just done.
     *
     * @param t symbol of the target ("u" or "i"), @param n of a neighbour ("v" or "j"), @param o of the other side
     */
    void record(Normaliser norm, int target, int other, String t, String n, String o, IntFunction<String> name,
                int k, Derivation.Builder d) {
        String sim = "s_{" + t + n + "}";
        String r = "r_{" + (t.equals("u") ? n + o : o + n) + "}";
        d.step("Neighbours: the " + k + " most similar that " + (t.equals("u") ? "rated" : "the user rated")
                        + " it (" + count + " found)", "N_k(" + t + "; " + o + ")",
                count == 0 ? "\\emptyset" : Latex.list(count, j -> name.apply(neighbours[j]) + " \\,(" + sim + " = "
                        + Latex.num(similarities[j]) + ", " + r + " = " + Latex.num(ratings[j]) + ")"), count);
        d.step("Ranking score", "s = \\sum_{" + n + " \\in N} " + sim + " \\, " + r,
                Latex.sum(count, j -> Latex.num(similarities[j]) + " \\cdot " + Latex.term(ratings[j])), score);
        if (count == 0) {
            d.step("No neighbour: no prediction", "\\hat{r} = \\text{undefined}", "", Double.NaN);
            return;
        }
        String base = baseSymbol(norm.kind(), n, o, t);
        String targetBase = baseSymbol(norm.kind(), t, o, t);
        String dev = switch (norm.kind()) {
            case NONE -> r;
            case MEAN_CENTRE, BIAS_BASELINE -> "(" + r + " - " + base + ")";
            case Z_SCORE -> "\\frac{" + r + " - " + base + "}{\\sigma_" + n + "}";
        };
        if (norm.kind() != Normalisation.NONE) {
            d.step("Normalised neighbour ratings", "d_" + n + " = " + dev,
                    Latex.list(count, j -> Latex.num(deviation(norm, neighbours[j], other, ratings[j]))),
                    Double.NaN);
        }
        d.step("Weighted sum of " + (norm.kind() == Normalisation.NONE ? "ratings" : "deviations"),
                "\\sum_{" + n + " \\in N} " + sim + " \\, " + dev,
                Latex.sum(count, j -> Latex.num(similarities[j]) + " \\cdot "
                        + Latex.term(deviation(norm, neighbours[j], other, ratings[j]))), numerator);
        d.step("Sum of absolute similarities", "\\sum_{" + n + " \\in N} |" + sim + "|",
                Latex.sum(count, j -> Latex.num(Math.abs(similarities[j]))), denominator);
        String formula = switch (norm.kind()) {
            case NONE -> "\\hat{r}_{ui} = \\frac{\\sum " + sim + " " + dev + "}{\\sum |" + sim + "|}";
            case MEAN_CENTRE, BIAS_BASELINE -> "\\hat{r}_{ui} = " + targetBase + " + \\frac{\\sum " + sim + " "
                    + dev + "}{\\sum |" + sim + "|}";
            case Z_SCORE -> "\\hat{r}_{ui} = " + targetBase + " + \\sigma_" + t + " \\frac{\\sum " + sim + " " + dev
                    + "}{\\sum |" + sim + "|}";
        };
        double b = norm.base(target, other);
        String substituted = switch (norm.kind()) {
            case NONE -> "\\frac{" + Latex.num(numerator) + "}{" + Latex.num(denominator) + "}";
            case MEAN_CENTRE, BIAS_BASELINE -> Latex.num(b) + " + \\frac{" + Latex.num(numerator) + "}{"
                    + Latex.num(denominator) + "}";
            case Z_SCORE -> Latex.num(b) + " + " + Latex.num(norm.scale(target)) + " \\cdot \\frac{"
                    + Latex.num(numerator) + "}{" + Latex.num(denominator) + "}";
        };
        d.step("Prediction", formula, substituted, prediction);
    }

    private static String baseSymbol(Normalisation kind, String entity, String other, String target) {
        return switch (kind) {
            case NONE -> "0";
            case MEAN_CENTRE, Z_SCORE -> "\\bar{r}_" + entity;
            case BIAS_BASELINE -> "b_{" + (target.equals("u") ? entity + other : other + entity) + "}";
        };
    }
}
