package org.recworkbench.exercise;

import java.util.Objects;

/**
 * One value the student computes: a step of the engine's derivation that produces a number.
 *
 * @param number   1-based position among the answer steps
 * @param title    what the step computes (the derivation step's title, in the engine's language when it was made)
 * @param formula  the general formula of the step in LaTeX (never the numbers substituted)
 * @param expected the engine's value
 * @param key      the derivation step's language-independent key ({@link org.recworkbench.explain.Step#key()}),
 *                 null for a step recorded without one
 */
public record AnswerStep(int number, String title, String formula, double expected, String key) {

    public AnswerStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(formula, "formula");
    }

    /** A step without a key: hints fall back to reading its (English) title. */
    public AnswerStep(int number, String title, String formula, double expected) {
        this(number, title, formula, expected, null);
    }
}
