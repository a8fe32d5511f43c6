package org.recworkbench.algo.content;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.ItemCatalog;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The item-term matrix: for item i, the terms it contains (ascending term index) with their raw counts and
 * L2-normalised TF-IDF weights w_it = tf(n_it) · idf(t) / ‖tf · idf‖_i. N is the number of items in the catalogue.
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
    final double[] weights;
    /** ‖tf · idf‖ of each item before normalisation (0 for items without terms). */
    final double[] rawNorm;
    /** Term index by term; never changed after {@link #build}, so safe to read from many threads. */
    private final Object2IntOpenHashMap<String> termIds;

    private TfidfIndex(ContentParams params, Object2IntOpenHashMap<String> termIds, String[] terms,
                       int[] documentFrequency, double[] idf, int itemCount, int[] itemStart, int[] itemTerms,
                       int[] counts, double[] weights, double[] rawNorm) {
        this.params = params;
        this.termIds = termIds;
        this.terms = terms;
        this.documentFrequency = documentFrequency;
        this.idf = idf;
        this.itemCount = itemCount;
        this.itemStart = itemStart;
        this.itemTerms = itemTerms;
        this.counts = counts;
        this.weights = weights;
        this.rawNorm = rawNorm;
    }

    /**
     * The TF-IDF vector of a text the index was not built from (a new item): tokenised like the catalogue (same
     * stop words and bigrams; the text has no separate categories, so no {@code category:} terms), tf from its own
     * counts as fitted, idf from the fitted vocabulary (N and n_t unchanged), L2-normalised. Terms outside the
     * vocabulary are dropped; they still count in the text's total, which only the relative tf uses and which the
     * normalisation cancels.
     */
    TermVector vectorise(String text) {
        List<String> tokens = new Tokenizer(params.stopWords(), params.bigrams()).terms(text, List.of());
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
            vectorWeights[size] = params.tf().apply(m - k, tokens.size()) * idf[local[k]];
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
        Tokenizer tokenizer = new Tokenizer(params.stopWords(), params.bigrams());
        ItemCatalog catalog = dataset.catalog();
        int n = dataset.itemCount();
        Object2IntOpenHashMap<String> ids = new Object2IntOpenHashMap<>();
        ids.defaultReturnValue(-1);
        List<String> vocabulary = new ArrayList<>();
        int[] start = new int[n + 1];
        int[] termIdx = new int[Math.max(16, n * 8)];
        int[] termCount = new int[termIdx.length];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 255) == 0) {
                cancellation.throwIfCancelled();
                progress.report(0.9 * i / n, "Indexing item texts: " + i + " of " + n);
            }
            start[i] = size;
            String text = (catalog.title(i) + " " + catalog.text(i)).strip();
            List<String> tokens = tokenizer.terms(text,
                    params.useCategories() ? catalog.categories(i) : List.of());
            int[] local = new int[tokens.size()];
            for (int k = 0; k < local.length; k++) {
                String token = tokens.get(k);
                int id = ids.getInt(token);
                if (id < 0) {
                    id = vocabulary.size();
                    ids.put(token, id);
                    vocabulary.add(token);
                }
                local[k] = id;
            }
            Arrays.sort(local);
            for (int k = 0; k < local.length; ) {
                int m = k;
                while (m < local.length && local[m] == local[k]) {
                    m++;
                }
                if (size == termIdx.length) {
                    termIdx = Arrays.copyOf(termIdx, size * 2);
                    termCount = Arrays.copyOf(termCount, size * 2);
                }
                termIdx[size] = local[k];
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
                weights[p] = params.tf().apply(termCount[p], total) * idf[termIdx[p]];
                s += weights[p] * weights[p];
            }
            double norm = Math.sqrt(s);
            norms[i] = norm;
            for (int p = start[i]; p < start[i + 1]; p++) {
                weights[p] = norm == 0 ? 0 : weights[p] / norm;
            }
        }
        progress.report(1, "Indexed " + vocabulary.size() + " terms");
        return new TfidfIndex(params, ids, vocabulary.toArray(String[]::new), df, idf, n, start,
                Arrays.copyOf(termIdx, size), Arrays.copyOf(termCount, size), weights, norms);
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
        double tf = count == 0 ? 0 : params.tf().apply(count, total);
        d.step("Count of \"" + terms[term] + "\" in the item", "n_{it}", Integer.toString(count), count);
        d.step("Term frequency (" + params.tf().name().toLowerCase(java.util.Locale.ROOT) + ")",
                "tf_{it} = " + params.tf().latex(), count == 0 ? "0" : params.tf().substituted(count, total), tf);
        d.step("Inverse document frequency", "idf_t = " + params.idf().latex(),
                params.idf().latex().replace("N", Integer.toString(itemCount))
                        .replace("n_t", Integer.toString(documentFrequency[term])), idf[term]);
        d.step("Norm of the item's tf·idf vector", "\\lVert v_i \\rVert = \\sqrt{\\sum_t (tf_{it} \\, idf_t)^2}",
                Latex.num(rawNorm[item]), rawNorm[item]);
        double w = p < 0 ? 0 : weights[p];
        return d.step("Normalised weight", "w_{it} = \\frac{tf_{it} \\cdot idf_t}{\\lVert v_i \\rVert}",
                "\\frac{" + Latex.num(tf) + " \\cdot " + Latex.num(idf[term]) + "}{" + Latex.num(rawNorm[item]) + "}",
                w);
    }
}
