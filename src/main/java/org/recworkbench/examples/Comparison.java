package org.recworkbench.examples;

/**
 * A printed number beside the value the engine computes for the same quantity.
 *
 * @param printed  the article's number
 * @param computed the engine's value
 * @param agrees   whether the two agree to the printed precision ({@link PrintedValue#agreesWith})
 */
public record Comparison(PrintedValue printed, double computed, boolean agrees) {

    public String key() {
        return printed.key();
    }
}
