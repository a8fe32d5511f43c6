package org.recworkbench.algo.content;

import org.recworkbench.algo.Params;

import java.util.Objects;

/**
 * @param tf            term-frequency variant
 * @param idf           inverse-document-frequency variant
 * @param bigrams       add adjacent word pairs as terms
 * @param stopWords     drop English stop words
 * @param useCategories add each category as a term
 */
public record ContentParams(TfVariant tf, IdfVariant idf, boolean bigrams, boolean stopWords,
                            boolean useCategories) implements Params {

    public ContentParams {
        Objects.requireNonNull(tf, "tf");
        Objects.requireNonNull(idf, "idf");
    }

    /** tf(t, i) from the raw count n of term t in item i's text. */
    public enum TfVariant {
        /** n */
        RAW,
        /** 1 + ln n */
        LOG,
        /** 1 */
        BINARY;

        double apply(int n) {
            return switch (this) {
                case RAW -> n;
                case LOG -> 1 + Math.log(n);
                case BINARY -> 1;
            };
        }

        String latex() {
            return switch (this) {
                case RAW -> "n_{it}";
                case LOG -> "1 + \\ln n_{it}";
                case BINARY -> "1";
            };
        }
    }

    /** idf(t) from the number of items N and the number n_t of items containing t. */
    public enum IdfVariant {
        /** ln(N / n_t) */
        PLAIN,
        /** ln((1 + N) / (1 + n_t)) + 1: never 0, so terms in every item still count */
        SMOOTH;

        double apply(int items, int withTerm) {
            return switch (this) {
                case PLAIN -> Math.log((double) items / withTerm);
                case SMOOTH -> Math.log((1.0 + items) / (1.0 + withTerm)) + 1;
            };
        }

        String latex() {
            return switch (this) {
                case PLAIN -> "\\ln \\frac{N}{n_t}";
                case SMOOTH -> "\\ln \\frac{1 + N}{1 + n_t} + 1";
            };
        }
    }
}
