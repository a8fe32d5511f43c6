package org.recworkbench.eval;

import org.recworkbench.data.InvalidInputException;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/**
 * Loss functions over a vector of targets y and predictions ŷ, each recorded step by step when asked. Logarithms
 * are natural. A term y·ln ŷ with y = 0 counts as 0 (the limit), so a zero target never turns a sum into NaN.
 */
public final class Losses {

    /** How the per-entry terms are combined. */
    public enum Reduction {
        SUM, MEAN
    }

    private Losses() {
    }

    /** (y_i − ŷ_i)² for each entry. */
    public static double[] squaredErrors(double[] y, double[] yHat) {
        check(y, yHat);
        double[] out = new double[y.length];
        for (int i = 0; i < out.length; i++) {
            double e = y[i] - yHat[i];
            out[i] = e * e;
        }
        return out;
    }

    /** MSE = (1/n) Σ (y_i − ŷ_i)². */
    public static double meanSquaredError(double[] y, double[] yHat, Derivation.Builder trace) {
        double[] squares = squaredErrors(y, yHat);
        double sum = sum(squares);
        int n = y.length;
        double mse = sum / n;
        if (trace.recording()) {
            trace.step(Words.phrase("loss.squaredErrors"), "(y_i - \\hat{y}_i)^2",
                    Latex.list(n, i -> "(" + Latex.num(y[i]) + " - " + Latex.term(yHat[i]) + ")^2 = "
                            + Latex.num(squares[i])), Double.NaN);
            trace.step(Words.phrase("loss.sumSquaredErrors"), "\\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2",
                    Latex.sum(n, i -> Latex.num(squares[i])), sum);
            trace.step(Words.phrase("loss.mse"), "MSE = \\frac{1}{n} \\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2",
                    "\\frac{" + Latex.num(sum) + "}{" + n + "}", mse);
        }
        return mse;
    }

    /** −y_i · ln ŷ_i for each entry (0 where y_i = 0). */
    public static double[] crossEntropyTerms(double[] y, double[] yHat) {
        checkProbabilities(y, yHat);
        double[] out = new double[y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = negate(weightedLog(y[i], yHat[i]));
        }
        return out;
    }

    /** H(y, ŷ) = −Σ y_i ln ŷ_i (or its mean): the categorical cross-entropy, no (1 − y) term. */
    public static double crossEntropy(double[] y, double[] yHat, Reduction reduction, Derivation.Builder trace) {
        double[] terms = crossEntropyTerms(y, yHat);
        double sum = sum(terms);
        double value = reduce(sum, y.length, reduction);
        if (trace.recording()) {
            trace.step(Words.phrase("loss.terms"), "-y_i \\ln \\hat{y}_i",
                    Latex.list(y.length, i -> "-" + Latex.term(y[i]) + " \\cdot \\ln " + Latex.num(yHat[i]) + " = "
                            + Latex.num(terms[i])), Double.NaN);
            recordReduction("loss.crossEntropy", "H(y, \\hat{y}) = ", "-\\sum_{i=1}^{n} y_i \\ln \\hat{y}_i", terms, sum,
                    value, reduction, trace);
        }
        return value;
    }

    /** −[y_i ln ŷ_i + (1 − y_i) ln(1 − ŷ_i)] for each entry. */
    public static double[] binaryCrossEntropyTerms(double[] y, double[] yHat) {
        checkProbabilities(y, yHat);
        double[] out = new double[y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = negate(weightedLog(y[i], yHat[i]) + weightedLog(1 - y[i], 1 - yHat[i]));
        }
        return out;
    }

    /** BCE = −Σ [y_i ln ŷ_i + (1 − y_i) ln(1 − ŷ_i)] (or its mean, as training loops report it). */
    public static double binaryCrossEntropy(double[] y, double[] yHat, Reduction reduction,
                                            Derivation.Builder trace) {
        double[] terms = binaryCrossEntropyTerms(y, yHat);
        double sum = sum(terms);
        double value = reduce(sum, y.length, reduction);
        if (trace.recording()) {
            trace.step(Words.phrase("loss.terms"), "-[y_i \\ln \\hat{y}_i + (1 - y_i) \\ln (1 - \\hat{y}_i)]",
                    Latex.list(y.length, i -> "-[" + Latex.num(y[i]) + " \\ln " + Latex.num(yHat[i]) + " + "
                            + Latex.num(1 - y[i]) + " \\ln " + Latex.num(1 - yHat[i]) + "] = "
                            + Latex.num(terms[i])), Double.NaN);
            recordReduction("loss.bce", "BCE = ",
                    "-\\sum_{i=1}^{n} [y_i \\ln \\hat{y}_i + (1 - y_i) \\ln (1 - \\hat{y}_i)]", terms, sum, value,
                    reduction, trace);
        }
        return value;
    }

    private static void recordReduction(String nameKey, String symbol, String sumLatex, double[] terms, double sum,
                                        double value, Reduction reduction, Derivation.Builder trace) {
        if (reduction == Reduction.SUM) {
            trace.step(Words.phrase(nameKey + "Sum"), symbol + sumLatex, Latex.sum(terms.length,
                    i -> Latex.num(terms[i])), value);
        } else {
            trace.step(Words.phrase("loss.sumOfTerms"), sumLatex, Latex.sum(terms.length, i -> Latex.num(terms[i])), sum);
            trace.step(Words.phrase(nameKey + "Mean"), symbol + "\\frac{1}{n} \\left(" + sumLatex + "\\right)",
                    "\\frac{" + Latex.num(sum) + "}{" + terms.length + "}", value);
        }
    }

    /** w · ln p, with 0 · ln 0 = 0. */
    private static double weightedLog(double w, double p) {
        return w == 0 ? 0 : w * Math.log(p);
    }

    /** 0 − x rather than −x: a zero term stays +0, never prints as −0. */
    private static double negate(double x) {
        return 0 - x;
    }

    private static double reduce(double sum, int n, Reduction reduction) {
        return reduction == Reduction.SUM ? sum : sum / n;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static void check(double[] y, double[] yHat) {
        if (y.length != yHat.length) {
            throw new InvalidInputException("y and ŷ differ in length: " + y.length + " and " + yHat.length);
        }
        if (y.length == 0) {
            throw new InvalidInputException("A loss needs at least one entry");
        }
    }

    private static void checkProbabilities(double[] y, double[] yHat) {
        check(y, yHat);
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] >= 0 && y[i] <= 1) || !(yHat[i] >= 0 && yHat[i] <= 1)) {
                throw new InvalidInputException("Cross-entropy needs targets and predictions in [0, 1]; entry "
                        + (i + 1) + " has y = " + y[i] + ", ŷ = " + yHat[i]);
            }
        }
    }
}
