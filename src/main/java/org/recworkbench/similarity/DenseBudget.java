package org.recworkbench.similarity;

import org.recworkbench.data.InvalidInputException;

import java.util.Locale;

/** Refuses dense similarity requests that would not fit a memory budget, saying how much they would need. */
public final class DenseBudget {

    /** 256 MiB: a 5,000 × 5,000 heatmap with overlaps fits; 138,493 MovieLens-20M users do not. */
    public static final long DEFAULT_BYTES = 256L << 20;
    /** Bytes per cell: a float similarity and an int overlap. */
    static final int BYTES_PER_CELL = 8;

    private DenseBudget() {
    }

    public static long estimate(int n) {
        return (long) n * n * BYTES_PER_CELL;
    }

    /** @throws InvalidInputException with the estimate, when {@code n × n} cells exceed the budget */
    public static void check(int n, String what, long budgetBytes) {
        long needed = estimate(n);
        if (needed > budgetBytes) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s dense for %,d %s needs %s; the budget is %s. Choose a smaller subset.",
                    what, n, what.startsWith("user") ? "users" : "items", bytes(needed), bytes(budgetBytes)));
        }
    }

    public static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
}
