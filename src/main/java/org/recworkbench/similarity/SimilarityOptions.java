package org.recworkbench.similarity;

import org.recworkbench.data.InvalidInputException;
import org.recworkbench.explain.Words;

import java.util.Objects;

/**
 * How similarities are computed.
 *
 * @param shrinkage     λ of the significance weighting n/(n+λ), n the overlap; 0 switches it off
 * @param minOverlap    pairs with fewer co-rated entries get similarity 0
 * @param coRatedNorms  cosine and adjusted cosine: take the norms over the co-rated entries only instead of the
 *                      full vectors
 * @param vectorMeans   Pearson: centre each vector by the mean of all its entries instead of the co-rated mean
 */
public record SimilarityOptions(Measure measure, double shrinkage, int minOverlap, boolean coRatedNorms,
                                boolean vectorMeans) {

    public SimilarityOptions {
        Objects.requireNonNull(measure, "measure");
        if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
            throw new InvalidInputException("shrinkage must be a number ≥ 0; got " + shrinkage);
        }
        if (minOverlap < 1) {
            throw new InvalidInputException("min-overlap must be at least 1; got " + minOverlap);
        }
    }

    public static SimilarityOptions of(Measure measure) {
        return new SimilarityOptions(measure, 0, 1, false, false);
    }

    public SimilarityOptions withShrinkage(double lambda) {
        return new SimilarityOptions(measure, lambda, minOverlap, coRatedNorms, vectorMeans);
    }

    public SimilarityOptions withMinOverlap(int overlap) {
        return new SimilarityOptions(measure, shrinkage, overlap, coRatedNorms, vectorMeans);
    }

    public SimilarityOptions withCoRatedNorms(boolean coRated) {
        return new SimilarityOptions(measure, shrinkage, minOverlap, coRated, vectorMeans);
    }

    public SimilarityOptions withVectorMeans(boolean vector) {
        return new SimilarityOptions(measure, shrinkage, minOverlap, coRatedNorms, vector);
    }

    /** The co-rated sums the measure needs beyond Σab and n. */
    boolean needsCoRatedSquares() {
        return measure == Measure.PEARSON || measure == Measure.EUCLIDEAN || measure == Measure.MSD
                || ((measure == Measure.COSINE || measure == Measure.ADJUSTED_COSINE) && coRatedNorms);
    }

    /**
     * Whether a pair's similarity follows from its dot product and overlap plus each vector's own norm and length,
     * all sums that an event changes by one term: what incremental item-kNN can keep current.
     */
    public boolean fromPairSums() {
        return measure == Measure.JACCARD || (measure == Measure.COSINE && !coRatedNorms);
    }

    boolean needsCoRatedSums() {
        return measure == Measure.PEARSON && !vectorMeans;
    }

    /** One line stating the convention, in English: shown with every derivation's formula and in the README. */
    public String convention() {
        return convention(Words.ENGLISH);
    }

    /** The convention in the engine's language ({@link Words#locale()}), for questions and prose. */
    public String conventionText() {
        return convention(Words.locale());
    }

    private String convention(java.util.Locale language) {
        String key = switch (measure) {
            case COSINE -> coRatedNorms ? "conv.cosine.coRated" : "conv.cosine.full";
            case PEARSON -> vectorMeans ? "conv.pearson.own" : "conv.pearson.coRated";
            case ADJUSTED_COSINE -> coRatedNorms ? "conv.adjusted.coRated" : "conv.adjusted.full";
            case JACCARD -> "conv.jaccard";
            case EUCLIDEAN -> "conv.euclidean";
            case MSD -> "conv.msd";
        };
        StringBuilder s = new StringBuilder(Words.in(language, key));
        if (minOverlap > 1) {
            s.append(Words.in(language, "conv.minOverlap", String.valueOf(minOverlap)));
        }
        if (shrinkage > 0) {
            s.append(Words.in(language, "conv.shrinkage", org.recworkbench.explain.Latex.num(shrinkage)));
        }
        return s.toString();
    }
}
