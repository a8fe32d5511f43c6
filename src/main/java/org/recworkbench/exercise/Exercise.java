package org.recworkbench.exercise;

import org.recworkbench.explain.Derivation;

import java.util.List;
import java.util.Objects;

/**
 * One exercise: what to compute, on which numbers, and the engine's answer as ordered steps. The steps are the
 * derivation's steps that produce a number, so the expected values are the engine's own.
 *
 * @param dataset the stored dataset the rows come from ({@link Difficulty#REAL}), otherwise null
 */
public record Exercise(ExerciseKind kind, Difficulty difficulty, long seed, String dataset, String question,
                       List<InputTable> tables, List<AnswerStep> steps, Derivation derivation) {

    public Exercise {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(question, "question");
        tables = List.copyOf(tables);
        steps = List.copyOf(steps);
        Objects.requireNonNull(derivation, "derivation");
    }

    /** The final answer: the last step's value. */
    public double result() {
        return steps.get(steps.size() - 1).expected();
    }

    /** "pearson, easy, seed 7" (and the dataset for real rows). */
    public String identity() {
        return kind.cliName() + ", " + difficulty.cliName() + ", seed " + seed
                + (dataset == null ? "" : ", dataset " + dataset);
    }
}
