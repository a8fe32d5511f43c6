package org.recworkbench.algo.content;

import org.recworkbench.algo.Params;

import java.util.Objects;

/**
 * @param tf            term-frequency variant
 * @param idf           inverse-document-frequency variant
 * @param bigrams       add adjacent word pairs as terms
 * @param stopWords     drop English stop words
 * @param useCategories  add each category as a term
 * @param numbers        keep dates and words made only of digits as terms
 * @param titleWeight    β of the title's words
 * @param textWeight     β of the text's words
 * @param categoryWeight β of the category terms
 */
public record ContentParams(TfVariant tf, IdfVariant idf, boolean bigrams, boolean stopWords,
                            boolean useCategories, boolean numbers, double titleWeight, double textWeight,
                            double categoryWeight) implements Params {

    /** The defaults of the field weights ({@code title-weight}, {@code text-weight}, {@code category-weight}). */
    public static final double TITLE_WEIGHT = 1;
    public static final double TEXT_WEIGHT = 1;
    public static final double CATEGORY_WEIGHT = 2;

    public ContentParams {
        Objects.requireNonNull(tf, "tf");
        Objects.requireNonNull(idf, "idf");
        if (!(titleWeight >= 0) || !(textWeight >= 0) || !(categoryWeight >= 0)) {
            throw new org.recworkbench.data.InvalidInputException("Field weights must be ≥ 0");
        }
    }

    /** Numbers dropped and the default field weights. */
    public ContentParams(TfVariant tf, IdfVariant idf, boolean bigrams, boolean stopWords, boolean useCategories) {
        this(tf, idf, bigrams, stopWords, useCategories, false, TITLE_WEIGHT, TEXT_WEIGHT, CATEGORY_WEIGHT);
    }

    /** The weight β of a field. */
    double weight(Field field) {
        return switch (field) {
            case TITLE -> titleWeight;
            case TEXT -> textWeight;
            case CATEGORIES -> categoryWeight;
        };
    }

    /** Where in an item a term occurs. */
    enum Field {
        TITLE, TEXT, CATEGORIES
    }

    /** tf(t, i) from the raw count n of term t in item i's text and the item's total term count. */
    public enum TfVariant {
        /** n */
        RAW,
        /** 1 + ln n */
        LOG,
        /** 1 */
        BINARY,
        /** n / Σ_t' n_t': the share of the item's terms (after L2 normalisation it ranks as raw counts do) */
        RELATIVE;

        /**
         * @param count         occurrences of the term in the item (at least 1)
         * @param documentTotal occurrences of all terms in the item
         */
        public double apply(int count, int documentTotal) {
            return switch (this) {
                case RAW -> count;
                case LOG -> 1 + Math.log(count);
                case BINARY -> 1;
                case RELATIVE -> (double) count / documentTotal;
            };
        }

        /** The formula in LaTeX, n_{it} the count. */
        public String latex() {
            return switch (this) {
                case RAW -> "n_{it}";
                case LOG -> "1 + \\ln n_{it}";
                case BINARY -> "1";
                case RELATIVE -> "\\frac{n_{it}}{\\sum_{t'} n_{it'}}";
            };
        }

        /** The formula with the numbers put in, LaTeX. */
        public String substituted(int count, int documentTotal) {
            return switch (this) {
                case RAW -> Integer.toString(count);
                case LOG -> "1 + \\ln " + count;
                case BINARY -> "1";
                case RELATIVE -> "\\frac{" + count + "}{" + documentTotal + "}";
            };
        }
    }

    /** idf(t) from the number of items N and the number n_t of items containing t. */
    public enum IdfVariant {
        /** ln(N / n_t) */
        PLAIN,
        /** ln((1 + N) / (1 + n_t)) + 1: never 0, so terms in every item still count */
        SMOOTH;

        /** idf from the number of items (documents) and the number of them containing the term. */
        public double apply(int items, int withTerm) {
            return switch (this) {
                case PLAIN -> Math.log((double) items / withTerm);
                case SMOOTH -> Math.log((1.0 + items) / (1.0 + withTerm)) + 1;
            };
        }

        /** The formula in LaTeX, N the items and n_t those containing the term. */
        public String latex() {
            return switch (this) {
                case PLAIN -> "\\ln \\frac{N}{n_t}";
                case SMOOTH -> "\\ln \\frac{1 + N}{1 + n_t} + 1";
            };
        }
    }
}
