package org.recworkbench.exercise;

import org.recworkbench.explain.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Marks a student's values step by step and names the first wrong step with a hint that never gives the answer. */
public final class Marker {

    /** How one step was answered. */
    public enum Verdict {
        RIGHT, WRONG, MISSING
    }

    /** One step's mark; {@code given} is NaN when the student left it empty. */
    public record StepMark(AnswerStep step, double given, Verdict verdict) {
    }

    /** Every step's mark and the hint (empty when all are right). */
    public record Marking(List<StepMark> marks, String hint) {

        public Marking {
            marks = List.copyOf(marks);
        }

        public boolean allRight() {
            return marks.stream().allMatch(m -> m.verdict() == Verdict.RIGHT);
        }

        public long right() {
            return marks.stream().filter(m -> m.verdict() == Verdict.RIGHT).count();
        }
    }

    private Marker() {
    }

    /**
     * @param answers the student's value per answer step, in step order (NaN or a shorter list: not answered)
     */
    public static Marking mark(Exercise exercise, List<Double> answers, Tolerance tolerance) {
        List<StepMark> marks = new ArrayList<>();
        for (AnswerStep step : exercise.steps()) {
            int k = step.number() - 1;
            Double value = k < answers.size() ? answers.get(k) : null;
            double given = value == null ? Double.NaN : value;
            Verdict verdict = Double.isNaN(given) ? Verdict.MISSING
                    : tolerance.accepts(step.expected(), given) ? Verdict.RIGHT : Verdict.WRONG;
            marks.add(new StepMark(step, given, verdict));
        }
        return new Marking(marks, hint(marks));
    }

    /** The first wrong step with advice for its kind; else the first empty one; empty when all are right. */
    static String hint(List<StepMark> marks) {
        for (StepMark m : marks) {
            if (m.verdict() == Verdict.WRONG) {
                return Words.t("hint.wrong", String.valueOf(m.step().number()), m.step().title(), advice(m.step()));
            }
        }
        for (StepMark m : marks) {
            if (m.verdict() == Verdict.MISSING) {
                return Words.t("hint.missing", String.valueOf(m.step().number()), m.step().title());
            }
        }
        return "";
    }

    /**
     * The advice for each step key: what to check for that kind of step. Chosen by the step's key, never by its
     * title, so hints work the same in every language.
     */
    static final Map<String, String> ADVICE = Map.ofEntries(
            Map.entry("sim.coRatedItems", "coRated"),
            Map.entry("sim.coRatedUsers", "coRated"),
            Map.entry("sim.coRatedPositions", "coRated"),
            Map.entry("sim.centreByOwnMean", "mean"),
            Map.entry("sim.centreByUserMean", "mean"),
            Map.entry("sim.centreByItemMean", "mean"),
            Map.entry("sim.centreByGivenMeans", "mean"),
            // no advice of their own yet: the step's formula says it all
            Map.entry("sim.squaredDifferences", "default"),
            Map.entry("sim.euclideanDistance", "default"),
            Map.entry("sim.euclidean", "similarity"),
            Map.entry("sim.msd", "mean"),
            Map.entry("sim.msdSimilarity", "similarity"),
            Map.entry("sim.jaccard", "jaccard"),
            Map.entry("sim.dot", "dot"),
            Map.entry("sim.normCoRated", "norm"),
            Map.entry("sim.normAll", "norm"),
            Map.entry("sim.zeroNorm", "norm"),
            Map.entry("sim.cosine", "cosine"),
            Map.entry("sim.coRatedMean", "mean"),
            Map.entry("sim.centredProducts", "centredProducts"),
            Map.entry("sim.squaredDeviations", "squaredDeviations"),
            Map.entry("sim.pearson", "cosine"),
            Map.entry("knn.similarity", "similarity"),
            Map.entry("knn.neighboursRatedUser", "neighbours"),
            Map.entry("knn.neighboursRatedItem", "neighbours"),
            Map.entry("knn.neighboursPoolUser", "neighbours"),
            Map.entry("knn.neighboursPoolItem", "neighbours"),
            Map.entry("knn.sumSimilarityRating", "similarity"),
            Map.entry("knn.rankingScore", "rankingScore"),
            Map.entry("knn.normalisedRatings", "norm"),
            Map.entry("knn.weightedRatings", "prediction"),
            Map.entry("knn.weightedDeviations", "sumOfDeviations"),
            Map.entry("knn.sumAbsSimilarities", "absoluteSimilarities"),
            Map.entry("knn.predictionScore", "prediction"),
            Map.entry("knn.prediction", "prediction"),
            Map.entry("bias.globalMean", "mean"),
            Map.entry("bias.itemBias", "bias"),
            Map.entry("bias.userBias", "bias"),
            Map.entry("bias.baseline", "baseline"),
            Map.entry("mf.userBias", "bias"),
            Map.entry("mf.itemBias", "bias"),
            Map.entry("mf.factorDot", "dot"),
            Map.entry("sgd.predictionBefore", "sgdPredictionBefore"),
            Map.entry("sgd.error", "error"),
            Map.entry("sgd.gradientUserBias", "gradient"),
            Map.entry("sgd.newUserBias", "newValue"),
            Map.entry("sgd.gradientItemBias", "gradient"),
            Map.entry("sgd.newItemBias", "newValue"),
            Map.entry("sgd.gradientUserFactors", "gradient"),
            Map.entry("sgd.newUserFactors", "newValue"),
            Map.entry("sgd.gradientItemFactors", "gradient"),
            Map.entry("sgd.newItemFactors", "newValue"),
            Map.entry("sgd.predictionAfter", "sgdPredictionAfter"),
            Map.entry("sgd.errorAfter", "error"),
            Map.entry("content.userMean", "mean"),
            Map.entry("content.dot", "dot"),
            Map.entry("content.dotLargest", "dot"),
            Map.entry("tfidf.count", "count"),
            Map.entry("tfidf.tf", "tf"),
            Map.entry("tfidf.idf", "idf"),
            Map.entry("tfidf.norm", "tfidfNorm"),
            Map.entry("tfidf.normalisedWeight", "normalisedWeight"),
            Map.entry("loss.squaredErrors", "squaredErrors"),
            Map.entry("loss.sumSquaredErrors", "squaredErrors"),
            Map.entry("loss.mse", "mean"),
            Map.entry("loss.terms", "bceTerms"),
            Map.entry("loss.sumOfTerms", "sumOfTerms"),
            Map.entry("loss.crossEntropySum", "bceTerms"),
            Map.entry("loss.crossEntropyMean", "mean"),
            Map.entry("loss.bceSum", "bceTerms"),
            Map.entry("loss.bceMean", "mean"),
            // the step's value is how many test entries have a prediction
            Map.entry("eval.errors", "errorCount"),
            Map.entry("eval.rmse", "rmse"),
            Map.entry("eval.relevant", "relevant"),
            Map.entry("eval.hits", "hits"),
            Map.entry("eval.precision", "precision"),
            Map.entry("eval.recall", "recall"),
            Map.entry("eval.dcg", "dcg"),
            Map.entry("eval.idcg", "idealDcg"),
            Map.entry("eval.ndcg", "ndcg"),
            Map.entry("eval.relevantCandidates", "relevant"));

