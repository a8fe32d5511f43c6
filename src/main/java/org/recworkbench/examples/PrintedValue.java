package org.recworkbench.examples;

import java.util.Objects;

/**
 * One number as a seed article printed it.
 *
 * @param key      the quantity it stands for, as the computed values name it ("numerator", "products[0]")
 * @param text     the text exactly as printed ("≈0.75", "1/2", "√2")
 * @param value    its numeric value, or null when the printed expression has none (0/0)
 * @param decimals the number of decimals printed, or null for an exact or symbolic value
 * @param source   "article" when the article printed the number; "gallery" when the article wrote only the
 *                 expression and the text is the gallery's own evaluation of it
 */
public record PrintedValue(String key, String text, Double value, Integer decimals, String source) {

    public static final String ARTICLE = "article";
    public static final String GALLERY = "gallery";

    /** Slack for binary rounding of the printed decimal itself (0.35 is not exactly representable). */
    private static final double ROUNDING_SLACK = 1e-12;
    /** Tolerance for exact and symbolic values: they agree when equal up to floating-point noise. */
    public static final double EXACT_TOLERANCE = 1e-9;

    public PrintedValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        source = source == null ? ARTICLE : source;
        if (!source.equals(ARTICLE) && !source.equals(GALLERY)) {
            throw new IllegalArgumentException(key + ": source must be \"article\" or \"gallery\"; got " + source);
        }
        if (decimals != null && decimals < 0) {
            throw new IllegalArgumentException(key + ": decimals must be ≥ 0; got " + decimals);
        }
    }

    public PrintedValue(String key, String text, Double value, Integer decimals) {
        this(key, text, value, decimals, ARTICLE);
    }

    /** Whether the article wrote only the expression and the gallery evaluated it. */
    public boolean evaluatedByGallery() {
        return source.equals(GALLERY);
    }

    /** Half a unit in the last printed decimal, or {@link #EXACT_TOLERANCE} for exact and symbolic values. */
    public double tolerance() {
        return decimals == null ? EXACT_TOLERANCE : 0.5 * Math.pow(10, -decimals);
    }

    /** Whether the computed value, rounded to the printed decimals, is what the article printed. */
    public boolean agreesWith(double computed) {
        return value != null && Math.abs(computed - value) <= tolerance() + ROUNDING_SLACK;
    }
}
