package org.recworkbench.examples;

import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Step;
import org.recworkbench.explain.Words;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one example's computation collects: the derivation (steps of the engine's own functions, plus the
 * example's framing steps) and every computed value under the key the article's printed numbers use. Vectors are
 * stored element by element as {@code key[i]}, matrices as {@code key[i][j]}.
 */
final class Computation {

    private final Derivation.Builder trace;
    private final Map<String, Double> values = new LinkedHashMap<>();
    /** The key whose value the last recorded step holds, or null when unknown. */
    private String lastStepKey;

    Computation(String title) {
        trace = Derivation.builder(title);
    }

    /** The builder to hand to engine functions that record their own steps. */
    Derivation.Builder trace() {
        lastStepKey = null;
        return trace;
    }

    /** Records a step that computes {@code key} and stores its value. */
    double step(String key, String title, String latex, String substituted, double value) {
        trace.step(title, latex, substituted, value);
        put(key, value);
        lastStepKey = key;
        return value;
    }

    /** As {@link #step(String, String, String, String, double)} with the title from the engine's words. */
    double step(String key, Words.Phrase title, String latex, String substituted, double value) {
        trace.step(title, latex, substituted, value);
        put(key, value);
        lastStepKey = key;
        return value;
    }

    /** As {@link #show(String, String, String)} with the title from the engine's words. */
    void show(Words.Phrase title, String latex, String substituted) {
        trace.step(title, latex, substituted, Double.NaN);
        lastStepKey = null;
    }

    /** Records a step that only shows numbers (no single value). */
    void show(String title, String latex, String substituted) {
        trace.step(title, latex, substituted, Double.NaN);
        lastStepKey = null;
    }

    /** Stores a value that the last step an engine function recorded holds. */
    double recordedLast(String key, double value) {
        put(key, value);
        lastStepKey = key;
        return value;
    }

    /** Appends every step of a derivation the engine built on its own. */
    void append(Derivation derivation) {
        for (Step s : derivation.steps()) {
            trace.step(s.title(), s.latex(), s.substituted(), s.value());
        }
        lastStepKey = null;
    }

    void put(String key, double value) {
        values.put(key, value);
    }

    void put(String key, double[] vector) {
        for (int i = 0; i < vector.length; i++) {
            put(key + "[" + i + "]", vector[i]);
        }
    }

    void put(String key, double[][] matrix) {
        for (int i = 0; i < matrix.length; i++) {
            put(key + "[" + i + "]", matrix[i]);
        }
    }

    Map<String, Double> values() {
        return values;
    }

    /** The derivation, closed by a step stating the result when the last step holds another value. */
    Derivation build(String resultKey) {
        Double result = values.get(resultKey);
        if (result == null) {
            throw new IllegalStateException("the computation produced no result \"" + resultKey + "\"");
        }
        if (!resultKey.equals(lastStepKey)) {
            trace.step(Words.phrase("example.result", resultKey),
                    "\\text{" + resultKey.replace("_", "\\_") + "}", Latex.num(result), result);
        }
        return trace.build();
    }
}
