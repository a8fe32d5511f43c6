package org.recworkbench.ui.live;

import java.util.ArrayList;
import java.util.List;

/** Per-event update latencies counted in roughly logarithmic buckets (1–3–10 steps, in milliseconds). */
public final class LatencyHistogram {

    /** Bucket edges in milliseconds: below the first, between neighbours, at or above the last. */
    static final double[] EDGES_MILLIS = {0.1, 0.3, 1, 3, 10, 30, 100};

    /** One bar: latencies in [fromMillis, toMillis). */
    public record Bucket(String label, double fromMillis, double toMillis, int count) {
    }

    private LatencyHistogram() {
    }

    /** Every bucket, empty ones included, so the axis stays put while the replay runs. */
    public static List<Bucket> of(long[] nanos) {
        int[] counts = new int[EDGES_MILLIS.length + 1];
        for (long t : nanos) {
            counts[bucketOf(t / 1e6)]++;
        }
        List<Bucket> buckets = new ArrayList<>(counts.length);
        for (int b = 0; b < counts.length; b++) {
            double from = b == 0 ? 0 : EDGES_MILLIS[b - 1];
            double to = b == EDGES_MILLIS.length ? Double.POSITIVE_INFINITY : EDGES_MILLIS[b];
            String label = b == 0 ? "<" + number(to) : b == EDGES_MILLIS.length ? "≥" + number(from)
                    : number(from) + "–" + number(to);
            buckets.add(new Bucket(label, from, to, counts[b]));
        }
        return buckets;
    }

    static int bucketOf(double millis) {
        int b = 0;
        while (b < EDGES_MILLIS.length && millis >= EDGES_MILLIS[b]) {
            b++;
        }
        return b;
    }

    private static String number(double millis) {
        return java.math.BigDecimal.valueOf(millis).stripTrailingZeros().toPlainString();
    }
}
