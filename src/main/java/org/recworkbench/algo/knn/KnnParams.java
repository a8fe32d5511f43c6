package org.recworkbench.algo.knn;

import org.recworkbench.algo.ParamSpec;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Params;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.SimilarityOptions;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of user- and item-based kNN.
 *
 * @param k          neighbours per prediction (rescored without refitting, up to {@link #POOL})
 * @param similarity the measure
 * @param shrinkage  λ of the significance weighting n/(n+λ)
 * @param minOverlap fewer co-rated entries give similarity 0
 * @param normalise  what predictions subtract and add back
 * @param neighbours which k neighbours a pair uses: the k most similar among those rated (exact) or the first k
 *                   rated ones of the fitted pool
 * @param rankBy     what top-N lists rank by: Σ s·r or the normalised prediction
 * @param minNeighbours fewer neighbours give no prediction (and, ranking by prediction, no score)
 * @param overallMeans Pearson only: centre each vector by the mean of all its ratings (seed article 000's
 *                     convention) instead of the mean of the co-rated ones
 */
public record KnnParams(int k, Measure similarity, double shrinkage, int minOverlap, Normalisation normalise,
                        NeighbourRule neighbours, RankBy rankBy, int minNeighbours, boolean overallMeans)
        implements Params {

    /** Which neighbours a pair (u, i) uses. */
    public enum NeighbourRule {
        /** The k most similar among those u rated (item-kNN) / who rated i (user-kNN), from the full similarities. */
        RATED,
        /** The first k rated ones among the row's {@link #POOL} most similar (faster, approximate). */
        POOL;

        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What the ranking score is. */
    public enum RankBy {
        /** Σ s·r over the neighbours: favours items with many similar, well-rated neighbours. */
        SUM,
        /** The normalised prediction r̂ (NaN with fewer than min-neighbours neighbours). */
        PREDICTION;

        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Neighbours kept per row at fit time; k slices this list, so moving the k slider never recomputes. */
    public static final int POOL = 100;

    public KnnParams {
        Objects.requireNonNull(similarity, "similarity");
        Objects.requireNonNull(normalise, "normalise");
        if (k < 1 || k > POOL) {
            throw new InvalidInputException("k must be an integer in [1, " + POOL + "]; got " + k);
        }
        if (!(shrinkage >= 0)) {
            throw new InvalidInputException("shrinkage must be ≥ 0; got " + shrinkage);
        }
        Objects.requireNonNull(neighbours, "neighbours");
        Objects.requireNonNull(rankBy, "rankBy");
        if (minNeighbours < 1 || minNeighbours > POOL) {
            throw new InvalidInputException("min-neighbours must be an integer in [1, " + POOL + "]; got "
                    + minNeighbours);
        }
        if (minOverlap < 1) {
            throw new InvalidInputException("min-overlap must be at least 1; got " + minOverlap);
        }
    }

    static List<ParamSpec> specs(String entities) {
        return List.of(
                ParamSpec.integer("k", "Neighbours k", "How many of the most similar " + entities
                        + " each prediction uses", 1, POOL, 30).withRescoreOnly(),
                ParamSpec.choice("similarity", "Similarity", "How similarity between " + entities
                        + " is measured", Measure.cliNames(), Measure.COSINE.cliName()),
                ParamSpec.real("shrinkage", "Shrinkage λ", "Significance weighting n/(n+λ) of similarities from few"
                        + " co-rated entries; 0 = off", 0, 200, 0, 1),
                ParamSpec.integer("min-overlap", "Minimum overlap", "Pairs with fewer co-rated entries get"
                        + " similarity 0", 1, 50, 1),
                ParamSpec.choice("normalise", "Normalisation", "What predictions subtract from neighbours' ratings"
                        + " and add back", Normalisation.cliNames(), Normalisation.MEAN_CENTRE.cliName())
                        .withRescoreOnly(),
                ParamSpec.choice("neighbours", "Neighbour rule", "rated: the k " + entities + " most similar among"
                        + " those with a rating (exact); pool: the first k with a rating among the " + POOL
                        + " most similar (faster)", List.of("rated", "pool"), "rated").withRescoreOnly(),
                ParamSpec.choice("rank-by", "Rank by", "sum: Σ similarity · rating; prediction: the normalised"
                        + " predicted rating (needs min-neighbours)", List.of("sum", "prediction"), "sum")
                        .withRescoreOnly(),
                ParamSpec.integer("min-neighbours", "Minimum neighbours", "Fewer neighbours give no prediction"
                        + " (and no score when ranking by prediction)", 1, POOL, 1).withRescoreOnly(),
                ParamSpec.flag("overall-means", "Pearson: overall means", "Pearson only: centre each "
                        + entities.replaceAll("s$", "") + "'s ratings by the mean of all of them (seed article 000)"
                        + " instead of the mean of the co-rated ones", false));
    }

    static KnnParams bind(ParamValues v) {
        return new KnnParams(v.getInt("k"), Measure.fromCliName(v.getChoice("similarity")),
                v.getDouble("shrinkage"), v.getInt("min-overlap"),
                Normalisation.fromCliName(v.getChoice("normalise")),
                NeighbourRule.valueOf(v.getChoice("neighbours").toUpperCase(java.util.Locale.ROOT)),
                RankBy.valueOf(v.getChoice("rank-by").toUpperCase(java.util.Locale.ROOT)), v.getInt("min-neighbours"),
                v.getFlag("overall-means"));
    }

    SimilarityOptions similarityOptions() {
        return SimilarityOptions.of(similarity).withShrinkage(shrinkage).withMinOverlap(minOverlap)
                .withVectorMeans(overallMeans && similarity == Measure.PEARSON);
    }
}
