package org.recworkbench.data;

import org.recworkbench.job.HeavyWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Computes a {@link DatasetProfile} in one pass over the matrix plus a sort of the per-user and per-item counts. */
public final class DatasetProfiler {

    /** Users or items with fewer interactions than this count as cold. */
    public static final int COLD_THRESHOLD = 5;
    private static final int MAX_DISTINCT_BINS = 20;
    private static final int EQUAL_WIDTH_BINS = 10;
    /** Above this max/min ratio of positive values, bins grow by powers of two. */
    private static final double LOG_BIN_RATIO = 100;

    private DatasetProfiler() {
    }

    public static DatasetProfile profile(Dataset dataset) {
        HeavyWork.enter("DatasetProfiler.profile " + dataset.name());
        RatingMatrix m = dataset.ratings();
        int[] userCounts = new int[m.userCount()];
        int[] itemCounts = new int[m.itemCount()];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long firstTs = Long.MAX_VALUE;
        long lastTs = Long.MIN_VALUE;
        for (int u = 0; u < m.userCount(); u++) {
            userCounts[u] = m.rowLength(u);
            for (int p = m.rowStart(u); p < m.rowStart(u + 1); p++) {
                double v = m.rowValue(p);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                int ts = m.rowTimestamp(p);
                if (ts != RatingMatrix.NO_TIMESTAMP) {
                    firstTs = Math.min(firstTs, ts);
                    lastTs = Math.max(lastTs, ts);
                }
            }
        }
        for (int i = 0; i < m.itemCount(); i++) {
            itemCounts[i] = m.colLength(i);
        }
        int n = m.size();
        boolean timed = firstTs != Long.MAX_VALUE;
        return new DatasetProfile(dataset.name(), dataset.kind(), m.userCount(), m.itemCount(), n, m.density(),
                n == 0 ? Double.NaN : min, n == 0 ? Double.NaN : max, n == 0 ? Double.NaN : sum / n,
                histogram(m, min, max), distribution(userCounts), distribution(itemCounts),
                topDecileShare(itemCounts, n), countBelow(userCounts, COLD_THRESHOLD),
                countBelow(itemCounts, COLD_THRESHOLD), timed ? firstTs : null, timed ? lastTs : null);
    }

    static List<DatasetProfile.Bin> histogram(RatingMatrix m, double min, double max) {
        int n = m.size();
        if (n == 0) {
            return List.of();
        }
        float[] values = new float[n];
        for (int p = 0; p < n; p++) {
            values[p] = m.rowValue(p);
        }
        Arrays.sort(values);
        List<DatasetProfile.Bin> bins = new ArrayList<>();
        int distinct = 1;
        for (int p = 1; p < n && distinct <= MAX_DISTINCT_BINS; p++) {
            if (values[p] != values[p - 1]) {
                distinct++;
            }
        }
        if (distinct <= MAX_DISTINCT_BINS) {
            int start = 0;
            for (int p = 1; p <= n; p++) {
                if (p == n || values[p] != values[start]) {
                    bins.add(new DatasetProfile.Bin(values[start], values[start], p - start));
                    start = p;
                }
            }
            return bins;
        }
        if (min > 0 && max / min > LOG_BIN_RATIO) {
            return powerOfTwoBins(values);
        }
        double width = (max - min) / EQUAL_WIDTH_BINS;
        long[] counts = new long[EQUAL_WIDTH_BINS];
        for (float v : values) {
            int b = (int) ((v - min) / width);
            counts[Math.min(EQUAL_WIDTH_BINS - 1, b)]++;
        }
        for (int b = 0; b < EQUAL_WIDTH_BINS; b++) {
            bins.add(new DatasetProfile.Bin(min + b * width, b == EQUAL_WIDTH_BINS - 1 ? max : min + (b + 1) * width,
                    counts[b]));
        }
        return bins;
    }

    /** Bins [2^k, 2^(k+1)) for skewed positive values such as purchase quantities; empty bins are kept. */
    private static List<DatasetProfile.Bin> powerOfTwoBins(float[] sortedValues) {
        List<DatasetProfile.Bin> bins = new ArrayList<>();
        int exponent = Math.getExponent(sortedValues[0]);
        int p = 0;
        while (p < sortedValues.length) {
            double lower = Math.scalb(1.0, exponent);
            double upper = Math.scalb(1.0, exponent + 1);
            int start = p;
            while (p < sortedValues.length && sortedValues[p] < upper) {
                p++;
            }
            bins.add(new DatasetProfile.Bin(lower, upper, p - start));
            exponent++;
        }
        return bins;
    }

    static DatasetProfile.Distribution distribution(int[] counts) {
        if (counts.length == 0) {
            return new DatasetProfile.Distribution(0, 0, 0, 0, 0, 0, 0);
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        double total = 0;
        for (int c : sorted) {
            total += c;
        }
        return new DatasetProfile.Distribution(sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5),
                quantile(sorted, 0.75), quantile(sorted, 0.9), sorted[sorted.length - 1], total / sorted.length);
    }

    /** Linear interpolation between the order statistics around position q·(n−1). */
    static double quantile(int[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(sorted.length - 1, lower + 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }

    /** Share of interactions on the ⌈10%⌉ most popular items. */
    static double topDecileShare(int[] itemCounts, int interactions) {
        if (interactions == 0) {
            return 0;
        }
        int[] sorted = itemCounts.clone();
        Arrays.sort(sorted);
        int top = (int) Math.ceil(sorted.length * 0.1);
        long sum = 0;
        for (int k = 0; k < top; k++) {
            sum += sorted[sorted.length - 1 - k];
        }
        return (double) sum / interactions;
    }

    private static int countBelow(int[] counts, int threshold) {
        int n = 0;
        for (int c : counts) {
            if (c < threshold) {
                n++;
            }
        }
        return n;
    }
}
