package org.recworkbench.cli;

import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --algo ID} and {@code -p name=value}, validated by the algorithm's own parameter specs. */
public final class AlgorithmOptions {

    @Option(names = "--algo", required = true, paramLabel = "ID",
            description = "Algorithm id, e.g. item-knn, biased-mf, implicit-als, ease, rp3beta (README lists all)")
    String algorithm;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "An algorithm parameter, e.g. -p k=40 -p similarity=pearson (repeatable)")
    List<String> params = new ArrayList<>();

    Algorithm<?> algorithm() {
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

    Model fit(Dataset dataset) {
        ParamValues values = values();
        return algorithm().fit(dataset, values, ConsoleProgress.forTerminal(), Cancellation.NEVER);
    }

}
