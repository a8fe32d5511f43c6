package org.recworkbench.ui.live;

import org.recworkbench.stream.RecommendationService;
import org.recworkbench.stream.ReplaySession;

import java.util.List;

/**
 * The replay's numbers at one moment, read off the session in the background.
 *
 * @param position the next event's position; {@code position == end} when the replay is over
 * @param curve    the cumulative prequential hit rate, at most {@link ReplayDriver#CURVE_POINTS} points
 * @param method   how the service keeps the model current ("incremental item-kNN", "fold-in", …)
 */
record Snapshot(int position, int end, ReplaySession.Stats stats, List<HitRatePoint> curve,
                List<LatencyHistogram.Bucket> latency, List<RecommendationService.Item> trending, String method) {

    static Snapshot of(ReplaySession s, int trendingCount) {
        ReplaySession.Stats stats = s.stats();
        int points = Math.min(ReplayDriver.CURVE_POINTS, stats.replayed());
        double[] rates = s.hitRateCurve(points);
        List<HitRatePoint> curve = new java.util.ArrayList<>(points);
        for (int p = 0; p < points; p++) {
            // the engine's point p is the rate after ⌈(p + 1)·replayed / points⌉ events
            int after = (int) Math.ceil((double) (p + 1) * stats.replayed() / points);
            curve.add(new HitRatePoint(after, rates[p]));
        }
        return new Snapshot(s.position(), s.end(), stats, curve,
                LatencyHistogram.of(s.latencies()), s.service().trending(trendingCount), s.service().method());
    }
}
