package org.recworkbench.algo.knn;

import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/**
 * The neighbourhood prediction r̂ = base + scale · Σ s·d / Σ|s|, with d = (r − base_n) / scale_n each neighbour's
 * normalised rating. The kNN models call it with the Σ|s| denominator; textbook and article formulas that omit the
 * denominator use {@link Denominator#NONE}, so both variants share this code.
 */
public final class NeighbourhoodPrediction {

    /** What the weighted sum of deviations is divided by. */
    public enum Denominator {
        /** Σ|s|: the prediction stays on the rating scale whatever the number of neighbours (the engine's kNN). */
        SUM_ABS_SIMILARITY,
        /** Nothing: the sum grows with every neighbour added (as some articles write it). */
        NONE
    }

    private NeighbourhoodPrediction() {
    }

    /** A neighbour's rating as a deviation from its baseline, in units of its scale. */
    public static double deviation(double rating, double base, double scale) {
        return (rating - base) / scale;
    }

    /**
     * base + scale · weighted / denominator; NaN when dividing by Σ|s| = 0 (no usable neighbour).
     *
     * @param weightedDeviations Σ s·d over the neighbours
     * @param sumAbsSimilarity   Σ|s| over the same neighbours
     */
    public static double combine(double targetBase, double targetScale, double weightedDeviations,
                                 double sumAbsSimilarity, Denominator denominator) {
        return switch (denominator) {
            case SUM_ABS_SIMILARITY -> sumAbsSimilarity == 0 ? Double.NaN
                    : targetBase + targetScale * weightedDeviations / sumAbsSimilarity;
            case NONE -> targetBase + targetScale * weightedDeviations;
        };
    }

    /**
     * The mean-centred terms s_v · (r_vi − r̄_v), one per neighbour, recorded with their sum; returns the sum.
     *
     * @param names neighbour names for the derivation
     */
    public static double weightedDeviations(String[] names, double[] similarities, double[] ratings,
                                            double[] neighbourMeans, Derivation.Builder trace) {
        double[] terms = meanCentredTerms(similarities, ratings, neighbourMeans);
        double sum = 0;
        for (double t : terms) {
            sum += t;
        }
        if (trace.recording()) {
            trace.step(Words.phrase("knn.deviationsFromMeans"), "d_v = r_{vi} - \\bar{r}_v",
                    Latex.list(names.length, k -> "d_{" + names[k] + "} = " + Latex.num(ratings[k]) + " - "
                            + Latex.term(neighbourMeans[k])), Double.NaN);
            trace.step(Words.phrase("knn.weightedDeviations"), "\\sum_{v \\in N(u)} s_{uv} \\, (r_{vi} - \\bar{r}_v)",
                    Latex.sum(names.length, k -> Latex.num(similarities[k]) + " \\cdot ("
                            + Latex.num(ratings[k]) + " - " + Latex.term(neighbourMeans[k]) + ")"), sum);
        }
        return sum;
    }

    /** s_v · (r_vi − r̄_v) for each neighbour v. */
    public static double[] meanCentredTerms(double[] similarities, double[] ratings, double[] neighbourMeans) {
        double[] terms = new double[similarities.length];
        for (int k = 0; k < terms.length; k++) {
            terms[k] = similarities[k] * deviation(ratings[k], neighbourMeans[k], 1);
        }
        return terms;
    }

    /** Σ|s| over the neighbours, recorded. */
    public static double sumAbsSimilarity(double[] similarities, Derivation.Builder trace) {
        double sum = 0;
        for (double s : similarities) {
            sum += Math.abs(s);
        }
        if (trace.recording()) {
            trace.step(Words.phrase("knn.sumAbsSimilarities"), "\\sum_{v \\in N(u)} |s_{uv}|",
                    Latex.sum(similarities.length, k -> Latex.num(Math.abs(similarities[k]))), sum);
        }
        return sum;
    }

    /** The mean-centred prediction r̂_ui = r̄_u + Σ s·d (/ Σ|s|), recorded as one step titled {@code title}. */
    public static double meanCentred(String title, double targetMean, double weightedDeviations,
                                     double sumAbsSimilarity, Denominator denominator, Derivation.Builder trace) {
        double prediction = combine(targetMean, 1, weightedDeviations, sumAbsSimilarity, denominator);
        if (trace.recording()) {
            String sum = "\\sum_{v \\in N(u)} s_{uv} (r_{vi} - \\bar{r}_v)";
            boolean divided = denominator == Denominator.SUM_ABS_SIMILARITY;
            trace.step(title, "\\hat{r}_{ui} = \\bar{r}_u + " + (divided ? "\\frac{" + sum + "}{\\sum_{v} |s_{uv}|}"
                            : sum),
                    Latex.num(targetMean) + " + " + (divided ? "\\frac{" + Latex.num(weightedDeviations) + "}{"
                            + Latex.num(sumAbsSimilarity) + "}" : Latex.term(weightedDeviations)), prediction);
        }
        return prediction;
    }
}
