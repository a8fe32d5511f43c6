package org.recworkbench.cli;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.eval.Experiment;
import org.recworkbench.eval.RunResult;
import org.recworkbench.job.Cancellation;

/** Runs an experiment for the CLI, turning the engine's argument errors into messages for the user. */
final class Experiments {

    private Experiments() {
    }

    /** Measures a loaded model without refitting (README, "Models as files"). */
    static RunResult run(Experiment experiment, org.recworkbench.algo.Model fitted) {
        try {
            return experiment.run(fitted, ConsoleProgress.forTerminal(), Cancellation.NEVER);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    static RunResult run(Experiment experiment, Dataset data) {
        try {
            return experiment.run(data, ConsoleProgress.forTerminal(), Cancellation.NEVER);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
