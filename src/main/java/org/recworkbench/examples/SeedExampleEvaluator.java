package org.recworkbench.examples;

import org.recworkbench.explain.Derivation;
import org.recworkbench.similarity.Measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a seed example into its result: the engine computes every quantity the article printed, and each printed
 * number is set beside the computed one.
 */
public final class SeedExampleEvaluator {

    private static final Map<String, ExampleFormula> FORMULAS = Map.ofEntries(
            Map.entry("cosine", new SimilarityExample(Measure.COSINE)),
            Map.entry("pearson", new SimilarityExample(Measure.PEARSON)),
            Map.entry("user-cf-prediction", new UserCfPredictionExample()),
            Map.entry("tfidf", new TfidfExample()),
            Map.entry("normalized-dot-similarity", SeedCfExamples::weights),
            Map.entry("weighted-sum-prediction", SeedCfExamples::predictions),
            Map.entry("gaussian-density", new GaussianDensityExample()),
            Map.entry("alpha-model", new AlphaModelExample()),
            Map.entry("mse", LossExamples::meanSquaredError),
            Map.entry("cross-entropy", LossExamples::crossEntropy),
            Map.entry("mf-objective", new MfObjectiveExample()),
            Map.entry("code-output", new CodeOutputExample()),
            Map.entry("loss-sign", new LossSignExample()));

    private SeedExampleEvaluator() {
    }

    /** The formula kinds an example may name. */
    public static Set<String> formulaKinds() {
        return FORMULAS.keySet();
    }

    public static ExampleResult evaluate(SeedExample example) {
        ExampleFormula formula = FORMULAS.get(example.formula());
        if (formula == null) {
            throw new IllegalStateException(example.id() + ": unknown formula kind \"" + example.formula() + "\"");
        }
        Computation c = new Computation(example.id() + ": " + example.title());
        formula.compute(example, c);
        Derivation derivation = c.build(example.resultKey());
        List<Comparison> comparisons = new ArrayList<>();
        boolean agrees = true;
        for (PrintedValue p : example.printed()) {
            Double computed = c.values().get(p.key());
            if (computed == null) {
                throw new IllegalStateException(example.id() + ": the article printed \"" + p.key()
                        + "\" but the computation has no such value");
            }
            boolean same = p.agreesWith(computed);
            comparisons.add(new Comparison(p, computed, same));
            agrees &= same;
        }
        return new ExampleResult(example, derivation, c.values(), comparisons, agrees);
    }
}
