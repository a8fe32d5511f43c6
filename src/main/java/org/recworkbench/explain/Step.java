package org.recworkbench.explain;

import java.util.Objects;

/**
 * One line of a worked derivation.
 *
 * @param title       what this step computes, in words ("co-rated mean of a")
 * @param latex       the general formula in LaTeX ("\bar{r}_a = \frac{1}{n}\sum_i r_{ai}")
 * @param substituted the same formula with the numbers of this case put in, also LaTeX
 * @param value       the value the step produces (NaN for a step that only lists numbers)
 */
public record Step(String title, String latex, String substituted, double value) {

    public Step {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(latex, "latex");
        Objects.requireNonNull(substituted, "substituted");
    }
}
