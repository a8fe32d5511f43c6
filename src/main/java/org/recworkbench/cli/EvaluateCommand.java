package org.recworkbench.cli;

import org.recworkbench.algo.Model;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.FoldResult;
import org.recworkbench.eval.RunResult;
import org.recworkbench.export.EvaluationExport;
import org.recworkbench.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "evaluate", description = "Fit an algorithm on each training fold and measure it on the test part, or "
        + "measure lists or predicted ratings made elsewhere (--recommendations, --predictions); the run is recorded in the history (see runs, compare).")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetSource source;

    @Mixin
    ModelOrAlgorithm algorithm;

    @Option(names = "--recommendations", paramLabel = "FILE.csv",
            description = "Instead of an algorithm, measure top-N lists made elsewhere (header user,item and rank or "
                    + "score; our recommend --out files as they are) on --test-dataset")
    Path recommendations;

    @Option(names = "--predictions", paramLabel = "FILE.csv",
            description = "Instead of an algorithm, measure predicted ratings made elsewhere (header user,item,"
                    + "prediction; Surprise's uid,iid,r_ui,est as written) on --test-dataset: RMSE, MAE, coverage; "
                    + "with --recommendations, both in one run")
    Path predictions;

    @Mixin
    EvaluationOptions evaluation;

    @Option(names = "--json", description = "Print one JSON object")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the results (aggregate and per fold) as CSV")
    Path out;

    @Option(names = "--per-user-out", paramLabel = "FILE.csv", description = "Also write the per-user values as CSV")
    Path perUserOut;

    @Override
    public Integer call() {
        boolean modelGiven = algorithm.algorithm != null || algorithm.model != null;
        boolean filesGiven = recommendations != null || predictions != null;
        if (modelGiven == filesGiven) {
            throw new InvalidInputException(!modelGiven ? "give --algo ID (a model to fit), --model FILE (a saved"
                    + " model), --recommendations FILE.csv (lists made elsewhere) or --predictions FILE.csv "
                    + "(predicted ratings made elsewhere)"
                    : "give either --algo/--model or --recommendations/--predictions, not both");
        }
        if (filesGiven) {
            if (!algorithm.params.isEmpty()) {
                throw new InvalidInputException("-p sets an algorithm's parameters; "
                        + (recommendations != null ? "--recommendations" : "--predictions") + " takes none");
            }
            return new ExternalListCommand(spec, json).evaluate(source, evaluation, recommendations, predictions,
                    out, perUserOut);
        }
        RunResult result;
        if (algorithm.model != null && evaluation.testDataset == null) {
            throw new InvalidInputException("evaluate --model needs --test-dataset NAME: a split would refit the"
                    + " model on part of the data");
        }
        try (Workspace workspace = source.db.open()) {
            Dataset data = workspace.datasets().load(source.dataset);
            Model loaded = algorithm.loadModel(data);
            Experiment experiment = new Experiment(loaded != null ? loaded.algorithmId() : algorithm.algorithm().id(),
                    loaded != null ? loaded.params() : algorithm.values(),
                    evaluation.splitter(workspace), evaluation.metrics(data), evaluation.relevance(data),
                    evaluation.candidates(), evaluation.seed);
            result = loaded != null ? Experiments.run(experiment, loaded) : Experiments.run(experiment, data);
            if (!evaluation.noSave) {
                result = workspace.runs().save(result);
            }
            RunResult finished = result;
            if (this.out != null) {
                OutputFile.writeFile(spec, "--out", this.out, w -> EvaluationExport.results(List.of(finished), w));
            }
            if (perUserOut != null) {
                OutputFile.writeFile(spec, "--per-user-out", perUserOut,
                        w -> EvaluationExport.perUser(finished, data, w));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, RunJson.of(result));
            return 0;
        }
        printResult(out, result);
        return 0;
    }

    /** The text form of a run: its setting, the metric table, each fold's counts and the run id. */
    static void printResult(PrintWriter out, RunResult result) {
        out.printf(java.util.Locale.ROOT, "%s on %s, split %s, seed %d, relevance: %s, candidates: %s%n", result.algorithm(),
                result.dataset(), result.split(), result.seed(), result.relevance().describe(),
                result.candidates().describe());
        out.print(RunJson.table(result.metrics()));
        for (FoldResult f : result.folds()) {
            out.printf(java.util.Locale.ROOT, "fold %d: train %d, test %d, cold users %d, cold items %d (%d test "
                            + "entries), ranked users %d, fit %.2f s, evaluate %.2f s%s%n", f.index() + 1,
                    f.trainSize(), f.testSize(), f.coldUsers(), f.coldItems(), f.coldTestEntries(), f.rankedUsers(),
                    f.fitSeconds(), f.evaluateSeconds(), f.droppedTestEntries() == 0 ? ""
                            : "; " + f.droppedTestEntries() + " test entries dropped: their user or item is unknown "
                            + "to the training data");
        }
        out.printf(java.util.Locale.ROOT, "%.2f s%s%n", result.seconds(), result.runId() == 0 ? "" : ", run " + result.runId());
        out.flush();
    }
}
