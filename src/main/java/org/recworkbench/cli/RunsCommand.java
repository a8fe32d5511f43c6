package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.DatasetChecksum;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.ExternalEvaluation;
import org.recworkbench.eval.Splitter;
import org.recworkbench.eval.Splitters;
import org.recworkbench.eval.RunResult;
import org.recworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "runs", description = "The run history, newest first; --delete ID removes a run, --rerun ID repeats "
        + "one exactly.")
public final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--json", description = "Print one JSON object {\"runs\":[…]}")
    boolean json;

    @Option(names = "--delete", paramLabel = "ID", description = "Delete this run")
    Long delete;

    @Option(names = "--rerun", paramLabel = "ID",
            description = "Run this run's experiment again (same dataset, algorithm, params, split, seed, metrics) "
                    + "and record it as a new run")
    Long rerun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = db.open()) {
            if (delete != null) {
                if (!workspace.runs().delete(delete)) {
                    throw new InvalidInputException("no run " + delete + " in the history");
                }
                out.println("deleted run " + delete);
                out.flush();
                return 0;
            }
            if (rerun != null) {
                return rerun(workspace, out);
            }
            List<RunResult> runs = workspace.runs().list();
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (RunResult r : runs) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("run", r.runId());
                    m.put("started", r.startedAt().toString());
                    m.putAll(RunJson.of(r));
                    m.remove("folds");
                    list.add(m);
                }
                Output.json(out, Map.of("runs", list));
                return 0;
            }
            for (RunResult r : runs) {
                StringBuilder metrics = new StringBuilder();
                r.metrics().forEach((k, s) -> metrics.append(k).append('=').append(RunJson.format(s.value()))
                        .append(' '));
                out.printf(java.util.Locale.ROOT, "%5d  %s  %-12s %-14s %-16s seed %-6d %s%s%n", r.runId(), r.startedAt().toString()
                                .substring(0, 19), r.dataset(), r.algorithm(), r.split(), r.seed(), metrics,
                        r.params().isEmpty() ? "" : " " + r.params());
            }
            if (runs.isEmpty()) {
                out.println("no runs yet (evaluate or sweep records them)");
            }
            out.flush();
        }
        return 0;
    }

    private int rerun(Workspace workspace, PrintWriter out) {
        RunResult old = workspace.runs().find(rerun)
                .orElseThrow(() -> new InvalidInputException("no run " + rerun + " in the history"));
        if (ExternalEvaluation.isExternal(old)) {
            return new ExternalListCommand(spec, json).rerun(workspace, old);
        }
        Dataset data = workspace.datasets().load(old.dataset());
        String checksum = DatasetChecksum.of(data);
        Splitter splitter;
        try {
            splitter = Splitters.resolve(old.split(), workspace.datasets()::load);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("run " + rerun + ": " + e.getMessage());
        }
        RunResult again = workspace.runs().save(Experiments.run(Experiment.of(old, splitter), data));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(RunJson.of(again));
            m.put("rerun_of", old.runId());
            m.put("same_dataset", checksum.equals(old.datasetChecksum()));
            Output.json(out, m);
            return 0;
        }
        out.printf(java.util.Locale.ROOT, "run %d repeats run %d%s%n", again.runId(), old.runId(),
                checksum.equals(old.datasetChecksum()) ? ""
                        : " (warning: dataset " + old.dataset() + " has changed since; its checksum differs)");
        out.printf(java.util.Locale.ROOT, "%-24s %12s %12s%n", "metric", "before", "now");
        old.metrics().forEach((k, s) -> out.printf(java.util.Locale.ROOT, "%-24s %12s %12s%n", k,
                RunJson.format(s.value()), RunJson.format(again.value(k))));
        out.flush();
        return 0;
    }
}
