package org.recworkbench.examples;

import org.recworkbench.explain.Derivation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A seed example computed by the engine: the derivation, every computed value by key, and each printed number
 * beside the computed one.
 *
 * @param computed    every value the computation produced, by key (the printed keys among them), in order
 * @param comparisons one per printed number, in the article's order
 * @param agrees      whether every printed number agrees (true when the article printed none)
 */
public record ExampleResult(SeedExample example, Derivation derivation, Map<String, Double> computed,
                            List<Comparison> comparisons, boolean agrees) {

    public ExampleResult {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(derivation, "derivation");
        computed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(computed));
        comparisons = List.copyOf(comparisons);
    }

    public String id() {
        return example.id();
    }

    public String note() {
        return example.note();
    }

    /** The example's final value as computed. */
    public double computedResult() {
        return computed.get(example.resultKey());
    }

    /** The article's final value, when it printed one. */
    public Optional<PrintedValue> printedResult() {
        return example.printedValue(example.resultKey());
    }

    /**
     * Whether the article printed the example's final value itself (not only an expression the gallery
     * evaluated, and not only intermediate numbers).
     */
    public boolean printsFinalValue() {
        return printedResult().filter(p -> !p.evaluatedByGallery()).isPresent();
    }

    /** The comparison of the final value, when the article printed one. */
    public Optional<Comparison> finalComparison() {
        return comparisons.stream().filter(c -> c.key().equals(example.resultKey())).findFirst();
    }

    /** The printed numbers other than the final value that disagree with the computed ones, in order. */
    public List<Comparison> wrongSteps() {
        return comparisons.stream().filter(c -> !c.agrees() && !c.key().equals(example.resultKey())).toList();
    }

    public Verdict verdict() {
        if (agrees) {
            return Verdict.RIGHT;
        }
        boolean finalWrong = printsFinalValue() && finalComparison().map(c -> !c.agrees()).orElse(false);
        return finalWrong ? Verdict.WRONG_RESULT : Verdict.WRONG_STEPS;
    }

    /** A computed value by key ("numerator", "products[0]"). */
    public double value(String key) {
        Double v = computed.get(key);
        if (v == null) {
            throw new IllegalArgumentException(id() + " computes no \"" + key + "\"; it has " + computed.keySet());
        }
        return v;
    }
}
