package org.recworkbench.data;

import java.util.Arrays;

/**
 * Collects interactions in source order into growable primitive arrays and turns them into a {@link RatingMatrix},
 * resolving repeated (user, item) pairs by a {@link DuplicatePolicy}.
 */
public final class InteractionsBuilder {

    private int[] users;
    private int[] items;
    private float[] values;
    private int[] timestamps;
    private boolean anyTimestamp;
    private int size;

    public InteractionsBuilder() {
        this(1 << 12);
    }

    public InteractionsBuilder(int expected) {
        int capacity = Math.max(16, expected);
        users = new int[capacity];
        items = new int[capacity];
        values = new float[capacity];
        timestamps = new int[capacity];
    }

    /** @param timestamp epoch seconds or {@link RatingMatrix#NO_TIMESTAMP} */
    public void add(int user, int item, float value, int timestamp) {
        if (size == users.length) {
            int capacity = size + (size >> 1);
            users = Arrays.copyOf(users, capacity);
            items = Arrays.copyOf(items, capacity);
            values = Arrays.copyOf(values, capacity);
            timestamps = Arrays.copyOf(timestamps, capacity);
        }
        users[size] = user;
        items[size] = item;
        values[size] = value;
        timestamps[size] = timestamp;
        anyTimestamp |= timestamp != RatingMatrix.NO_TIMESTAMP;
        size++;
    }

    public int size() {
        return size;
    }

    /** The matrix and how many source entries were merged into an earlier (user, item) pair. */
    public record Result(RatingMatrix matrix, int duplicates) {
    }

    public Result build(int userCount, int itemCount, DuplicatePolicy policy) {
        int[] rowStart = new int[userCount + 1];
        for (int k = 0; k < size; k++) {
            rowStart[users[k] + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            rowStart[u + 1] += rowStart[u];
        }
        // stable bucket by user, then sort each row by (item, source order)
        long[] keys = new long[size];
        int[] next = Arrays.copyOf(rowStart, userCount);
        for (int k = 0; k < size; k++) {
            keys[next[users[k]]++] = ((long) items[k] << 32) | k;
        }
        int[] outItems = new int[size];
        float[] outValues = new float[size];
        int[] outTimes = anyTimestamp ? new int[size] : null;
        int[] outArrivals = new int[size];
        int[] outRowStart = new int[userCount + 1];
        int written = 0;
        int duplicates = 0;
        for (int u = 0; u < userCount; u++) {
            Arrays.sort(keys, rowStart[u], rowStart[u + 1]);
            for (int p = rowStart[u]; p < rowStart[u + 1]; p++) {
                int item = (int) (keys[p] >>> 32);
                int source = (int) keys[p];
                if (written > outRowStart[u] && outItems[written - 1] == item) {
                    duplicates++;
                    merge(policy, written - 1, source, outValues, outTimes);
                    if (policy == DuplicatePolicy.KEEP_LAST) {
                        outArrivals[written - 1] = source;
                    }
                } else {
                    outItems[written] = item;
                    outArrivals[written] = source;
                    outValues[written] = values[source];
                    if (outTimes != null) {
                        outTimes[written] = timestamps[source];
                    }
                    written++;
                }
            }
            outRowStart[u + 1] = written;
        }
        RatingMatrix matrix = new RatingMatrix(userCount, itemCount, outRowStart, Arrays.copyOf(outItems, written),
                Arrays.copyOf(outValues, written), outTimes == null ? null : Arrays.copyOf(outTimes, written),
                Arrays.copyOf(outArrivals, written));
        return new Result(matrix, duplicates);
    }

    private void merge(DuplicatePolicy policy, int target, int source, float[] outValues, int[] outTimes) {
        switch (policy) {
            case KEEP_LAST -> {
                outValues[target] = values[source];
                if (outTimes != null) {
                    outTimes[target] = timestamps[source];
                }
            }
            case SUM_KEEP_FIRST_TIME -> {
                outValues[target] += values[source];
                if (outTimes != null) {
                    outTimes[target] = earliest(outTimes[target], timestamps[source]);
                }
            }
        }
    }

    private static int earliest(int a, int b) {
        if (a == RatingMatrix.NO_TIMESTAMP) {
            return b;
        }
        if (b == RatingMatrix.NO_TIMESTAMP) {
            return a;
        }
        return Math.min(a, b);
    }
}
