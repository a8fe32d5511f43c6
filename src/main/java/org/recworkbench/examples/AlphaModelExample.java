package org.recworkbench.examples;

import org.recworkbench.algo.content.SeedLatentAlgorithm;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/** Seed article 002's interest r = μ + ⟨u, p⟩ − α, by the scoring function of {@link SeedLatentAlgorithm}. */
final class AlphaModelExample implements ExampleFormula {

    @Override
    public void compute(SeedExample e, Computation c) {
        double mu = e.number("mu");
        double[] u = e.vector("u");
        double[] p = e.vector("p");
        double alpha = e.number("alpha");
        c.show(Words.phrase("example.alphaInputs", e.text("uName"), e.text("pName")), "\\mu, \\; u, \\; p, \\; \\alpha",
                "\\mu = " + Latex.num(mu) + ", \\; u = (" + list(u) + "), \\; p = (" + list(p) + "), \\; \\alpha = "
                        + Latex.num(alpha));
        c.put("mu", mu);
        c.put("alpha", alpha);
        // the article's partial expressions, by the same function: μ = α = 0 leaves ⟨u, p⟩, α = 0 leaves μ + ⟨u, p⟩
        c.put("innerProduct", SeedLatentAlgorithm.interestScore(0, u, p, 0, Derivation.Builder.NONE));
        c.put("preAlpha", SeedLatentAlgorithm.interestScore(mu, u, p, 0, Derivation.Builder.NONE));
        c.recordedLast("result", SeedLatentAlgorithm.interestScore(mu, u, p, alpha, c.trace()));
    }

    private static String list(double[] values) {
        return Latex.list(values.length, k -> Latex.num(values[k]));
    }
}
