package org.recworkbench.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
                return "Step " + m.step().number() + " (" + m.step().title() + ") is wrong: "
                        + advice(m.step().title());
            }
        }
        for (StepMark m : marks) {
            if (m.verdict() == Verdict.MISSING) {
                return "Step " + m.step().number() + " (" + m.step().title() + ") has no value yet";
            }
        }
        return "";
    }

    /** Advice for a step, read from its title: what to check, never the value. */
    public static String advice(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        // one SGD step
        if (t.startsWith("prediction before") || t.startsWith("prediction after")) {
            return "add μ, b_u, b_i and the dot product p_u · q_i, all taken " + (t.contains("after")
                    ? "after the update" : "before the update");
        }
        if (t.startsWith("error")) {
            return "the error is the rating minus the prediction (r − r̂), not the other way round";
        }
        if (t.startsWith("gradient")) {
            return "the gradient is −e plus the regularisation λ times the current value";
        }
        if (t.startsWith("new ")) {
            return "subtract the learning rate γ times the gradient from the old value";
        }
        // TF-IDF
        if (t.startsWith("count of")) {
            return "count how often the term occurs in this document";
        }
        if (t.startsWith("term frequency")) {
            return "apply the term-frequency formula to the count (natural logarithm); the field weight is 1 here";
        }
        if (t.startsWith("inverse document frequency")) {
            return "N is the number of documents, n_t the number of documents that contain the term";
        }
        if (t.startsWith("norm of the item")) {
            return "compute tf · idf for every distinct term of the document, square, add, then take the root";
        }
        if (t.startsWith("normalised weight")) {
            return "divide the term's tf · idf by the document's norm";
        }
        if (t.startsWith("co-rated") && !t.contains("mean")) {
            return "count only the positions where both have a value";
        }
        if (t.startsWith("neighbours")) {
            return "count the k most similar neighbours that have a rating for the item (the rule is in the title)";
        }
        if (t.startsWith("ranking score")) {
            return "multiply each neighbour's similarity by its rating, then add";
        }
        if (t.contains("sum of deviations")) {
            return "subtract each neighbour's own mean from its rating before weighting it by the similarity";
        }
        if (t.contains("absolute similarities")) {
            return "add the absolute values of the k neighbours' similarities only";
        }
        if (t.startsWith("baseline")) {
            return "add the global mean, the user bias and the item bias";
        }
        if (t.contains("mean")) {
            return "check which ratings you averaged: only those this step's formula sums over";
        }
        if (t.contains("dot product")) {
            return "multiply the two vectors entry by entry over the co-rated positions, then add the products";
        }
        if (t.contains("centred products")) {
            return "subtract each vector's mean before multiplying, then add the products";
        }
        if (t.contains("squared deviations")) {
            return "subtract the mean first, then square each difference and add";
        }
        if (t.contains("norm")) {
            return "a norm is the square root of a sum of squares: check which entries the formula sums over";
        }
        if (t.contains("jaccard")) {
            return "divide the number of shared entries by the number of entries either one has (the union)";
        }
        if (t.contains("cosine") || t.contains("pearson") || t.contains("correlation")) {
            return "divide the numerator by the product of the two square roots";
        }
        if (t.contains("squared errors")) {
            return "square each error (predicted − actual) before adding";
        }
        if (t.contains("errors on")) {
            return "count the entries that have a prediction";
        }
        if (t.equals("rmse")) {
            return "divide the sum of squared errors by their number, then take the square root";
        }
        if (t.startsWith("ideal")) {
            return "put every relevant item at the top (at most N), then add 1 / log₂(k + 1) for ranks k = 1, 2, …";
        }
        if (t.startsWith("ndcg")) {
            return "divide the DCG by the ideal DCG";
        }
        if (t.startsWith("dcg")) {
            return "only relevant items count; the item at rank k adds 1 / log₂(k + 1) (rank 1 adds 1)";
        }
        if (t.startsWith("relevant items in the top")) {
            return "count the relevant items among the first N of the list";
        }
        if (t.startsWith("precision")) {
            return "divide the hits by N, the length of the list";
        }
        if (t.startsWith("recall")) {
            return "divide the hits by the number of relevant items, not by N";
        }
        if (t.startsWith("relevant")) {
            return "count every relevant item the question lists, in the list or not";
        }
        if (t.equals("terms") || t.contains("cross-entropy")) {
            return "for y = 1 the term is −ln ŷ, for y = 0 it is −ln(1 − ŷ); use natural logarithms";
        }
        if (t.startsWith("sum of the terms")) {
            return "add the per-entry terms";
        }
        if (t.contains("bias")) {
            return "a bias is a damped mean of what is left after the earlier terms: check the λ added to the count";
        }
        if (t.contains("similarity") || t.contains("neighbour")) {
            return "recompute the similarity with the measure and convention the question names";
        }
        if (t.contains("prediction") || t.contains("weighted")) {
            return "check the weights: the sum of similarity × rating is divided by the sum of |similarity|";
        }
        return "recompute it with this step's formula";
    }
}
