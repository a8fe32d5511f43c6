package org.recworkbench.examples;

import org.recworkbench.eval.Losses;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/**
 * A binary cross-entropy written without its leading minus, L = y ln f + (1 − y) ln(1 − f): the engine's BCE of
 * a good and a bad prediction for the same label, and the article's L (its negation) of both, to show which one
 * minimising each would prefer. Inputs: label y, predictions good and bad.
 */
final class LossSignExample implements ExampleFormula {

    @Override
    public void compute(SeedExample e, Computation c) {
        double y = e.number("y");
        double good = e.number("good");
        double bad = e.number("bad");
        double bceGood = Losses.binaryCrossEntropy(new double[] {y}, new double[] {good}, Losses.Reduction.SUM,
                c.trace());
        c.recordedLast("bceGood", bceGood);
        double bceBad = Losses.binaryCrossEntropy(new double[] {y}, new double[] {bad}, Losses.Reduction.SUM,
                c.trace());
        c.recordedLast("bceBad", bceBad);
        String written = "L = y \\ln f + (1 - y) \\ln (1 - f)";
        double articleGood = c.step("articleLossGood", Words.phrase("example.lossGood", Latex.num(good)), written,
                Latex.num(y) + " \\ln " + Latex.num(good) + " + " + Latex.num(1 - y) + " \\ln " + Latex.num(1 - good),
                0 - bceGood);
        double articleBad = c.step("articleLossBad", Words.phrase("example.lossBad", Latex.num(bad)),
                written, Latex.num(y) + " \\ln " + Latex.num(bad) + " + " + Latex.num(1 - y) + " \\ln "
                        + Latex.num(1 - bad), 0 - bceBad);
        c.show(Words.phrase("example.prefers", Words.t(articleBad < articleGood ? "example.bad" : "example.good"),
                        Words.t(bceGood < bceBad ? "example.good" : "example.bad")),
                "L_{\\text{bad}} " + (articleBad < articleGood ? "<" : "\\ge") + " L_{\\text{good}}, \\quad "
                        + "BCE_{\\text{good}} " + (bceGood < bceBad ? "<" : "\\ge") + " BCE_{\\text{bad}}",
                Latex.num(articleBad) + (articleBad < articleGood ? " < " : " \\ge ") + Latex.num(articleGood)
                        + ", \\quad " + Latex.num(bceGood) + (bceGood < bceBad ? " < " : " \\ge ")
                        + Latex.num(bceBad));
        c.step("leadingSign", Words.phrase("example.leadingSign"),
                "BCE = -[y \\ln f + (1 - y) \\ln (1 - f)]", "-1", -1);
    }
}
