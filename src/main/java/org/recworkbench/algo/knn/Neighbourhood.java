package org.recworkbench.algo.knn;

import org.recworkbench.algo.Contribution;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

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

    final int minNeighbours;
    final boolean byPrediction;
    int count;
    int[] neighbours;
    double[] similarities;
    double[] ratings;
    int[] overlaps;
    /** The ranking score: {@link #sum}, or the prediction when ranking by prediction. */
    double score;
    /** Σ s·r (NaN without neighbours). */
    double sum;
    double numerator;
    double denominator;
    double prediction;

    Neighbourhood(int capacity) {
        this(capacity, 1, false);
    }

    /**
     * @param minNeighbours fewer neighbours give no prediction
     * @param byPrediction  whether the ranking score is the prediction (else Σ s·r)
     */
    Neighbourhood(int capacity, int minNeighbours, boolean byPrediction) {
        this.minNeighbours = minNeighbours;
        this.byPrediction = byPrediction;
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

    /**
     * One contribution per neighbour with the numbers the derivation uses; its amount is what it adds to the
     * ranking score: s·r, or its share of the prediction s·d/Σ|s| (times the target's scale) when ranking by
     * prediction.
     */
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
            double share = values.get("share of prediction");
            list.add(new Contribution(kind, id.apply(neighbours[k]),
                    label.apply(neighbours[k]), values, byPrediction ? share : similarities[k] * ratings[k]));
        }
        return list;
    }

    /**
     * Σ s·r, and prediction base(target) + scale(target) · Σ s·(r − base)/scale / Σ|s| (NaN with fewer than
     * min-neighbours neighbours); the ranking score is one of them.
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
        sum = count == 0 ? Double.NaN : s;
        numerator = num;
        denominator = den;
        prediction = count < minNeighbours ? Double.NaN : NeighbourhoodPrediction.combine(norm.base(target, other),
                norm.scale(target), num, den, NeighbourhoodPrediction.Denominator.SUM_ABS_SIMILARITY);
        score = byPrediction ? prediction : sum;
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
                int k, KnnParams.NeighbourRule rule, Derivation.Builder d) {
        String sim = "s_{" + t + n + "}";
        String r = "r_{" + (t.equals("u") ? n + o : o + n) + "}";
        String side = t.equals("u") ? "User" : "Item";
        d.step(rule == KnnParams.NeighbourRule.RATED
                        ? Words.phrase("knn.neighboursRated" + side, String.valueOf(k), String.valueOf(count))
                        : Words.phrase("knn.neighboursPool" + side, String.valueOf(k),
                        String.valueOf(KnnParams.POOL), String.valueOf(count)), "N_k(" + t + "; " + o + ")",
                count == 0 ? "\\emptyset" : Latex.list(count, j -> name.apply(neighbours[j]) + " \\,(" + sim + " = "
                        + Latex.num(similarities[j]) + ", " + r + " = " + Latex.num(ratings[j]) + ")"), count);
        d.step(Words.phrase(byPrediction ? "knn.sumSimilarityRating" : "knn.rankingScore"),
                "s = \\sum_{" + n + " \\in N} " + sim + " \\, " + r,
                Latex.sum(count, j -> Latex.num(similarities[j]) + " \\cdot " + Latex.term(ratings[j])), sum);
        if (count == 0 || count < minNeighbours) {
            d.step(count == 0 ? Words.phrase("knn.noNeighbour")
                    : Words.phrase("knn.fewerNeighbours", String.valueOf(minNeighbours)), "\\hat{r} = \\text{undefined}", "", Double.NaN);
            if (byPrediction) {
                d.step(Words.phrase("knn.scoreNone"), "s = \\hat{r}", "", Double.NaN);
            }
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
            d.step(Words.phrase("knn.normalisedRatings"), "d_" + n + " = " + dev,
                    Latex.list(count, j -> Latex.num(deviation(norm, neighbours[j], other, ratings[j]))),
                    Double.NaN);
        }
        d.step(Words.phrase(norm.kind() == Normalisation.NONE ? "knn.weightedRatings" : "knn.weightedDeviations"),
                "\\sum_{" + n + " \\in N} " + sim + " \\, " + dev,
                Latex.sum(count, j -> Latex.num(similarities[j]) + " \\cdot "
                        + Latex.term(deviation(norm, neighbours[j], other, ratings[j]))), numerator);
        d.step(Words.phrase("knn.sumAbsSimilarities"), "\\sum_{" + n + " \\in N} |" + sim + "|",
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
        d.step(Words.phrase(byPrediction ? "knn.predictionScore" : "knn.prediction"), formula, substituted, prediction);
    }

    private static String baseSymbol(Normalisation kind, String entity, String other, String target) {
        return switch (kind) {
            case NONE -> "0";
            case MEAN_CENTRE, Z_SCORE -> "\\bar{r}_" + entity;
            case BIAS_BASELINE -> "b_{" + (target.equals("u") ? entity + other : other + entity) + "}";
        };
    }
}