    /** Advice for a step, in the engine's language: by its key, or read from its English title when it has none. */
    public static String advice(AnswerStep step) {
        String kind = step.key() == null ? adviceKind(step.title()) : ADVICE.getOrDefault(step.key(), "default");
        return Words.t("advice." + kind);
    }

    /** Advice for a step, read from its English title (steps recorded without a key): never the value. */
    public static String advice(String title) {
        return Words.t("advice." + adviceKind(title));
    }

    /** The advice for a step of a derivation recorded without keys, chosen from its English title. */
    static String adviceKind(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        // one SGD step
        if (t.startsWith("prediction before") || t.startsWith("prediction after")) {
            return t.contains("after") ? "sgdPredictionAfter" : "sgdPredictionBefore";
        }
        if (t.startsWith("error")) {
            return "error";
        }
        if (t.startsWith("gradient")) {
            return "gradient";
        }
        if (t.startsWith("new ")) {
            return "newValue";
        }
        // TF-IDF
        if (t.startsWith("count of")) {
            return "count";
        }
        if (t.startsWith("term frequency")) {
            return "tf";
        }
        if (t.startsWith("inverse document frequency")) {
            return "idf";
        }
        if (t.startsWith("norm of the item")) {
            return "tfidfNorm";
        }
        if (t.startsWith("normalised weight")) {
            return "normalisedWeight";
        }
        if (t.startsWith("co-rated") && !t.contains("mean")) {
            return "coRated";
        }
        if (t.startsWith("neighbours")) {
            return "neighbours";
        }
        if (t.startsWith("ranking score")) {
            return "rankingScore";
        }
        if (t.contains("sum of deviations")) {
            return "sumOfDeviations";
        }
        if (t.contains("absolute similarities")) {
            return "absoluteSimilarities";
        }
        if (t.startsWith("baseline")) {
            return "baseline";
        }
        if (t.contains("mean")) {
            return "mean";
        }
        if (t.contains("dot product")) {
            return "dot";
        }
        if (t.contains("centred products")) {
            return "centredProducts";
        }
        if (t.contains("squared deviations")) {
            return "squaredDeviations";
        }
        if (t.contains("norm")) {
            return "norm";
        }
        if (t.contains("jaccard")) {
            return "jaccard";
        }
        if (t.contains("cosine") || t.contains("pearson") || t.contains("correlation")) {
            return "cosine";
        }
        if (t.contains("squared errors")) {
            return "squaredErrors";
        }
        if (t.contains("errors on")) {
            return "errorCount";
        }
        if (t.equals("rmse")) {
            return "rmse";
        }
        if (t.startsWith("ideal")) {
            return "idealDcg";
        }
        if (t.startsWith("ndcg")) {
            return "ndcg";
        }
        if (t.startsWith("dcg")) {
            return "dcg";
        }
        if (t.startsWith("relevant items in the top")) {
            return "hits";
        }
        if (t.startsWith("precision")) {
            return "precision";
        }
        if (t.startsWith("recall")) {
            return "recall";
        }
        if (t.startsWith("relevant")) {
            return "relevant";
        }
        if (t.equals("terms") || t.contains("cross-entropy")) {
            return "bceTerms";
        }
        if (t.startsWith("sum of the terms")) {
            return "sumOfTerms";
        }
        if (t.contains("bias")) {
            return "bias";
        }
        if (t.contains("similarity") || t.contains("neighbour")) {
            return "similarity";
        }
        if (t.contains("prediction") || t.contains("weighted")) {
            return "prediction";
        }
        return "default";
    }
}
