package org.recworkbench.stream;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

/** A whole replay as fast as possible (see {@link ReplaySession}), summarised. */
public final class Replay {

    /** Points of the hit-rate-over-time curve. */
    public static final int CURVE_POINTS = 50;

    private Replay() {
    }

    /**
     * @param method        how the model was kept current ("incremental item-kNN", …)
     * @param hitRateCurve  cumulative hit rate after each 1/CURVE_POINTS of the replayed events
     * @param skipped       events whose item the model does not know (counted, not replayed)
     */
    public record Result(String algorithm, String method, int trainEvents, int replayed, int hits, int skipped, int n,
                         double hitRate, double p50Millis, double p99Millis, double maxMillis, double[] hitRateCurve,
                         double seconds) {
    }

    public static Result run(EventLog log, Algorithm<?> algorithm, ParamValues params, double trainFraction, int n,
                             Progress progress, Cancellation cancellation) {
        return run(log, algorithm, params, trainFraction, n, RecommendationService.Options.defaults(), progress,
                cancellation);
    }

    public static Result run(EventLog log, Algorithm<?> algorithm, ParamValues params, double trainFraction, int n,
                             RecommendationService.Options options, Progress progress, Cancellation cancellation) {
        long start = System.nanoTime();
        ReplaySession session = ReplaySession.fit(log, algorithm, params, trainFraction, n, options,
                progress.stage(0, 0.3), cancellation);
        session.seek(session.end(), progress.stage(0.3, 1), cancellation);
        ReplaySession.Stats s = session.stats();
        progress.report(1, "replayed " + s.replayed() + " events");
        return new Result(algorithm.id(), session.service().method(), session.trainEvents(), s.replayed(), s.hits(),
                s.skipped(), n, s.hitRate(), s.p50Millis(), s.p99Millis(), s.maxMillis(),
                session.hitRateCurve(CURVE_POINTS), (System.nanoTime() - start) / 1e9);
    }
}
