package org.recworkbench.algo.knn;

import org.recworkbench.algo.Model;
import org.recworkbench.similarity.Similarities;
import org.recworkbench.similarity.SimilarityMatrix;

/** A fitted kNN model, exposing its similarities for heatmaps and drill-down derivations. */
public interface KnnModel extends Model {

    /** The measure over this model's training data: pairs and their derivations. */
    Similarities similarities();

    /**
     * Each row's {@link KnnParams#POOL} most similar rows, from which k neighbours are sliced; null for a user-kNN
     * model on so many users that each user's pool is computed when the user is scored instead.
     */
    SimilarityMatrix neighbourPool();
}
