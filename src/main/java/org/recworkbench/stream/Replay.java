package org.recworkbench.stream;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the later part of an event log against a model fitted on the earlier part. Before each event is applied,
 * the user's current top-N is checked for the event's item (the prequential hit rate); applying the event and
 * refreshing that user's list is timed (the update latency).
 */
public final class Replay {

    /** Points of the hit-rate-over-time curve. */
    public static final int CURVE_POINTS = 50;

    private Replay() {
    }

    /**
     * @param hitRateCurve cumulative hit rate after each 1/CURVE_POINTS of the replayed events
     * @param skipped      events whose item the model does not know (counted, not replayed)
     */
    public record Result(String algorithm, int trainEvents, int replayed, int hits, int skipped, int n,
                         double hitRate, double p50Millis, double p99Millis, double maxMillis, double[] hitRateCurve,
                         double seconds) {
    }

    public static Result run(EventLog log, Algorithm<?> algorithm, ParamValues params, double trainFraction, int n,
                             Progress progress, Cancellation cancellation) {
        long start = System.nanoTime();
        int split = log.split(trainFraction);
        Dataset prefix = log.prefix(split);
        progress.report(0, "fitting " + algorithm.id() + " on the first " + split + " events");
        Model model = algorithm.fit(prefix, params, progress.stage(0, 0.3), cancellation);
        RecommendationService service = new RecommendationService(model);
        List<Event> stream = log.events().subList(split, log.events().size());
        Map<String, List<String>> lists = new HashMap<>();
        long[] latencies = new long[stream.size()];
        double[] curve = new double[CURVE_POINTS];
        int replayed = 0;
        int hits = 0;
        int skipped = 0;
        int point = 0;
        for (int k = 0; k < stream.size(); k++) {
            if ((k & 255) == 0) {
                cancellation.throwIfCancelled();
                progress.report(0.3 + 0.7 * k / Math.max(1, stream.size()), "replaying event " + (k + 1) + " of "
                        + stream.size());
            }
            Event e = stream.get(k);
            if (prefix.items().indexOf(e.item()) < 0) {
                skipped++;
            } else {
                List<String> current = lists.computeIfAbsent(e.user(), u -> ids(service.recommend(u, n)));
                if (current.contains(e.item())) {
                    hits++;
                }
                long t0 = System.nanoTime();
                service.apply(e.user(), e.item(), e.value());
                lists.put(e.user(), ids(service.recommend(e.user(), n)));
                latencies[replayed++] = System.nanoTime() - t0;
            }
            while (point < CURVE_POINTS && (long) (k + 1) * CURVE_POINTS >= (long) (point + 1) * stream.size()) {
                curve[point++] = replayed == 0 ? Double.NaN : (double) hits / replayed;
            }
        }
        long[] done = Arrays.copyOf(latencies, replayed);
        Arrays.sort(done);
        progress.report(1, "replayed " + replayed + " events");
        return new Result(algorithm.id(), split, replayed, hits, skipped, n,
                replayed == 0 ? Double.NaN : (double) hits / replayed, percentile(done, 0.50),
                percentile(done, 0.99), replayed == 0 ? Double.NaN : done[replayed - 1] / 1e6, curve,
                (System.nanoTime() - start) / 1e9);
    }

    private static List<String> ids(RecommendationService.Recommendations r) {
        return r.items().stream().map(RecommendationService.Item::id).toList();
    }

    /** The nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }
}
