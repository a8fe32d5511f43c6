package org.recworkbench.cli;

import org.recworkbench.data.InvalidInputException;
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

@Command(name = "runs", description = "The run history, newest first; --delete ID removes a run.")
public final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--json", description = "Print one JSON object {\"runs\":[…]}")
    boolean json;

    @Option(names = "--delete", paramLabel = "ID", description = "Delete this run")
    Long delete;

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
}
