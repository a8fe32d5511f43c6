package org.recworkbench.store.importer;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.ExternalEvaluation;
import org.recworkbench.eval.ExternalLists;
import org.recworkbench.eval.ExternalPredictions;
import org.recworkbench.eval.GivenTestSet;
import org.recworkbench.eval.RunResult;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Repeats a stored run of an external recommendation list and/or predictions file: each file is read again from
 * the path the run recorded, but only while its SHA-256 is the one recorded; a missing or changed file is refused,
 * saying which.
 */
public final class ExternalRuns {

    private static final String TEST_DATASET = "test-dataset:";

    private ExternalRuns() {
    }

    /** Reads and measures the run's files again (not saved); the caller saves the new run. */
    public static ExternalEvaluation.Outcome repeat(RunResult old, Dataset train, Function<String, Dataset> datasets,
                                                    Progress progress, Cancellation cancellation) {
        Path listFile = recorded(old, ExternalEvaluation.FILE, ExternalEvaluation.PATH, ExternalEvaluation.SHA256,
                "--recommendations");
        Path predictionsFile = recorded(old, ExternalEvaluation.PREDICTIONS_FILE, ExternalEvaluation.PREDICTIONS_PATH,
                ExternalEvaluation.PREDICTIONS_SHA256, "--predictions");
        if ((listFile == null && predictionsFile == null) || !old.split().startsWith(TEST_DATASET)) {
            throw new InvalidInputException("run " + old.runId() + " does not record the file and test dataset it "
                    + "measured; evaluate the file again with evaluate --recommendations or --predictions");
        }
        Dataset test = datasets.apply(old.split().substring(TEST_DATASET.length()));
        ExternalLists lists = listFile == null ? null
                : RecommendationListReader.read(listFile, train, progress.stage(0, 0.15), cancellation);
        ExternalPredictions predictions = predictionsFile == null ? null
                : PredictionFileReader.read(predictionsFile, train, progress.stage(0.15, 0.3), cancellation);
        return ExternalEvaluation.run(train, new GivenTestSet(test), lists, predictions,
                ExternalEvaluation.metricsOf(old), old.relevance(), old.seed(), progress.stage(0.3, 1), cancellation);
    }

    /** The file the run recorded under these parameters, checked to be unchanged; null when it recorded none. */
    private static Path recorded(RunResult old, String nameKey, String pathKey, String shaKey, String option) {
        String name = old.params().get(nameKey);
        String recorded = old.params().get(shaKey);
        String path = old.params().get(pathKey);
        if (path == null || recorded == null) {
            return null;
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("run " + old.runId() + " measured " + name + " (" + path + "), which "
                    + "is no longer there; expected the same file at the same place (or evaluate a copy with "
                    + "evaluate " + option + ")");
        }
        String now = RecommendationListReader.sha256(file);
        if (!now.equals(recorded)) {
            throw new InvalidInputException("run " + old.runId() + " measured " + name + " (" + path + ") with "
                    + "SHA-256 " + recorded.substring(0, 12) + "…, but the file has changed since (now "
                    + now.substring(0, 12) + "…); a repeat would measure other "
                    + (option.equals("--predictions") ? "predictions" : "lists") + ": evaluate the new file with "
                    + "evaluate " + option + " instead");
        }
        return file;
    }
}
