package org.recworkbench.eval;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Splits each user's interactions on their own: a fraction of them, all but N given ones, the last N by time, or
 * one at random (leave-one-out). A user always keeps at least one training interaction.
 */
record PerUserSplit(Kind kind, double amount) implements Splitter {

    enum Kind { FRACTION, GIVEN, LAST, ONE_OUT }

    PerUserSplit {
        switch (kind) {
            case FRACTION -> Splitters.checkFraction(amount);
            case GIVEN, LAST -> {
                if (amount < 1 || amount != Math.rint(amount)) {
                    throw new IllegalArgumentException("expected a whole number of interactions ≥ 1, not "
                            + Splitters.format(amount));
                }
            }
            default -> { }
        }
    }

    @Override
    public String spec() {
        return switch (kind) {
            case FRACTION -> "user-holdout:" + Splitters.format(amount);
            case GIVEN -> "given:" + (int) amount;
            case LAST -> "leave-last:" + (int) amount;
            case ONE_OUT -> "leave-one-out";
        };
    }

    @Override
    public List<Fold> split(Dataset dataset, long seed) {
        RatingMatrix r = dataset.ratings();
        if (kind == Kind.LAST && !r.hasTimestamps()) {
            throw new IllegalArgumentException("leave-last needs timestamps; dataset " + dataset.name()
                    + " has none (use user-holdout or leave-one-out)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] inTest = new boolean[r.size()];
        for (int u = 0; u < r.userCount(); u++) {
            int start = r.rowStart(u);
            int n = r.rowLength(u);
            int tested = Math.min(n - 1, switch (kind) {
                case FRACTION -> (int) Math.round(amount * n);
                case GIVEN -> n - (int) amount;
                case LAST -> (int) amount;
                case ONE_OUT -> 1;
            });
            if (tested <= 0) {
                continue;
            }
            int[] order = kind == Kind.LAST ? byTime(r, start, n) : Splitters.permutation(n, random);
            for (int t = 0; t < tested; t++) {
                int pick = kind == Kind.LAST ? order[n - 1 - t] : order[t];
                inTest[start + pick] = true;
            }
        }
        return List.of(Partition.of(dataset, 0, 1, inTest));
    }

    /** Offsets within the row in time order; equal times keep row (item) order. */
    private static int[] byTime(RatingMatrix r, int start, int n) {
        long[] keyed = new long[n];
        for (int t = 0; t < n; t++) {
            keyed[t] = ((long) r.rowTimestamp(start + t) << 32) | t;
        }
        java.util.Arrays.sort(keyed);
        int[] order = new int[n];
        for (int t = 0; t < n; t++) {
            order[t] = (int) keyed[t];
        }
        return order;
    }
}
