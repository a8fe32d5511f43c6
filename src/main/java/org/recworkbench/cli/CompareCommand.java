package org.recworkbench.cli;

import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Significance;
import org.recworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "compare", description = "Metric differences between two runs (B − A) with paired t-test and Wilcoxon "
        + "signed-rank p-values over the per-user values, when both used the same dataset, split and seed.")
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Parameters(index = "0", paramLabel = "RUN_A")
    long runA;

    @Parameters(index = "1", paramLabel = "RUN_B")
    long runB;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        RunResult a;
        RunResult b;
        try (Workspace workspace = db.open()) {
            a = workspace.runs().find(runA).orElseThrow(() -> new InvalidInputException("no run " + runA));
            b = workspace.runs().find(runB).orElseThrow(() -> new InvalidInputException("no run " + runB));
        }
        Significance.Comparison c = Significance.compare(a, b);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", runA);
            m.put("b", runB);
            m.put("paired", c.paired());
            m.put("pairing", c.reason());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Significance.MetricComparison mc : c.metrics()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("metric", mc.metric());
                row.put("a", Output.finite(mc.a()));
                row.put("b", Output.finite(mc.b()));
                row.put("difference", Output.finite(mc.difference()));
                row.put("pairs", mc.pairs());
                row.put("t_test_p", Output.finite(mc.tTestP()));
                row.put("wilcoxon_p", Output.finite(mc.wilcoxonP()));
                row.put("effect_size", Output.finite(mc.effectSize()));
                rows.add(row);
            }
            m.put("metrics", rows);
            Output.json(out, m);
            return 0;
        }
        out.printf(java.util.Locale.ROOT, "A = run %d (%s %s), B = run %d (%s %s); %s%n", runA, a.algorithm(), a.params(), runB,
                b.algorithm(), b.params(), c.reason());
        out.printf(java.util.Locale.ROOT, "%-20s %10s %10s %10s %8s %10s %10s %8s%n", "metric", "A", "B", "B − A", "pairs", "t-test p",
                "Wilcoxon p", "d");
        for (Significance.MetricComparison mc : c.metrics()) {
            out.printf(java.util.Locale.ROOT, "%-20s %10s %10s %10s %8d %10s %10s %8s%n", mc.metric(), RunJson.format(mc.a()),
                    RunJson.format(mc.b()), RunJson.format(mc.difference()), mc.pairs(), p(mc.tTestP()),
                    p(mc.wilcoxonP()), RunJson.format(mc.effectSize()));
        }
        out.flush();
        return 0;
    }

    private static String p(double p) {
        return Double.isNaN(p) ? "n/a" : p < 1e-4 ? String.format(java.util.Locale.ROOT, "%.1e", p)
                : String.format(java.util.Locale.ROOT, "%.4f", p);
    }
}
