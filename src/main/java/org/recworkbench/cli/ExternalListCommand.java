package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.DatasetChecksum;
import org.recworkbench.eval.ExternalEvaluation;
import org.recworkbench.eval.ExternalLists;
import org.recworkbench.eval.GivenTestSet;
import org.recworkbench.eval.MetricSpec;
import org.recworkbench.eval.RunResult;
import org.recworkbench.export.EvaluationExport;
import org.recworkbench.job.Cancellation;
import org.recworkbench.store.Workspace;
import org.recworkbench.store.importer.ExternalRuns;
import org.recworkbench.store.importer.RecommendationListReader;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code evaluate --recommendations FILE} and {@code runs --rerun} of such a run: lists made elsewhere, measured. */
final class ExternalListCommand {

    private final CommandSpec spec;
    private final boolean json;

    ExternalListCommand(CommandSpec spec, boolean json) {
        this.spec = spec;
        this.json = json;
    }

    int evaluate(DatasetSource source, EvaluationOptions options, Path file, Path out, Path perUserOut) {
        if (options.testDataset == null) {
            throw new InvalidInputException("--recommendations needs --test-dataset NAME: the lists were made "
                    + "elsewhere from --dataset, so only a separate stored test set can measure them"
                    + (options.split != null ? " (--split would hold out entries the lists may have been made from)"
                    : ""));
        }
        if (options.split != null || options.validation != null || options.validationDataset != null) {
            throw new InvalidInputException("--recommendations takes --test-dataset only; drop --split, "
                    + "--validation and --validation-dataset");
        }
        if (options.sampledNegatives != 0) {
            throw new InvalidInputException("--recommendations ranks only the listed items; --sampled-negatives "
                    + "does not apply");
        }
        ExternalEvaluation.Outcome outcome;
        try (Workspace workspace = source.db.open()) {
            Dataset data = workspace.datasets().load(source.dataset);
            Dataset test = workspace.datasets().load(options.testDataset);
            List<MetricSpec> metrics = options.metrics == null
                    ? ExternalEvaluation.defaultMetrics(data.kind() == DatasetKind.EXPLICIT) : options.metrics(data);
            ExternalEvaluation.checkMetrics(metrics);
            ExternalLists lists = RecommendationListReader.read(file, data, ConsoleProgress.forTerminal(),
                    Cancellation.NEVER);
            outcome = ExternalEvaluation.run(data, new GivenTestSet(test), lists, metrics, options.relevance(data),
                    options.seed, ConsoleProgress.forTerminal(), Cancellation.NEVER);
            if (!options.noSave) {
                outcome = new ExternalEvaluation.Outcome(workspace.runs().save(outcome.run()), outcome.lists(),
                        outcome.usersWithoutList());
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
        again = new ExternalEvaluation.Outcome(saved, again.lists(), again.usersWithoutList());
        if (json) {
            Map<String, Object> m = json(again);
            m.put("rerun_of", old.runId());
            m.put("same_dataset", sameDataset);
            Output.json(spec.commandLine().getOut(), m);
            return 0;
        }
        print(again, "run " + saved.runId() + " repeats run " + old.runId() + " (same file, same SHA-256)"
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
        out.printf(java.util.Locale.ROOT, "%s (SHA-256 %s…): %d rows, lists for %d users (longest %d, ordered by "
                        + "%s); skipped: %d rows of %d unknown users, %d rows of %d unknown items; dropped %d training "
                        + "items; %d test users without a list count as empty lists%n", l.fileName(),
                l.sha256().substring(0, 12), l.rows(), l.listedUsers(), l.longestList(), l.order(),
                l.unknownUserRows(), l.unknownUsers(), l.unknownItemRows(), l.unknownItems(),
                l.trainingItemsDropped(), outcome.usersWithoutList());
        EvaluateCommand.printResult(out, outcome.run());
    }

    private static Map<String, Object> json(ExternalEvaluation.Outcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>(RunJson.of(outcome.run()));
        ExternalLists l = outcome.lists();
        Map<String, Object> e = new LinkedHashMap<>();
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
        m.put("external", e);
        return m;
    }
}
