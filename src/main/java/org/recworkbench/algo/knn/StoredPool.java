package org.recworkbench.algo.knn;

import org.recworkbench.algo.ModelState;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.similarity.Orientation;
import org.recworkbench.similarity.SimilarityMatrix;
import org.recworkbench.similarity.SimilarityOptions;

/** A kNN model's neighbour pool in a model file: CSR arrays named pool-row-start, -neighbours, -similarities, -overlaps. */
final class StoredPool {

    private StoredPool() {
    }

    static ModelState put(ModelState state, SimilarityMatrix pool) {
        return state.putInts("pool-row-start", pool.rowStarts()).putInts("pool-neighbours", pool.neighbourArray())
                .putFloats("pool-similarities", pool.similarityArray()).putInts("pool-overlaps", pool.overlapArray());
    }

    /** The pool of {@code rows} rows, its row starts checked to delimit rows of 0..POOL neighbours. */
    static SimilarityMatrix read(ModelState state, Orientation orientation, SimilarityOptions options, int rows,
                                 int columns) {
        int[] rowStart = state.ints("pool-row-start", rows + 1);
        for (int r = 0; r < rows; r++) {
            int count = rowStart[r + 1] - rowStart[r];
            if (rowStart[0] != 0 || count < 0 || count > KnnParams.POOL) {
                throw new InvalidInputException("the model state's array \"pool-row-start\" does not delimit rows"
                        + " of 0.." + KnnParams.POOL + " neighbours");
            }
        }
        int entries = rowStart[rows];
        return SimilarityMatrix.of(orientation, options, KnnParams.POOL, rowStart,
                state.indices("pool-neighbours", entries, columns), state.floats("pool-similarities", entries),
                state.ints("pool-overlaps", entries));
    }
}
