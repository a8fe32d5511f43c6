package org.recworkbench.eval;

/**
 * Which test entries count as relevant, and their graded gain: for explicit ratings value ≥ threshold with gain =
 * the rating; for implicit data any interaction (value &gt; 0) with gain 1.
 */
public record Relevance(boolean explicit, double threshold) {

    public static Relevance explicit(double threshold) {
        return new Relevance(true, threshold);
    }

    public static Relevance implicit() {
        return new Relevance(false, 0);
    }

    public boolean relevant(double value) {
        return explicit ? value >= threshold : value > 0;
    }

    public double gain(double value) {
        return explicit ? value : 1;
    }

    public String describe() {
        return explicit ? "rating ≥ " + Splitters.format(threshold) : "any interaction";
    }
}
