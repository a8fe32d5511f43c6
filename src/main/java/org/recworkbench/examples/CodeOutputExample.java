package org.recworkbench.examples;

import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.similarity.VectorSimilarity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The closest runnable reading of a code listing that takes the cosine of [item id, rating] rows: the new item's
 * row [id, mean rating] against every behaviour row, by {@link VectorSimilarity}, sorted the way the listing
 * sorts. Inputs: {@code itemIds}, {@code ratings} (the behaviour rows) and {@code newItem}.
 */
final class CodeOutputExample implements ExampleFormula {

    @Override
    public void compute(SeedExample e, Computation c) {
        double[] items = e.vector("itemIds");
        double[] ratings = e.vector("ratings");
        double newItem = e.number("newItem");
        double mean = Arrays.stream(ratings).sum() / ratings.length;
        c.step("meanRating", Words.phrase("example.meanRating"), "\\bar{r} = \\frac{1}{n} \\sum r",
                "\\frac{" + Latex.num(Arrays.stream(ratings).sum()) + "}{" + ratings.length + "}", mean);
        double[] query = {newItem, mean};
        double[] cosines = new double[items.length];
        for (int r = 0; r < items.length; r++) {
            double[] row = {items[r], ratings[r]};
            VectorSimilarity s = VectorSimilarity.explain("new", query, "row " + r, row,
                    SimilarityOptions.of(Measure.COSINE), null);
            cosines[r] = s.value();
            c.step("cosine[" + r + "]", Words.phrase("example.cosineRow", Latex.num(newItem), Latex.num(mean),
                    String.valueOf(r), Latex.num(items[r]), Latex.num(ratings[r]),
                    String.format(java.util.Locale.ROOT, "%.9f", cosines[r])),
                    "\\cos = \\frac{a \\cdot b}{\\|a\\| \\|b\\|}", "\\frac{" + Latex.num(s.numerator()) + "}{"
                            + Latex.num(s.normA()) + " \\cdot " + Latex.num(s.normB()) + "}", cosines[r]);
        }
        Integer[] order = IntStream.range(0, items.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> -cosines[r]));
        for (int k = 0; k < order.length; k++) {
            c.put("sorted[" + k + "]", cosines[order[k]]);
            c.put("rankedItem[" + k + "]", items[order[k]]);
        }
        c.show(Words.phrase("example.sorted"),
                "\\text{rows by } \\cos", Latex.list(order.length, k -> "\\text{row " + order[k] + " (item "
                        + Latex.num(items[order[k]]) + ")}"));
    }
}
