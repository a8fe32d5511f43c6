package org.recworkbench.algo.content;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.ItemCatalog;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The item-term matrix: for item i, the terms it contains (ascending term index) with their raw counts and
 * L2-normalised TF-IDF weights w_it = β̄_it · tf(n_it) · idf(t) / ‖·‖_i, where n_it counts t over all fields (title
 * words, text words, categories), β̄_it = Σ_f β_f n_itf / n_it is the mean weight β_f of the fields its occurrences are
 * in (with one field, w_it = tf(n_it) · idf(t) / ‖tf · idf‖_i). N is the number of items in the catalogue.
 */
final class TfidfIndex {

    final ContentParams params;
    final String[] terms;
    final int[] documentFrequency;
    final double[] idf;
    final int itemCount;
    final int[] itemStart;
    final int[] itemTerms;
    final int[] counts;
    /** The counts by field ({@link ContentParams.Field} order), each parallel to {@link #counts}. */
    final int[][] fieldCounts;
    final double[] weights;
    /** ‖tf · idf‖ of each item before normalisation (0 for items without terms). */
    final double[] rawNorm;
    /** Term index by term; never changed after {@link #build}, so safe to read from many threads. */
    private final Object2IntOpenHashMap<String> termIds;

    private TfidfIndex(ContentParams params, Object2IntOpenHashMap<String> termIds, String[] terms,
                       int[] documentFrequency, double[] idf, int itemCount, int[] itemStart, int[] itemTerms,
                       int[] counts, int[][] fieldCounts, double[] weights, double[] rawNorm) {
        this.params = params;
        this.termIds = termIds;
        this.terms = terms;
        this.documentFrequency = documentFrequency;
        this.idf = idf;
        this.itemCount = itemCount;
        this.itemStart = itemStart;
        this.itemTerms = itemTerms;
        this.counts = counts;
        this.fieldCounts = fieldCounts;
        this.weights = weights;
        this.rawNorm = rawNorm;
    }

    /**
     * The TF-IDF vector of a text the index was not built from (a new item): tokenised like the catalogue (same
     * stop words, bigrams and numbers; the text is a text field, without title or categories, so no {@code category:}
     * terms; its single field weight cancels in the normalisation), tf from its own
     * counts as fitted, idf from the fitted vocabulary (N and n_t unchanged), L2-normalised. Terms outside the
     * vocabulary are dropped; they still count in the text's total, which only the relative tf uses and which the
     * normalisation cancels.
     */
    TermVector vectorise(String text) {
        List<String> tokens = new Tokenizer(params.stopWords(), params.bigrams(), params.numbers()).words(text);
        int[] local = new int[tokens.size()];
        int known = 0;
        for (String token : tokens) {
            int id = termIds.getInt(token);
            if (id >= 0) {
                local[known++] = id;
            }
        }
        Arrays.sort(local, 0, known);
        int[] vectorTerms = new int[known];
        double[] vectorWeights = new double[known];
        int size = 0;
        for (int k = 0; k < known; ) {
            int m = k;
            while (m < known && local[m] == local[k]) {
                m++;
            }
            vectorTerms[size] = local[k];
            vectorWeights[size] = params.textWeight() * params.tf().apply(m - k, tokens.size()) * idf[local[k]];
            size++;
            k = m;
        }
        double s = 0;
        for (int p = 0; p < size; p++) {
            s += vectorWeights[p] * vectorWeights[p];
        }
        double norm = Math.sqrt(s);
        for (int p = 0; p < size; p++) {
            vectorWeights[p] = norm == 0 ? 0 : vectorWeights[p] / norm;
        }
        return new TermVector(Arrays.copyOf(vectorTerms, size), Arrays.copyOf(vectorWeights, size), norm);
    }

    /**
     * A sparse TF-IDF vector outside the item-term matrix.
     *
     * @param terms   term indices, ascending
     * @param weights L2-normalised weights (all 0 when rawNorm is 0)
     * @param rawNorm ‖tf · idf‖ before normalisation
     */
    record TermVector(int[] terms, double[] weights, double rawNorm) {

        /** No known term, or only terms whose idf is 0: nothing to compare with, as for a catalogue item. */
        boolean isEmpty() {
            return terms.length == 0 || rawNorm == 0;
        }
    }

