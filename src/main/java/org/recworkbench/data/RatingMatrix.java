package org.recworkbench.data;

import java.util.Objects;

/**
 * The user × item interaction matrix in two compressed layouts: CSR by user (with timestamps) and CSC by item.
 * Within each row the item indices are strictly increasing; within each column the user indices are strictly
 * increasing. Arrays are owned by this object and never exposed for writing.
 */
public final class RatingMatrix {

    /** Timestamp value meaning "no timestamp recorded". */
    public static final int NO_TIMESTAMP = Integer.MIN_VALUE;

    private final int userCount;
    private final int itemCount;
    private final int[] userRowStart;
    private final int[] rowItems;
    private final float[] rowValues;
    private final int[] rowTimestamps;
    private final int[] rowArrivals;
    private final int[] itemColStart;
    private final int[] colUsers;
    private final float[] colValues;

    /**
     * Builds the matrix from its CSR arrays (validated) and derives the CSC layout.
     *
     * @param rowTimestamps epoch seconds per entry, {@link #NO_TIMESTAMP} where absent, or null when none has one
     */
    public RatingMatrix(int userCount, int itemCount, int[] userRowStart, int[] rowItems, float[] rowValues,
                        int[] rowTimestamps) {
        this(userCount, itemCount, userRowStart, rowItems, rowValues, rowTimestamps, null);
    }

    /**
     * As the other constructor, with each entry's place in its source (any increasing numbering: the file's row
     * order), or null when unknown.
     */
    public RatingMatrix(int userCount, int itemCount, int[] userRowStart, int[] rowItems, float[] rowValues,
                        int[] rowTimestamps, int[] rowArrivals) {
        this.userCount = userCount;
        this.itemCount = itemCount;
        this.userRowStart = Objects.requireNonNull(userRowStart);
        this.rowItems = Objects.requireNonNull(rowItems);
        this.rowValues = Objects.requireNonNull(rowValues);
        this.rowTimestamps = rowTimestamps;
        this.rowArrivals = rowArrivals;
        validateRows();
        int nnz = rowItems.length;
        itemColStart = new int[itemCount + 1];
        for (int item : rowItems) {
            itemColStart[item + 1]++;
        }
        for (int i = 0; i < itemCount; i++) {
            itemColStart[i + 1] += itemColStart[i];
        }
        colUsers = new int[nnz];
        colValues = new float[nnz];
        int[] next = java.util.Arrays.copyOf(itemColStart, itemCount);
        for (int u = 0; u < userCount; u++) {
            for (int p = userRowStart[u]; p < userRowStart[u + 1]; p++) {
                int q = next[rowItems[p]]++;
                colUsers[q] = u;
                colValues[q] = rowValues[p];
            }
        }
    }

    private void validateRows() {
        int nnz = rowItems.length;
        if (userRowStart.length != userCount + 1 || userRowStart[0] != 0 || userRowStart[userCount] != nnz) {
            throw new IllegalArgumentException("Row starts do not match " + userCount + " users and " + nnz + " entries");
        }
        if (rowValues.length != nnz || (rowTimestamps != null && rowTimestamps.length != nnz)
                || (rowArrivals != null && rowArrivals.length != nnz)) {
            throw new IllegalArgumentException("Values, timestamps and arrivals need one entry per item index");
        }
        for (int u = 0; u < userCount; u++) {
            int previous = -1;
            for (int p = userRowStart[u]; p < userRowStart[u + 1]; p++) {
                int item = rowItems[p];
                if (item <= previous || item >= itemCount) {
                    throw new IllegalArgumentException("Row " + u + " has item index " + item
                            + " out of order or outside 0.." + (itemCount - 1));
                }
                previous = item;
            }
        }
    }

    public int userCount() {
        return userCount;
    }

    public int itemCount() {
        return itemCount;
    }

    public int size() {
        return rowItems.length;
    }

    public boolean hasTimestamps() {
        return rowTimestamps != null;
    }

    public double density() {
        return userCount == 0 || itemCount == 0 ? 0 : (double) size() / ((double) userCount * itemCount);
    }

    /** First CSR position of user {@code u}; the row ends at {@code rowStart(u + 1)}. */
    public int rowStart(int user) {
        return userRowStart[user];
    }

    public int rowLength(int user) {
        return userRowStart[user + 1] - userRowStart[user];
    }

    public int rowItem(int position) {
        return rowItems[position];
    }

    public float rowValue(int position) {
        return rowValues[position];
    }

    /** Epoch seconds of the entry at a CSR position, or {@link #NO_TIMESTAMP}. */
    public int rowTimestamp(int position) {
        return rowTimestamps == null ? NO_TIMESTAMP : rowTimestamps[position];
    }

    /** Whether each entry's place in its source is known ({@link #rowArrival}). */
    public boolean hasArrivals() {
        return rowArrivals != null;
    }

    /** The entry's place in its source (file row order; a merged duplicate keeps its kept row's), or its position. */
    public int rowArrival(int position) {
        return rowArrivals == null ? position : rowArrivals[position];
    }

    public int colStart(int item) {
        return itemColStart[item];
    }

    public int colLength(int item) {
        return itemColStart[item + 1] - itemColStart[item];
    }

    public int colUser(int position) {
        return colUsers[position];
    }

    public float colValue(int position) {
        return colValues[position];
    }

    /** The value of (user, item), or NaN when the user has no interaction with the item. */
    public float value(int user, int item) {
        int position = java.util.Arrays.binarySearch(rowItems, userRowStart[user], userRowStart[user + 1], item);
        return position >= 0 ? rowValues[position] : Float.NaN;
    }

    /** Copies of the CSR arrays, for persistence. */
    public int[] copyRowStarts() {
        return userRowStart.clone();
    }

    public int[] copyRowItems() {
        return rowItems.clone();
    }

    public float[] copyRowValues() {
        return rowValues.clone();
    }

    public int[] copyRowTimestamps() {
        return rowTimestamps == null ? null : rowTimestamps.clone();
    }

    public int[] copyRowArrivals() {
        return rowArrivals == null ? null : rowArrivals.clone();
    }

    /** Bytes held by the arrays of this matrix (both layouts). */
    public long memoryBytes() {
        long ints = userRowStart.length + rowItems.length + itemColStart.length + colUsers.length
                + (rowTimestamps == null ? 0 : rowTimestamps.length) + (rowArrivals == null ? 0 : rowArrivals.length);
        long floats = rowValues.length + colValues.length;
        return 4 * (ints + floats);
    }
}
