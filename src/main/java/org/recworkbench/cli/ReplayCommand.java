package org.recworkbench.cli;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.stream.EventLog;
import org.recworkbench.stream.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "replay", description = "Fit on the first part of a dataset's events (in time order, or file order"
        + " without timestamps) and replay the rest: before each event, is its item in the list the user was last shown (prequential hit rate@N)?"
        + " Then the event updates the model (incrementally for item-kNN and factor models) and the user's"
        + " list is refreshed (timed).")
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetSource source;

    @Mixin
    AlgorithmOptions algorithm;

    @Mixin
    LiveOptions live;

    @Option(names = "--train-fraction", defaultValue = "0.8",
            description = "Share of the events that trains the model (default 0.8)")
    double trainFraction;

    @Option(names = "--n", defaultValue = "10", description = "List length for the hit rate (default 10)")
    int n;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        if (n < 1 || n > 1000) {
            throw new InvalidInputException("--n must be between 1 and 1000; got " + n);
        }
        Dataset data = source.load();
        Algorithm<?> a = algorithm.algorithm();
        EventLog log = EventLog.of(data);
        Replay.Result r = Replay.run(log, a, algorithm.values(), trainFraction, n, live.options(),
                ConsoleProgress.forTerminal(), Cancellation.NEVER);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("dataset", data.name());
            o.put("algorithm", r.algorithm());
            o.put("order", log.order());
            o.put("method", r.method());
            o.put("trainEvents", r.trainEvents());
            o.put("replayed", r.replayed());
            o.put("skipped", r.skipped());
            o.put("n", r.n());
            o.put("hitRate", r.hitRate());
            o.put("latencyMillis", Map.of("p50", r.p50Millis(), "p99", r.p99Millis(), "max", r.maxMillis()));
            o.put("seconds", r.seconds());
            Output.json(out, o);
        } else {
            out.printf(Locale.ROOT, "%s on %s: fitted on %d events, replayed %d (%s order, %d skipped: item unknown"
                            + " to the model), kept current by %s%n", r.algorithm(), data.name(), r.trainEvents(),
                    r.replayed(), log.order(), r.skipped(), r.method());
            out.printf(Locale.ROOT, "prequential hit rate@%d %.4f (%d hits)%n", r.n(), r.hitRate(), r.hits());
            out.printf(Locale.ROOT, "update latency: p50 %.3f ms, p99 %.3f ms, max %.3f ms; %.1f s in all%n",
                    r.p50Millis(), r.p99Millis(), r.maxMillis(), r.seconds());
        }
        out.flush();
        return 0;
    }
}
