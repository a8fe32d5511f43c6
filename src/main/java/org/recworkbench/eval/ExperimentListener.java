package org.recworkbench.eval;

import org.recworkbench.algo.Model;

import java.util.function.Supplier;

/**
 * Hears an experiment as it runs, on its thread: each training epoch with the model as it stands (for validation
 * learning curves; use it before returning, it shares the trainer's parameters) and each evaluated fold with its
 * fitted model (for error histograms and popularity charts).
 */
public interface ExperimentListener {

    ExperimentListener NONE = new ExperimentListener() {
    };

    default void epoch(Fold fold, int epoch, double loss, Supplier<Model> current) {
    }

    default void foldDone(Fold fold, Model model, FoldResult result) {
    }
}
