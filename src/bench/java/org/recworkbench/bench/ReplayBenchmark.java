package org.recworkbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;
import org.recworkbench.stream.EventLog;
import org.recworkbench.stream.RecommendationService;
import org.recworkbench.stream.ReplaySession;

import java.util.concurrent.TimeUnit;

/**
 * Issue 8's replay target: the last 100,000 events of a timed MovieLens-1M-shaped log replayed as fast as possible
 * into incremental item-kNN (k = 30) fitted on the first 900,209, with the prequential check and the acting user's
 * list refreshed after each event (target ≤ 20 s). Each shot rewinds (rebuilds the live state) outside the timing.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class ReplayBenchmark {

    private ReplaySession session;

    @Setup(Level.Invocation)
    public void fitOrRewind() {
        if (session == null) {
            EventLog log = EventLog.of(MovieLensShape.buildTimed());
            Algorithm<?> knn = AlgorithmRegistry.require("item-knn");
            double fraction = 1 - 100_000.0 / log.events().size();
            session = ReplaySession.fit(log, knn, knn.defaults().with("k", 30), fraction, 10,
                    RecommendationService.Options.defaults(), Progress.NONE, Cancellation.NEVER);
        } else {
            session.seek(session.trainEvents(), Progress.NONE, Cancellation.NEVER);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 3)
    public ReplaySession.Stats replay100kEvents() {
        session.seek(session.end(), Progress.NONE, Cancellation.NEVER);
        ReplaySession.Stats s = session.stats();
        System.out.printf("%nREPLAY %d events (%d skipped), hit rate@10 %.4f, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                s.replayed(), s.skipped(), s.hitRate(), s.p50Millis(), s.p99Millis(), s.maxMillis());
        return s;
    }
}
