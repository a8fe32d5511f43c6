package org.recworkbench.similarity;

import org.recworkbench.data.InvalidInputException;

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

    /** One line stating the convention, shown with every derivation and in the README. */
    public String convention() {
        String base = switch (measure) {
            case COSINE -> coRatedNorms ? "cosine with norms over the co-rated entries"
                    : "cosine over the full vectors (missing entries count as 0)";
            case PEARSON -> vectorMeans ? "Pearson over co-rated entries, each vector centred by its own mean"
                    : "Pearson over co-rated entries with co-rated means";
            case ADJUSTED_COSINE -> "adjusted cosine: values centred by the other side's mean, "
                    + (coRatedNorms ? "norms over the co-rated entries" : "norms over the full centred vectors");
            case JACCARD -> "Jaccard of the binary vectors (any interaction counts as 1)";
            case EUCLIDEAN -> "Euclidean: 1/(1 + d) with d the distance over the co-rated entries"
                    + " (none co-rated: 0)";
            case MSD -> "mean squared difference: 1/(1 + msd) with msd the mean of the squared differences over the"
                    + " co-rated entries (none co-rated: 0)";
        };
        StringBuilder s = new StringBuilder(base);
        if (minOverlap > 1) {
            s.append("; 0 below ").append(minOverlap).append(" co-rated entries");
        }
        if (shrinkage > 0) {
            s.append("; shrunk by n/(n+").append(org.recworkbench.explain.Latex.num(shrinkage)).append(')');
        }
        return s.toString();
    }
}
