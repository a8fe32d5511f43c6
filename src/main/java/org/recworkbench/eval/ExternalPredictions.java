package org.recworkbench.eval;

import java.util.Arrays;

/**
 * Predicted ratings made outside the workbench, read from a file and mapped onto a training dataset's ids: for
 * each training user (by index) the items with a prediction, ascending, and their predicted values.
 *
 * @param fileName        the file's name, as messages and the run history show it
 * @param path            the file's absolute path, so a stored run can be evaluated again
 * @param sha256          hex SHA-256 of the file's bytes
 * @param userStart       user u's predictions are at positions userStart[u] … userStart[u + 1] − 1
 * @param items           the predicted items, ascending within each user
 * @param values          the predicted values, parallel to {@code items}
 * @param rows            data rows read
 * @param unknownUsers    distinct user ids the training data does not have (their rows are skipped)
 * @param unknownUserRows rows skipped for an unknown user
 * @param unknownItems    distinct item ids the training data does not have, among rows of known users
 * @param unknownItemRows rows of known users skipped for an unknown item
 */
public record ExternalPredictions(String fileName, String path, String sha256, int[] userStart, int[] items,
                                  double[] values, int rows, int unknownUsers, int unknownUserRows,
                                  int unknownItems, int unknownItemRows) {

    public int userCount() {
        return userStart.length - 1;
    }

    /** Pairs with a prediction (rows that matched the training data). */
    public int matched() {
        return items.length;
    }

    /** Users with at least one prediction. */
    public int predictedUsers() {
        int n = 0;
        for (int u = 0; u < userCount(); u++) {
            n += userStart[u + 1] > userStart[u] ? 1 : 0;
        }
        return n;
    }

    /** The file's prediction for training user {@code user} and item {@code item}, NaN when it has none. */
    public double predict(int user, int item) {
        int k = Arrays.binarySearch(items, userStart[user], userStart[user + 1], item);
        return k >= 0 ? values[k] : Double.NaN;
    }
}
