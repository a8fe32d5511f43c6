package org.recworkbench.stream;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay that can be stepped: a model fitted on the first part of an event log, then the rest applied one event
 * at a time. Before an event is applied, its user's current top-N is checked for the event's item (prequential hit
 * rate@N); applying it and refreshing that user's list is timed (the update latency). Seeking back rebuilds the
 * live state from the fitted model and replays up to the target. One thread at a time (methods synchronise).
 */
public final class ReplaySession {

    /**
     * One applied (or skipped) event.
     *
     * @param position the event's number in the log (0-based)
     * @param skipped  the event's item was unknown to the model (an event log's prefix keeps the whole catalogue,
     *                 so only a log from elsewhere has such events)
     * @param hit      the item was in the user's top-N before the event
     * @param nanos    applying the event and refreshing the user's list
     */
    public record Step(int position, Event event, boolean skipped, boolean hit, long nanos) {
    }

    /** The numbers so far; the curve holds the cumulative hit rate after each replayed event, thinned. */
    public record Stats(int replayed, int hits, int skipped, double hitRate, double p50Millis, double p99Millis,
                        double maxMillis) {
    }

    private final EventLog log;
    private final Model model;
    private final int split;
    private final int n;
    private final RecommendationService.Options options;
    private RecommendationService service;
    private Map<String, List<String>> lists;
    private int position;
    private long[] latencies;
    private boolean[] hits;
    private int replayed;
    private int hitCount;
    private int skipped;

    private ReplaySession(EventLog log, Model model, int split, int n, RecommendationService.Options options) {
        this.log = log;
        this.model = model;
        this.split = split;
        this.n = n;
        this.options = options;
        reset();
    }

    /** Fits the algorithm on the first {@code trainFraction} of the log; the session starts at the split. */
    public static ReplaySession fit(EventLog log, Algorithm<?> algorithm, ParamValues params, double trainFraction,
                                    int n, RecommendationService.Options options, Progress progress,
                                    Cancellation cancellation) {
        HeavyWork.enter("ReplaySession.fit " + algorithm.id());
        if (n < 1 || n > 1000) {
            throw new org.recworkbench.data.InvalidInputException("N must be between 1 and 1000; got " + n);
        }
        int split = log.split(trainFraction);
        Dataset prefix = log.prefix(split);
        progress.report(0, "fitting " + algorithm.id() + " on the first " + split + " events");
        Model model = algorithm.fit(prefix, params, progress.stage(0, 0.9), cancellation);
        progress.report(0.9, "building the live model");
        ReplaySession session = new ReplaySession(log, model, split, n, options);
        progress.report(1, "ready to replay " + (log.events().size() - split) + " events");
        return session;
    }

    private void reset() {
        service = new RecommendationService(model, options);
        lists = new HashMap<>();
        position = split;
        int stream = log.events().size() - split;
        latencies = new long[stream];
        hits = new boolean[stream];
        replayed = 0;
        hitCount = 0;
        skipped = 0;
    }

    public Model model() {
        return model;
    }

    public RecommendationService service() {
        return service;
    }

    public EventLog log() {
        return log;
    }

    /** The list length of the hit rate. */
    public int n() {
        return n;
    }

    /** Events used for training (the replay starts at this position). */
    public int trainEvents() {
        return split;
    }

    /** The next event's position. */
    public synchronized int position() {
        return position;
    }

    public int end() {
        return log.events().size();
    }

    public synchronized boolean finished() {
        return position >= end();
    }

    /** Applies the next event, or returns null at the end. */
    public synchronized Step step() {
        if (position >= end()) {
            return null;
        }
        Event e = log.events().get(position);
        Step step;
        if (service.model().dataset().items().indexOf(e.item()) < 0) {
            skipped++;
            step = new Step(position, e, true, false, 0);
        } else {
            // the list the user was last shown (after their previous event), or what they would be shown now
            List<String> current = lists.get(e.user());
            if (current == null) {
                current = service.recommendedIds(e.user(), n);
            }
            boolean hit = current.contains(e.item());
            long t0 = System.nanoTime();
            service.apply(e.user(), e.item(), e.value(), e.time());
            lists.put(e.user(), service.recommendedIds(e.user(), n));
            long nanos = System.nanoTime() - t0;
            latencies[replayed] = nanos;
            hits[replayed++] = hit;
            if (hit) {
                hitCount++;
            }
            step = new Step(position, e, false, hit, nanos);
        }
        position++;
        return step;
    }

    /** Moves to a position: forward by replaying, back by rebuilding the live state and replaying from the split. */
    public synchronized void seek(int target, Progress progress, Cancellation cancellation) {
        int goal = Math.max(split, Math.min(end(), target));
        if (goal < position) {
            reset();
        }
        int from = position;
        while (position < goal) {
            if (((position - from) & 255) == 0) {
                cancellation.throwIfCancelled();
                progress.report((double) (position - from) / Math.max(1, goal - from), "replaying event "
                        + (position + 1) + " of " + end());
            }
            step();
        }
        progress.report(1, "at event " + position);
    }

    public synchronized Stats stats() {
        long[] done = Arrays.copyOf(latencies, replayed);
        Arrays.sort(done);
        return new Stats(replayed, hitCount, skipped, replayed == 0 ? Double.NaN : (double) hitCount / replayed,
                percentile(done, 0.50), percentile(done, 0.99), replayed == 0 ? Double.NaN : done[replayed - 1] / 1e6);
    }

    /** Each replayed event's latency in nanoseconds, in order. */
    public synchronized long[] latencies() {
        return Arrays.copyOf(latencies, replayed);
    }

    /**
     * The cumulative hit rate at {@code points} evenly spaced moments of the replay so far (point p after event
     * ⌈(p + 1)·replayed / points⌉); NaN before any event.
     */
    public synchronized double[] hitRateCurve(int points) {
        double[] curve = new double[points];
        int[] running = new int[replayed + 1];
        for (int k = 0; k < replayed; k++) {
            running[k + 1] = running[k] + (hits[k] ? 1 : 0);
        }
        for (int p = 0; p < points; p++) {
            int upTo = (int) Math.ceil((double) (p + 1) * replayed / points);
            curve[p] = upTo == 0 ? Double.NaN : (double) running[upTo] / upTo;
        }
        return curve;
    }

    /** The user's current list (ids, best first). */
    public synchronized RecommendationService.Recommendations recommend(String user) {
        return service.recommend(user, n);
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
