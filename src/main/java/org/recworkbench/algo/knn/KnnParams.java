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
 */
public record KnnParams(int k, Measure similarity, double shrinkage, int minOverlap, Normalisation normalise)
        implements Params {

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
                        .withRescoreOnly());
    }

    static KnnParams bind(ParamValues v) {
        return new KnnParams(v.getInt("k"), Measure.fromCliName(v.getChoice("similarity")),
                v.getDouble("shrinkage"), v.getInt("min-overlap"),
                Normalisation.fromCliName(v.getChoice("normalise")));
    }

    SimilarityOptions similarityOptions() {
        return SimilarityOptions.of(similarity).withShrinkage(shrinkage).withMinOverlap(minOverlap);
    }
}
