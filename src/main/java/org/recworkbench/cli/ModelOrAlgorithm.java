package org.recworkbench.cli;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.export.ModelFile;
import org.recworkbench.job.Cancellation;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's model comes from: fitted now ({@code --algo ID -p name=value}) or loaded from a model file
 * ({@code --model FILE}, checked against the dataset it was fitted on; README, "Models as files").
 */
public final class ModelOrAlgorithm {

    @Option(names = "--algo", paramLabel = "ID",
            description = "Algorithm id, e.g. item-knn, biased-mf, implicit-als, ease, rp3beta (README lists all);"
                    + " or give --model")
    String algorithm;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "An algorithm parameter, e.g. -p k=40 -p similarity=pearson (repeatable)")
    List<String> params = new ArrayList<>();

    @Option(names = "--model", paramLabel = "FILE.rwbm",
            description = "A saved model (model save) instead of --algo: no refit for models stored with their state")
    Path model;

    /** The model for {@code data}: loaded from --model, or fitted from --algo and -p. */
    Model obtain(Dataset data) {
        Model loaded = loadModel(data);
        return loaded != null ? loaded : algorithm().fit(data, values(), ConsoleProgress.forTerminal(),
                Cancellation.NEVER);
    }

    /** The model --model names, checked against {@code data}; null when --algo is given instead. */
    Model loadModel(Dataset data) {
        if (model == null) {
            algorithm();
            return null;
        }
        if (algorithm != null || !params.isEmpty()) {
            throw new InvalidInputException("--model takes the algorithm and parameters from the file; give"
                    + " --model or --algo/-p, not both");
        }
        return ModelFile.load(model, data, ConsoleProgress.forTerminal(), Cancellation.NEVER);
    }

    Algorithm<?> algorithm() {
        if (algorithm == null) {
            throw new InvalidInputException("Missing --algo ID (or --model FILE)");
        }
        return AlgorithmRegistry.require(algorithm);
    }

    ParamValues values() {
        Algorithm<?> a = algorithm();
        try {
            return ParamValues.parse(a.params(), params);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(a.id() + ": " + e.getMessage());
        }
    }
}
