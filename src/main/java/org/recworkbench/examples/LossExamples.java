package org.recworkbench.examples;

import org.recworkbench.eval.Losses;

import java.util.Locale;

/** Mean squared error and cross-entropy of given targets and predictions, by {@link Losses}. */
final class LossExamples {

    private LossExamples() {
    }

    /** Variant divisor "n" only (the article's). */
    static void meanSquaredError(SeedExample e, Computation c) {
        if (!e.option("divisor", "n").equals("n")) {
            throw new IllegalStateException(e.id() + ": only the divisor n is supported");
        }
        double[] y = e.vector("y");
        double[] yHat = e.vector("yHat");
        double[] squares = Losses.squaredErrors(y, yHat);
        double sum = 0;
        for (double s : squares) {
            sum += s;
        }
        c.put("squaredErrors", squares);
        c.put("sumSquaredErrors", sum);
        c.put("n", y.length);
        c.recordedLast("result", Losses.meanSquaredError(y, yHat, c.trace()));
    }

    /** H = −Σ y ln ŷ; variant reduction "sum" or "mean", natural logarithm only. */
    static void crossEntropy(SeedExample e, Computation c) {
        if (!e.option("logBase", "e").equals("e")) {
            throw new IllegalStateException(e.id() + ": the engine's losses use the natural logarithm only");
        }
        Losses.Reduction reduction = Losses.Reduction.valueOf(e.option("reduction", "sum").toUpperCase(Locale.ROOT));
        double[] y = e.vector("y");
        double[] yHat = e.vector("yHat");
        c.put("terms", Losses.crossEntropyTerms(y, yHat));
        c.recordedLast("result", Losses.crossEntropy(y, yHat, reduction, c.trace()));
    }
}
