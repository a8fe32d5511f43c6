package org.recworkbench.data;

import java.util.List;

/**
 * Summary statistics of a dataset, as shown by {@code profile} and the Explore view.
 *
 * @param ratingHistogram      bins of the interaction values (one bin per distinct value when there are few)
 * @param userActivity         interactions per user
 * @param itemPopularity       interactions per item
 * @param topDecileItemShare   share of all interactions that fall on the 10% most popular items
 * @param coldUsers            users with fewer than {@link DatasetProfiler#COLD_THRESHOLD} interactions
 * @param firstTimestamp       earliest epoch second, or null when the data has no timestamps
 */
public record DatasetProfile(String name, DatasetKind kind, int users, int items, int interactions, double density,
                             double valueMin, double valueMax, double valueMean, List<Bin> ratingHistogram,
                             Distribution userActivity, Distribution itemPopularity, double topDecileItemShare,
                             int coldUsers, int coldItems, Long firstTimestamp, Long lastTimestamp) {

    public DatasetProfile {
        ratingHistogram = List.copyOf(ratingHistogram);
    }

    /** Values in [lower, upper) — or exactly {@code lower} when lower == upper — and how many entries had them. */
    public record Bin(double lower, double upper, long count) {
    }

    /** Quantiles by linear interpolation between order statistics (numpy's default, "type 7"). */
    public record Distribution(double min, double p25, double median, double p75, double p90, double max,
                               double mean) {
    }
}
