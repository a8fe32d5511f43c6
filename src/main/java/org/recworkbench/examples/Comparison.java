package org.recworkbench.examples;

import org.recworkbench.explain.Latex;

import java.util.Locale;

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

    /** The computed value as the gallery shows it. */
    public String computedText() {
        return text(computed);
    }

    /**
     * A computed number for display: {@link Latex#num} (5 decimals), unless that rounds a non-integer to an
     * integer (0.9999969 would read "1"), then 7 significant decimals, so the gallery never shows a false "1".
     */
    public static String text(double value) {
        String shown = Latex.num(value);
        boolean roundedToInteger = !shown.contains(".") && Math.rint(value) != value && Double.isFinite(value);
        return roundedToInteger ? String.format(Locale.ROOT, "%.7f", value) : shown;
    }
}
