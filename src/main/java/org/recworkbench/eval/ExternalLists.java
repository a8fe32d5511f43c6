package org.recworkbench.eval;

/**
 * Recommendation lists made outside the workbench, read from a file and mapped onto a training dataset's ids: for
 * each training user (by index) the listed items in rank order, best first, without the user's training items.
 *
 * @param fileName             the file's name, as messages and the run history show it
 * @param path                 the file's absolute path, so a stored run can be evaluated again
 * @param sha256               hex SHA-256 of the file's bytes
 * @param lists                lists[u] for training user u (empty when the file has no row for u)
 * @param order                "rank" (ascending rank) or "score" (descending score, ties in file order)
 * @param rows                 data rows read
 * @param unknownUsers         distinct user ids the training data does not have (their rows are skipped)
 * @param unknownUserRows      rows skipped for an unknown user
 * @param unknownItems         distinct item ids the training data does not have, among rows of known users
 * @param unknownItemRows      rows of known users skipped for an unknown item
 * @param trainingItemsDropped rows naming an item the user has in the training data (never a candidate, as for
 *                             the workbench's own models), dropped
 */
public record ExternalLists(String fileName, String path, String sha256, int[][] lists, String order, int rows,
                           int unknownUsers, int unknownUserRows, int unknownItems, int unknownItemRows,
                           int trainingItemsDropped) {

    /** Users with a non-empty list. */
    public int listedUsers() {
        int n = 0;
        for (int[] l : lists) {
            n += l.length > 0 ? 1 : 0;
        }
        return n;
    }

    /** The longest list's length. */
    public int longestList() {
        int n = 0;
        for (int[] l : lists) {
            n = Math.max(n, l.length);
        }
        return n;
    }
}
