package org.recworkbench.examples;

import org.recworkbench.similarity.Measure;
import org.recworkbench.similarity.SimilarityOptions;
import org.recworkbench.similarity.VectorSimilarity;

/**
 * Cosine and Pearson between two given vectors, by {@link VectorSimilarity}: the sums and the formula every
 * similarity matrix of the engine uses. Variant {@code over}: "all" (every position an entry, zeros included) or
 * "co-rated" (a JSON null is a missing entry); Pearson's {@code meanOf}: "vector" (the mean of the entries in the
 * sums) or "given" (inputs meanX, meanY: each user's mean over all their ratings).
 */
final class SimilarityExample implements ExampleFormula {

    private final Measure measure;

    SimilarityExample(Measure measure) {
        this.measure = measure;
    }

    @Override
    public void compute(SeedExample e, Computation c) {
        double[] x = e.vector("x");
        double[] y = e.vector("y");
        String over = e.option("over", "all");
        if (over.equals("all") && (hasMissing(x) || hasMissing(y))) {
            throw new IllegalStateException(e.id() + ": \"over all\" needs every entry; null marks a missing one");
        }
        SimilarityOptions options = SimilarityOptions.of(measure);
        double[] givenMeans = null;
        boolean given = measure == Measure.PEARSON && e.option("meanOf", "vector").equals("given");
        if (given) {
            options = options.withVectorMeans(true);
            givenMeans = new double[] {e.number("meanX"), e.number("meanY")};
        }
        VectorSimilarity s = VectorSimilarity.explain(e.text("xName"), x, e.text("yName"), y, options, givenMeans);
        if (measure == Measure.PEARSON) {
            c.put("meanX", s.meanA());
            c.put("meanY", s.meanB());
            c.put("deviationsX", s.centredA());
            c.put("deviationsY", s.centredB());
        }
        c.put("products", s.products());
        c.put("numerator", s.numerator());
        c.put("squaresX", s.squaresA());
        c.put("squaresY", s.squaresB());
        c.put("sumSqX", s.sumSquaresA());
        c.put("sumSqY", s.sumSquaresB());
        c.put("normX", s.normA());
        c.put("normY", s.normB());
        c.put("denominator", s.denominator());
        c.append(s.derivation());
        c.recordedLast("result", s.value());
    }

    private static boolean hasMissing(double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                return true;
            }
        }
        return false;
    }
}
