package org.recworkbench.data;

import org.recworkbench.job.HeavyWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The series behind the Explore charts and tables, computed from a dataset: the long tail of item popularity
 * (sampled to at most {@code MAX_POINTS} points), a histogram of user activity in powers of two, interactions per
 * time bucket, and per-item and per-user counts and means.
 */
public record ExploreSeries(List<Point> longTail, List<DatasetProfile.Bin> userActivity, String timeUnit,
                            List<Point> timeline, List<ItemRow> items, List<UserRow> users) {

    public static final int MAX_POINTS = 400;

    public record Point(double x, double y) {
    }

    public record ItemRow(String id, String title, String categories, int interactions, double mean) {
    }

    public record UserRow(String id, int interactions, double mean) {
    }

    public static ExploreSeries of(Dataset d) {
        HeavyWork.enter("ExploreSeries.of " + d.name());
        RatingMatrix r = d.ratings();
        return new ExploreSeries(longTail(r), activity(r), timeUnit(r), timeline(r), items(d), users(d));
    }

    /** Items ranked by popularity (rank 1 = most popular) against their interaction counts. */
    static List<Point> longTail(RatingMatrix r) {
        int m = r.itemCount();
        int[] counts = new int[m];
        for (int i = 0; i < m; i++) {
            counts[i] = r.colLength(i);
        }
        Arrays.sort(counts);
        List<Point> points = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil((double) m / MAX_POINTS));
        for (int rank = 1; rank <= m; rank += step) {
            points.add(new Point(rank, counts[m - rank]));
        }
        if (m > 0 && points.get(points.size() - 1).x() != m) {
            points.add(new Point(m, counts[0]));
        }
        return points;
    }

    /** Users by number of interactions in bins [1, 2), [2, 4), [4, 8) …; users with none in [0, 1). */
    static List<DatasetProfile.Bin> activity(RatingMatrix r) {
        long[] bins = new long[33];
        for (int u = 0; u < r.userCount(); u++) {
            int n = r.rowLength(u);
            bins[n == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(n)]++;
        }
        List<DatasetProfile.Bin> out = new ArrayList<>();
        int last = 0;
        for (int b = 0; b < bins.length; b++) {
            if (bins[b] > 0) {
                last = b;
            }
        }
        for (int b = bins[0] == 0 ? 1 : 0; b <= last; b++) {
            double lower = b == 0 ? 0 : Math.pow(2, b - 1);
            out.add(new DatasetProfile.Bin(lower, b == 0 ? 1 : lower * 2, bins[b]));
        }
        return out;
    }

    private static final long DAY = 86_400;

    /** "day", "week" or "month" (30 days), so that the timeline has at most a few hundred buckets; "" without times. */
    static String timeUnit(RatingMatrix r) {
        if (!r.hasTimestamps()) {
            return "";
        }
        long[] range = range(r);
        long days = (range[1] - range[0]) / DAY + 1;
        return days <= 200 ? "day" : days <= 1400 ? "week" : "month";
    }

    private static long[] range(RatingMatrix r) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int p = 0; p < r.size(); p++) {
            int t = r.rowTimestamp(p);
            if (t != RatingMatrix.NO_TIMESTAMP) {
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
        }
        return new long[] {min, max};
    }

    /** Interactions per bucket: x is the bucket's start in epoch seconds. */
    static List<Point> timeline(RatingMatrix r) {
        String unit = timeUnit(r);
        if (unit.isEmpty()) {
            return List.of();
        }
        long width = switch (unit) {
            case "day" -> DAY;
            case "week" -> 7 * DAY;
            default -> 30 * DAY;
        };
        long[] range = range(r);
        long start = Math.floorDiv(range[0], DAY) * DAY;
        int buckets = (int) ((range[1] - start) / width) + 1;
        long[] counts = new long[buckets];
        for (int p = 0; p < r.size(); p++) {
            int t = r.rowTimestamp(p);
            if (t != RatingMatrix.NO_TIMESTAMP) {
                counts[(int) ((t - start) / width)]++;
            }
        }
        List<Point> points = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) {
            points.add(new Point(start + b * width, counts[b]));
        }
        return points;
    }

    static List<ItemRow> items(Dataset d) {
        RatingMatrix r = d.ratings();
        List<ItemRow> rows = new ArrayList<>(d.itemCount());
        for (int i = 0; i < d.itemCount(); i++) {
            double sum = 0;
            for (int p = r.colStart(i), end = p + r.colLength(i); p < end; p++) {
                sum += r.colValue(p);
            }
            int n = r.colLength(i);
            rows.add(new ItemRow(d.items().id(i), d.catalog().title(i), String.join("|", d.catalog().categories(i)),
                    n, n == 0 ? Double.NaN : sum / n));
        }
        return rows;
    }

    static List<UserRow> users(Dataset d) {
        RatingMatrix r = d.ratings();
        List<UserRow> rows = new ArrayList<>(d.userCount());
        for (int u = 0; u < d.userCount(); u++) {
            double sum = 0;
            for (int p = r.rowStart(u), end = p + r.rowLength(u); p < end; p++) {
                sum += r.rowValue(p);
            }
            int n = r.rowLength(u);
            rows.add(new UserRow(d.users().id(u), n, n == 0 ? Double.NaN : sum / n));
        }
        return rows;
    }
}
