package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.DatasetChecksum;
import org.recworkbench.eval.ExternalEvaluation;
import org.recworkbench.eval.ExternalLists;
import org.recworkbench.eval.ExternalPredictions;
import org.recworkbench.eval.GivenTestSet;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.RunResult;
import org.recworkbench.export.EvaluationExport;
import org.recworkbench.job.Cancellation;
import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ExternalRuns;
import org.recworkbench.store.importer.PredictionFileReader;
import org.recworkbench.store.importer.RecommendationListReader;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate --recommendations FILE} and/or {@code --predictions FILE}, and {@code runs --rerun} of such a run:
 * lists and predicted ratings made elsewhere, measured.
 */
final class ExternalListCommand {

    private final CommandSpec spec;
    private final boolean json;

    ExternalListCommand(CommandSpec spec, boolean json) {
        this.spec = spec;
        this.json = json;
    }

    /** @param lists or {@code predictions} may be null, not both */
    int evaluate(DatasetSource source, EvaluationOptions options, Path lists, Path predictions, Path out,
                 Path perUserOut) {
        String option = lists != null ? "--recommendations" : "--predictions";
        if (options.testDataset == null) {
            throw new InvalidInputException(option + " needs --test-dataset NAME: the "
                    + (lists != null ? "lists" : "predictions") + " were made elsewhere from --dataset, so only a "
                    + "separate stored test set can measure them"
                    + (options.split != null ? " (--split would hold out entries the "
                    + (lists != null ? "lists" : "predictions") + " may have been made from)" : ""));
        }
        if (options.split != null || options.validation != null || options.validationDataset != null) {
            throw new InvalidInputException(option + " takes --test-dataset only; drop --split, "
                    + "--validation and --validation-dataset");
        }
        if (options.sampledNegatives != 0) {
            throw new InvalidInputException(option + (lists != null ? " ranks only the listed items"
                    : " ranks no items") + "; --sampled-negatives does not apply");
        }
        ExternalEvaluation.Outcome outcome;
        try (Workspace workspace = source.db.open()) {
            Dataset data = workspace.datasets().load(source.dataset);
            Dataset test = workspace.datasets().load(options.testDataset);
            List<MetricSpec> metrics = options.metrics == null
                    ? ExternalEvaluation.defaultMetrics(data.kind() == DatasetKind.EXPLICIT, lists != null,
                    predictions != null)
                    : options.metrics(data);
            ExternalEvaluation.checkMetrics(metrics, lists != null, predictions != null);
            ExternalLists read = lists == null ? null : RecommendationListReader.read(lists, data,
                    ConsoleProgress.forTerminal(), Cancellation.NEVER);
            ExternalPredictions predicted = predictions == null ? null : PredictionFileReader.read(predictions, data,
                    ConsoleProgress.forTerminal(), Cancellation.NEVER);
            outcome = ExternalEvaluation.run(data, new GivenTestSet(test), read, predicted, metrics,
                    options.relevance(data), options.seed, ConsoleProgress.forTerminal(), Cancellation.NEVER);
            if (!options.noSave) {
                outcome = outcome.withRun(workspace.runs().save(outcome.run()));
            }
            RunResult finished = outcome.run();
            if (out != null) {
                OutputFile.writeFile(spec, "--out", out, w -> EvaluationExport.results(List.of(finished), w));
            }
            if (perUserOut != null) {
                OutputFile.writeFile(spec, "--per-user-out", perUserOut,
                        w -> EvaluationExport.perUser(finished, data, w));
            }
        }
        print(outcome, null);
        return 0;
    }

    int rerun(Workspace workspace, RunResult old) {
        Dataset data = workspace.datasets().load(old.dataset());
        boolean sameDataset = DatasetChecksum.of(data).equals(old.datasetChecksum());
        ExternalEvaluation.Outcome again = ExternalRuns.repeat(old, data, workspace.datasets()::load,
                ConsoleProgress.forTerminal(), Cancellation.NEVER);
        RunResult saved = workspace.runs().save(again.run());
        again = again.withRun(saved);
        if (json) {
            Map<String, Object> m = json(again);
            m.put("rerun_of", old.runId());
            m.put("same_dataset", sameDataset);
            Output.json(spec.commandLine().getOut(), m);
            return 0;
        }
        print(again, "run " + saved.runId() + " repeats run " + old.runId() + " (same files, same SHA-256)"
                + (sameDataset ? "" : "; warning: dataset " + old.dataset() + " has changed since"));
        return 0;
    }

    private void print(ExternalEvaluation.Outcome outcome, String first) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, json(outcome));
            return;
        }
        if (first != null) {
            out.println(first);
        }
        ExternalLists l = outcome.lists();
        if (l != null) {
            out.printf(java.util.Locale.ROOT, "%s (SHA-256 %s…): %d rows, lists for %d users (longest %d, ordered by "
                            + "%s); skipped: %d rows of %d unknown users, %d rows of %d unknown items; dropped %d "
                            + "training items; %d test users without a list count as empty lists%n", l.fileName(),
                    l.sha256().substring(0, 12), l.rows(), l.listedUsers(), l.longestList(), l.order(),
                    l.unknownUserRows(), l.unknownUsers(), l.unknownItemRows(), l.unknownItems(),
                    l.trainingItemsDropped(), outcome.usersWithoutList());
        }
        ExternalPredictions p = outcome.predictions();
        if (p != null) {
            out.printf(java.util.Locale.ROOT, "%s (SHA-256 %s…): %d rows, predictions for %d pairs of %d users; "
                            + "skipped: %d rows of %d unknown users, %d rows of %d unknown items; test pairs without "
                            + "a prediction lower the coverage%n", p.fileName(), p.sha256().substring(0, 12),
                    p.rows(), p.matched(), p.predictedUsers(), p.unknownUserRows(), p.unknownUsers(),
                    p.unknownItemRows(), p.unknownItems());
        }
        EvaluateCommand.printResult(out, outcome.run());
    }

    private static Map<String, Object> json(ExternalEvaluation.Outcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>(RunJson.of(outcome.run()));
        ExternalLists l = outcome.lists();
        Map<String, Object> e = new LinkedHashMap<>();
        if (l != null) {
            e.put("file", l.fileName());
            e.put("sha256", l.sha256());
            e.put("order", l.order());
            e.put("rows", l.rows());
            e.put("listed_users", l.listedUsers());
            e.put("longest_list", l.longestList());
            e.put("unknown_users", l.unknownUsers());
            e.put("unknown_user_rows", l.unknownUserRows());
            e.put("unknown_items", l.unknownItems());
            e.put("unknown_item_rows", l.unknownItemRows());
            e.put("training_items_dropped", l.trainingItemsDropped());
            e.put("test_users_without_list", outcome.usersWithoutList());
        }
        ExternalPredictions p = outcome.predictions();
        if (p != null) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("file", p.fileName());
            q.put("sha256", p.sha256());
            q.put("rows", p.rows());
            q.put("predicted_pairs", p.matched());
            q.put("predicted_users", p.predictedUsers());
            q.put("unknown_users", p.unknownUsers());
            q.put("unknown_user_rows", p.unknownUserRows());
            q.put("unknown_items", p.unknownItems());
            q.put("unknown_item_rows", p.unknownItemRows());
            e.put("predictions", q);
        }
        m.put("external", e);
        return m;
    }
}
