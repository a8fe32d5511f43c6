package org.recworkbench.store.importer;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.ExternalEvaluation;
import org.recworkbench.eval.ExternalLists;
import org.recworkbench.eval.GivenTestSet;
import org.recworkbench.eval.RunResult;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Repeats a stored run of an external recommendation list: the file is read again from the path the run recorded,
 * but only while its SHA-256 is the one recorded; a missing or changed file is refused, saying which.
 */
public final class ExternalRuns {

    private static final String TEST_DATASET = "test-dataset:";

    private ExternalRuns() {
    }

    /** Reads and measures the run's file again (not saved); the caller saves the new run. */
    public static ExternalEvaluation.Outcome repeat(RunResult old, Dataset train, Function<String, Dataset> datasets,
                                                    Progress progress, Cancellation cancellation) {
        String name = old.params().get(ExternalEvaluation.FILE);
        String recorded = old.params().get(ExternalEvaluation.SHA256);
        String path = old.params().get(ExternalEvaluation.PATH);
        if (path == null || recorded == null || !old.split().startsWith(TEST_DATASET)) {
            throw new InvalidInputException("run " + old.runId() + " does not record the file and test dataset it "
                    + "measured; evaluate the list again with evaluate --recommendations");
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("run " + old.runId() + " measured " + name + " (" + path + "), which "
                    + "is no longer there; expected the same file at the same place (or evaluate a copy with "
                    + "evaluate --recommendations)");
        }
        String now = RecommendationListReader.sha256(file);
        if (!now.equals(recorded)) {
            throw new InvalidInputException("run " + old.runId() + " measured " + name + " (" + path + ") with "
                    + "SHA-256 " + recorded.substring(0, 12) + "…, but the file has changed since (now "
                    + now.substring(0, 12) + "…); a repeat would measure other lists: evaluate the new file with "
                    + "evaluate --recommendations instead");
        }
        Dataset test = datasets.apply(old.split().substring(TEST_DATASET.length()));
        ExternalLists lists = RecommendationListReader.read(file, train, progress.stage(0, 0.3), cancellation);
        return ExternalEvaluation.run(train, new GivenTestSet(test), lists, ExternalEvaluation.metricsOf(old),
                old.relevance(), old.seed(), progress.stage(0.3, 1), cancellation);
    }
}
