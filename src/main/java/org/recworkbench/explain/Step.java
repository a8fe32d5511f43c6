package org.recworkbench.explain;

import java.util.Objects;

/**
 * One line of a worked derivation.
 *
 * @param title       what this step computes, in words ("co-rated mean of a")
 * @param latex       the general formula in LaTeX ("\bar{r}_a = \frac{1}{n}\sum_i r_{ai}")
 * @param substituted the same formula with the numbers of this case put in, also LaTeX
 * @param value       the value the step produces (NaN for a step that only lists numbers)
 * @param key         what the step is whatever the language: the {@link Words} key of its title, or null for a step
 *                    whose title is not in the bundles (hints and checks fall back to the English title then)
 */
public record Step(String title, String latex, String substituted, double value, String key) {

    public Step {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(latex, "latex");
        Objects.requireNonNull(substituted, "substituted");
    }

    /** A step without a key: its title is written in English by the code that records it. */
    public Step(String title, String latex, String substituted, double value) {
        this(title, latex, substituted, value, null);
    }
}
