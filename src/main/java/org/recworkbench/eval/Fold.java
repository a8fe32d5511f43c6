package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

/**
 * One train/test partition. The training dataset keeps the full dataset's user and item indices and catalogue, so
 * test entries and model indices agree; the test matrix has the same shape.
 *
 * @param coldUsers test users with no training interaction (they can only get cold-start answers)
 * @param coldItems test items with no training interaction
 * @param coldTestEntries test entries whose user or item is cold
 */
public record Fold(int index, Dataset train, RatingMatrix test, int coldUsers, int coldItems, int coldTestEntries) {

    public int testSize() {
        return test.size();
    }

    public int trainSize() {
        return train.interactionCount();
    }
}