    static TfidfIndex build(Dataset dataset, ContentParams params, Progress progress, Cancellation cancellation) {
        Tokenizer tokenizer = new Tokenizer(params.stopWords(), params.bigrams(), params.numbers());
        ContentParams.Field[] fields = ContentParams.Field.values();
        ItemCatalog catalog = dataset.catalog();
        int n = dataset.itemCount();
        Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        ids.defaultReturnValue(-1);
        List<String> vocabulary = new ArrayList<>();
        int[] start = new int[n + 1];
        int[] termIdx = new int[Math.max(16, n * 8)];
        int[] termCount = new int[termIdx.length];
        int[][] fieldCount = new int[fields.length][termIdx.length];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 255) == 0) {
                cancellation.throwIfCancelled();
                progress.report(0.9 * i / n, "Indexing item texts: " + i + " of " + n);
            }
            start[i] = size;
            List<List<String>> byField = List.of(tokenizer.words(catalog.title(i)), tokenizer.words(catalog.text(i)),
                    params.useCategories() ? Tokenizer.categoryTerms(catalog.categories(i)) : List.<String>of());
            int length = byField.stream().mapToInt(List::size).sum();
            // term id · fields + field, so sorting groups a term's occurrences field by field
            int[] local = new int[length];
            int k0 = 0;
            for (int f = 0; f < fields.length; f++) {
                for (String token : byField.get(f)) {
                    int id = ids.getInt(token);
                    if (id < 0) {
                        id = vocabulary.size();
                        ids.put(token, id);
                        vocabulary.add(token);
                    }
                    local[k0++] = id * fields.length + f;
                }
            }
            Arrays.sort(local);
            for (int k = 0; k < local.length; ) {
                int term = local[k] / fields.length;
                if (size == termIdx.length) {
                    termIdx = Arrays.copyOf(termIdx, size * 2);
                    termCount = Arrays.copyOf(termCount, size * 2);
                    for (int f = 0; f < fields.length; f++) {
                        fieldCount[f] = Arrays.copyOf(fieldCount[f], size * 2);
                    }
                }
                int m = k;
                while (m < local.length && local[m] / fields.length == term) {
                    fieldCount[local[m] % fields.length][size]++;
                    m++;
                }
                termIdx[size] = term;
                termCount[size] = m - k;
                size++;
                k = m;
            }
        }
        start[n] = size;
        int[] df = new int[vocabulary.size()];
        for (int p = 0; p < size; p++) {
            df[termIdx[p]]++;
        }
        double[] idf = new double[df.length];
        for (int t = 0; t < df.length; t++) {
            idf[t] = params.idf().apply(n, df[t]);
        }
        double[] weights = new double[size];
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int total = total(start, termCount, i);
            for (int p = start[i]; p < start[i + 1]; p++) {
                weights[p] = fieldTf(params, fieldCount, p, total) * idf[termIdx[p]];
                s += weights[p] * weights[p];
            }
            double norm = Math.sqrt(s);
            norms[i] = norm;
            for (int p = start[i]; p < start[i + 1]; p++) {
                weights[p] = norm == 0 ? 0 : weights[p] / norm;
            }
        }
        progress.report(1, "Indexed " + vocabulary.size() + " terms");
        int[][] fieldCounts = new int[fields.length][];
        for (int f = 0; f < fields.length; f++) {
            fieldCounts[f] = Arrays.copyOf(fieldCount[f], size);
        }
        return new TfidfIndex(params, ids, vocabulary.toArray(String[]::new), df, idf, n, start,
                Arrays.copyOf(termIdx, size), Arrays.copyOf(termCount, size), fieldCounts, weights, norms);
    }

    /**
     * tf(n_it) · β̄_it: the tf of the term's count over all fields times the mean field weight of its occurrences,
     * β̄_it = Σ_f β_f n_itf / n_it. With equal title and text weights a title and text joined into one text (a new
     * item's) get the same vector.
     */
    private static double fieldTf(ContentParams params, int[][] fieldCounts, int p, int total) {
        int count = 0;
        double weighted = 0;
        for (ContentParams.Field f : ContentParams.Field.values()) {
            int c = fieldCounts[f.ordinal()][p];
            count += c;
            weighted += params.weight(f) * c;
        }
        return count == 0 ? 0 : params.tf().apply(count, total) * weighted / count;
    }

    /** Occurrences of all terms in item i. */
    private static int total(int[] start, int[] counts, int item) {
        int total = 0;
        for (int p = start[item]; p < start[item + 1]; p++) {
            total += counts[p];
        }
        return total;
    }

    int termCount() {
        return terms.length;
    }

    /** The position of term t in item i's row, or −1. */
    int find(int item, int term) {
        int p = Arrays.binarySearch(itemTerms, itemStart[item], itemStart[item + 1], term);
        return p >= 0 ? p : -1;
    }

    /** Records how w_it comes about and returns it. */
    double explainWeight(int item, int term, Derivation.Builder d) {
        int p = find(item, term);
        int count = p < 0 ? 0 : counts[p];
        int total = total(itemStart, counts, item);
        d.step(Words.phrase("tfidf.count", terms[term]), "n_{it}", Integer.toString(count), count);
        double tf = p < 0 ? 0 : fieldTf(params, fieldCounts, p, total);
        List<String> parts = new ArrayList<>();
        for (ContentParams.Field f : ContentParams.Field.values()) {
            int c = p < 0 ? 0 : fieldCounts[f.ordinal()][p];
            if (c > 0) {
                parts.add(Latex.num(params.weight(f)) + " \\cdot " + c + " \\text{ ("
                        + f.name().toLowerCase(java.util.Locale.ROOT) + ")}");
            }
        }
        d.step(Words.phrase("tfidf.tf", Words.t("tfidf.variant." + params.tf().name().toLowerCase(java.util.Locale.ROOT))),
                "tf_{it} = " + params.tf().latex() + " \\cdot \\frac{\\sum_f \\beta_f n_{itf}}{n_{it}}",
                count == 0 ? "0" : params.tf().substituted(count, total) + " \\cdot \\frac{" + String.join(" + ", parts)
                        + "}{" + count + "}", tf);
        d.step(Words.phrase("tfidf.idf"), "idf_t = " + params.idf().latex(),
                params.idf().latex().replace("N", Integer.toString(itemCount))
                        .replace("n_t", Integer.toString(documentFrequency[term])), idf[term]);
        d.step(Words.phrase("tfidf.norm"), "\\lVert v_i \\rVert = \\sqrt{\\sum_t (tf_{it} \\, idf_t)^2}",
                Latex.num(rawNorm[item]), rawNorm[item]);
        double w = p < 0 ? 0 : weights[p];
        return d.step(Words.phrase("tfidf.normalisedWeight"), "w_{it} = \\frac{tf_{it} \\cdot idf_t}{\\lVert v_i \\rVert}",
                "\\frac{" + Latex.num(tf) + " \\cdot " + Latex.num(idf[term]) + "}{" + Latex.num(rawNorm[item]) + "}",
                w);
    }
}
