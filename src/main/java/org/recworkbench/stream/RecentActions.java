package org.recworkbench.stream;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;

import java.util.Arrays;

/**
 * Each user's last N items, newest first, like a capped list per user in a key-value store (push, then trim to
 * N). The short-term profile of session-based re-scoring.
 */
public final class RecentActions {

    private final int capacity;
    private final Int2ObjectOpenHashMap<int[]> rings = new Int2ObjectOpenHashMap<>();
    private final Int2ObjectOpenHashMap<int[]> counters = new Int2ObjectOpenHashMap<>();

    public RecentActions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the window needs at least 1 item; got " + capacity);
        }
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Pushes the item (an item already in the window moves to the front). */
    public void push(int user, int item) {
        int[] ring = rings.computeIfAbsent(user, u -> new int[capacity]);
        int[] size = counters.computeIfAbsent(user, u -> new int[1]);
        int n = size[0];
        int at = -1;
        for (int t = 0; t < n; t++) {
            if (ring[t] == item) {
                at = t;
                break;
            }
        }
        int shift = at >= 0 ? at : Math.min(n, capacity - 1);
        System.arraycopy(ring, 0, ring, 1, shift);
        ring[0] = item;
        if (at < 0 && n < capacity) {
            size[0] = n + 1;
        }
    }

    /** The user's window, newest first. */
    public int[] of(int user) {
        int[] ring = rings.get(user);
        return ring == null ? new int[0] : Arrays.copyOf(ring, counters.get(user)[0]);
    }
}
