package org.recworkbench.cli;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.RunResult;
import org.recworkbench.eval.Sweep;
import org.recworkbench.eval.SweepAxis;
import org.recworkbench.export.EvaluationExport;
import org.recworkbench.job.Cancellation;
import org.recworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sweep", description = "Evaluate over one parameter axis or a grid of two: -p k=5,10,20,40 (a list), "
        + "-p alpha=0..1:11 (11 linear points), -p lambda=0.001..10:log5 (5 log-spaced points). Every point is "
        + "recorded in the run history.")
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetSource source;

    @Mixin
    AlgorithmOptions algorithm;

    @Mixin
    EvaluationOptions evaluation;

    @Option(names = "--search", paramLabel = "grid|random:N", defaultValue = "grid",
            description = "grid (default: every combination of one or two axes) or random:N (N distinct combinations"
                    + " drawn at random from up to 8 axes, seeded by --seed)")
    String search;

    @Option(names = "--json", description = "Print one JSON object {\"points\":[…]} when the sweep has finished")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the sweep table as CSV")
    Path out;

    @Override
    public Integer call() {
        Algorithm<?> a = algorithm.algorithm();
        List<String> fixed = new ArrayList<>();
        Map<String, String> axisTexts = new LinkedHashMap<>();
        for (String assignment : algorithm.params) {
            int eq = assignment.indexOf('=');
            String value = eq < 0 ? "" : assignment.substring(eq + 1);
            if (eq > 0 && SweepAxis.isAxis(value)) {
                axisTexts.put(assignment.substring(0, eq).strip(), value);
            } else {
                fixed.add(assignment);
            }
        }
        if (axisTexts.isEmpty()) {
            throw new InvalidInputException("sweep needs at least one axis, e.g. -p k=5,10,20,40 or "
                    + "-p alpha=0..1:11");
        }
        ParamValues base;
        List<SweepAxis> axes = new ArrayList<>();
        try {
            base = ParamValues.parse(a.params(), fixed);
            for (var axis : axisTexts.entrySet()) {
                SweepAxis.checkNotInsideAxis(axis.getKey(), axisTexts.keySet());
                axes.add(SweepAxis.parse(base.spec(axis.getKey()), axis.getValue()));
            }
        } catch (InvalidInputException e) {
            throw new InvalidInputException(a.id() + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> points = new ArrayList<>();
        try (Workspace workspace = source.db.open()) {
            Dataset data = workspace.datasets().load(source.dataset);
            Experiment experiment = new Experiment(a.id(), base, evaluation.splitter(workspace),
                    evaluation.metrics(data), evaluation.relevance(data), evaluation.candidates(), evaluation.seed);
            Sweep sweep = new Sweep(experiment, axes, randomBudget());
            splitSpec = experiment.splitter().spec();
            List<String> names = axes.stream().map(SweepAxis::name).toList();
            if (!json) {
                out.println(header(names, experiment));
                out.flush();
            }
            List<RunResult> finished = new ArrayList<>();
            try {
                sweep.run(data, ConsoleProgress.forTerminal(), Cancellation.NEVER, point -> {
                    RunResult saved = evaluation.noSave ? point : workspace.runs().save(point);
                    finished.add(saved);
                    Map<String, Object> p = new LinkedHashMap<>();
                    Map<String, String> params = new LinkedHashMap<>();
                    names.forEach(n -> params.put(n, saved.params().get(n)));
                    p.put("params", RunJson.typed(params));
                    p.put("metrics", RunJson.values(saved.metrics()));
                    p.put("seconds", Math.round(saved.seconds() * 1000) / 1000.0);
                    p.put("run", saved.runId() == 0 ? null : saved.runId());
                    points.add(p);
                    if (!json) {
                        out.println(row(names, saved));
                        out.flush();
                    }
                });
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
            if (this.out != null) {
                OutputFile.writeFile(spec, "--out", this.out, w -> EvaluationExport.sweep(finished, names, w));
            }
            String metric = experiment.metrics().get(0).key();
            Sweep.Selection selection = sweep.select(data, finished, metric, ConsoleProgress.forTerminal(),
                    Cancellation.NEVER);
            RunResult test = selection.chosenOnValidation() && !evaluation.noSave
                    ? workspace.runs().save(selection.test()) : selection.test();
            Map<String, String> chosenParams = new LinkedHashMap<>();
            names.forEach(n -> chosenParams.put(n, selection.chosen().params().get(n)));
            if (json) {
                Map<String, Object> chosen = new LinkedHashMap<>();
                chosen.put("by", metric);
                chosen.put("on", selection.chosenOnValidation() ? "validation" : "test");
                chosen.put("params", RunJson.typed(chosenParams));
                chosen.put("test", RunJson.values(test.metrics()));
                chosen.put("run", test.runId() == 0 ? null : test.runId());
                chosenJson = chosen;
            } else {
                out.println(selection.chosenOnValidation()
                        ? "chosen on validation by " + metric + ": " + chosenParams + "; on the test: "
                        + summary(test)
                        : "best by " + metric + ": " + chosenParams + " — chosen by looking at the test itself; give "
                        + "--validation 0.1 to choose on a validation part and keep the test for the report");
                out.flush();
            }
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dataset", source.dataset);
            result.put("algorithm", a.id());
            result.put("split", splitSpec);
            result.put("seed", evaluation.seed);
            result.put("search", search.strip().toLowerCase(Locale.ROOT));
            result.put("points", points);
            result.put("chosen", chosenJson);
            Output.json(out, result);
        }
        return 0;
    }

    private Map<String, Object> chosenJson;
    private String splitSpec;

    private int randomBudget() {
        String s = search.strip().toLowerCase(Locale.ROOT);
        if (s.equals("grid")) {
            return 0;
        }
        if (s.startsWith("random:")) {
            try {
                int n = Integer.parseInt(s.substring("random:".length()));
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
        }
        throw new InvalidInputException("--search: expected grid or random:N with N ≥ 1; got \"" + search + "\"");
    }

    private static String summary(RunResult r) {
        StringBuilder b = new StringBuilder();
        r.metrics().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", v.value())));
        return b.toString();
    }

    private static String header(List<String> names, Experiment e) {
        StringBuilder b = new StringBuilder();
        names.forEach(n -> b.append(String.format(Locale.ROOT, "%12s ", n)));
        e.metrics().forEach(m -> b.append(String.format(Locale.ROOT, "%14s ", m.key())));
        return b.append(String.format(Locale.ROOT, "%9s", "seconds")).toString();
    }

    private static String row(List<String> names, RunResult r) {
        StringBuilder b = new StringBuilder();
        names.forEach(n -> b.append(String.format(Locale.ROOT, "%12s ", r.params().get(n))));
        r.metrics().forEach((k, s) -> b.append(String.format(Locale.ROOT, "%14s ", RunJson.format(s.value()))));
        return b.append(String.format(Locale.ROOT, "%9.2f", r.seconds())).toString();
    }
}
