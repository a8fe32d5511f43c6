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
 * @param droppedTestEntries entries of a separate test dataset whose user or item id the training data does not
 *                           have at all, so they could not be mapped (counted, not silently lost)
 */
public record Fold(int index, Dataset train, RatingMatrix test, int coldUsers, int coldItems, int coldTestEntries,
                   int droppedTestEntries) {

    public Fold(int index, Dataset train, RatingMatrix test, int coldUsers, int coldItems, int coldTestEntries) {
        this(index, train, test, coldUsers, coldItems, coldTestEntries, 0);
    }

    public int testSize() {
        return test.size();
    }

    public int trainSize() {
        return train.interactionCount();
    }
}
