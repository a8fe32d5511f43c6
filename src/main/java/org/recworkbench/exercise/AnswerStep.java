package org.recworkbench.exercise;

import java.util.Objects;

/**
 * One value the student computes: a step of the engine's derivation that produces a number.
 *
 * @param number   1-based position among the answer steps
 * @param title    what the step computes (the derivation step's title, English)
 * @param formula  the general formula of the step in LaTeX (never the numbers substituted)
 * @param expected the engine's value
 */
public record AnswerStep(int number, String title, String formula, double expected) {

    public AnswerStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(formula, "formula");
    }
}
