package org.recworkbench.examples;

import org.recworkbench.algo.content.ContentParams.IdfVariant;
import org.recworkbench.algo.content.ContentParams.TfVariant;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TF, IDF and TF-IDF of a few documents by the content model's own variants ({@link TfVariant}, {@link IdfVariant}).
 * Inputs: documents (name → term → count) and the corpus size N; a term's document frequency n(t) counts the
 * listed documents that contain it (the other documents of the corpus contain none). Natural logarithms only, as
 * the engine's IDF.
 */
final class TfidfExample implements ExampleFormula {

    @Override
    public void compute(SeedExample e, Computation c) {
        if (!e.option("logBase", "e").equals("e")) {
            throw new IllegalStateException(e.id() + ": the engine's IDF uses the natural logarithm only");
        }
        TfVariant tf = TfVariant.valueOf(e.option("tf", "relative").toUpperCase(Locale.ROOT));
        IdfVariant idf = IdfVariant.valueOf(e.option("idf", "plain").toUpperCase(Locale.ROOT));
        int corpus = (int) e.number("totalDocuments");
        Map<String, Map<String, Integer>> documents = documents(e);
        Map<String, Integer> frequency = new LinkedHashMap<>();
        documents.values().forEach(terms -> terms.keySet().forEach(t -> frequency.merge(t, 1, Integer::sum)));

        Map<String, Double> tfs = new LinkedHashMap<>();
        documents.forEach((d, terms) -> {
            int total = terms.values().stream().mapToInt(Integer::intValue).sum();
            terms.forEach((t, count) -> tfs.put(t + "_" + d, c.step("tf_" + t + "_" + d,
                    Words.phrase("example.tf", t, d), "TF(t, d) = " + tf.latex().replace("n_{it}", "f(t, d)")
                            .replace("\\sum_{t'} n_{it'}", "\\sum_{t'} f(t', d)"),
                    tf.substituted(count, total), tf.apply(count, total))));
        });
        Map<String, Double> idfs = new LinkedHashMap<>();
        frequency.forEach((t, n) -> idfs.put(t, c.step("idf_" + t, Words.phrase("example.idf", t, String.valueOf(n),
                        String.valueOf(corpus)), "IDF(t) = " + idf.latex(),
                idf.latex().replace("N", Integer.toString(corpus)).replace("n_t", Integer.toString(n)),
                idf.apply(corpus, n))));
        documents.forEach((d, terms) -> terms.keySet().forEach(t -> {
            double tfValue = tfs.get(t + "_" + d);
            double idfValue = idfs.get(t);
            c.step("tfidf_" + t + "_" + d, Words.phrase("example.tfidf", t, d),
                    "TF\\text{-}IDF(t, d) = TF(t, d) \\cdot IDF(t)",
                    Latex.num(tfValue) + " \\cdot " + Latex.num(idfValue), tfValue * idfValue);
        }));
    }

    private static Map<String, Map<String, Integer>> documents(SeedExample e) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        e.object("documents").forEach((d, terms) -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            ((Map<?, ?>) terms).forEach((t, n) ->
                    counts.put(t.toString(), (int) SeedExample.toDouble(n, e.id() + " " + d + "." + t)));
            out.put(d, counts);
        });
        return out;
    }
}
