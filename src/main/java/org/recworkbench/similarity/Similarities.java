package org.recworkbench.similarity;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.IdIndex;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;
import org.recworkbench.data.TopN;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.HeavyWork;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Similarities between the users (or items) of one dataset under one measure: single pairs with their derivation,
 * sparse top-K matrices for all rows, dense matrices for small subsets. Immutable after construction.
 */
public final class Similarities {

    private final Dataset dataset;
    private final Orientation orientation;
    private final SimilarityOptions options;
    private final SparseVectors v;

    public Similarities(Dataset dataset, Orientation orientation, SimilarityOptions options) {
        this.dataset = dataset;
        this.orientation = orientation;
        this.options = options;
        HeavyWork.enter("Similarities " + orientation);
        this.v = new SparseVectors(dataset, orientation, options);
    }

    public Orientation orientation() {
        return orientation;
    }

    public SimilarityOptions options() {
        return options;
    }

    public int rows() {
        return v.rows;
    }

    private IdIndex rowIds() {
        return orientation == Orientation.USERS ? dataset.users() : dataset.items();
    }

    private IdIndex entryIds() {
        return orientation == Orientation.USERS ? dataset.items() : dataset.users();
    }

    /** The similarity of a and b, without a derivation. */
    public PairSimilarity pair(int a, int b) {
        return compute(a, b, Derivation.Builder.NONE);
    }

    /** The similarity of a and b with every step of its computation. */
    public PairSimilarity explain(int a, int b) {
        String title = Words.t(orientation == Orientation.ITEMS ? "sim.titleItems" : "sim.titleUsers",
                Words.t("sim.measure." + options.measure().cliName()), rowIds().id(a), rowIds().id(b));
        return compute(a, b, Derivation.builder(title));
    }

    private PairSimilarity compute(int a, int b, Derivation.Builder trace) {
        checkRow(a);
        checkRow(b);
        int n = 0;
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int p = v.rowStart[a];
        int q = v.rowStart[b];
        int pEnd = v.rowStart[a + 1];
        int qEnd = v.rowStart[b + 1];
        int[] shared = trace.recording() ? new int[Math.min(pEnd - p, qEnd - q)] : null;
        double[] va = shared == null ? null : new double[shared.length];
        double[] vb = shared == null ? null : new double[shared.length];
        while (p < pEnd && q < qEnd) {
            int ca = v.rowIdx[p];
            int cb = v.rowIdx[q];
            if (ca < cb) {
                p++;
            } else if (ca > cb) {
                q++;
            } else {
                double x = v.rowVal[p++];
                double y = v.rowVal[q++];
                if (shared != null) {
                    shared[n] = ca;
                    va[n] = x;
                    vb[n] = y;
                }
                n++;
                sa += x;
                sb += y;
                saa += x * x;
                sbb += y * y;
                sab += x * y;
            }
        }
        CoRated terms = null;
        if (trace.recording()) {
            terms = coRated(shared, va, vb, n);
            recordInputs(a, b, terms, trace);
        }
        double value = SimilarityFormula.similarity(options, n, sa, sb, saa, sbb, sab, v.norm2[a], v.norm2[b],
                v.length(a), v.length(b), terms, trace);
        return new PairSimilarity(a, b, value, n, trace.recording() ? trace.build() : null);
    }

    private CoRated coRated(int[] shared, double[] va, double[] vb, int n) {
        String[] labels = new String[n];
        for (int k = 0; k < n; k++) {
            labels[k] = entryIds().id(shared[k]);
        }
        return new CoRated(labels, Arrays.copyOf(va, n), Arrays.copyOf(vb, n));
    }

    private void recordInputs(int a, int b, CoRated terms, Derivation.Builder trace) {
        trace.step(Words.phrase("sim.convention"), "\\text{" + options.conventionText() + "}", "", Double.NaN);
        // two items are compared over U_a ∩ U_b (the users who rated each), two users over I_a ∩ I_b
        String set = orientation == Orientation.ITEMS ? "U" : "I";
        trace.step(Words.phrase(orientation == Orientation.ITEMS ? "sim.coRatedUsers" : "sim.coRatedItems"),
                "C = " + set + "_a \\cap " + set + "_b, \\; n = |C|",
                "C = \\{" + String.join(", ", terms.labels()) + "\\}, \\; |" + set + "_a| = " + v.length(a)
                        + ", \\; |" + set + "_b| = " + v.length(b), terms.labels().length);
        boolean centred = options.measure() == Measure.ADJUSTED_COSINE
                || (options.measure() == Measure.PEARSON && options.vectorMeans());
        if (terms.labels().length == 0) {
            return;
        }
        if (centred) {
            String by = options.measure() != Measure.ADJUSTED_COSINE ? "sim.centreByOwnMean"
                    : orientation == Orientation.ITEMS ? "sim.centreByUserMean" : "sim.centreByItemMean";
            trace.step(Words.phrase(by), "\\tilde{a}_c = a_c - \\bar{r}",
                    "\\tilde{a} = (" + list(terms.a()) + "), \\; \\tilde{b} = (" + list(terms.b()) + ")",
                    Double.NaN);
        } else if (options.measure() != Measure.JACCARD) {
            trace.step(Words.phrase("sim.coRatedValues"), "a_C, \\; b_C",
                    "a = (" + list(terms.a()) + "), \\; b = (" + list(terms.b()) + ")", Double.NaN);
        }
    }

    private static String list(double[] values) {
        return Latex.list(values.length, k -> Latex.num(values[k]));
    }

    private void checkRow(int a) {
        if (a < 0 || a >= v.rows) {
            throw new IllegalArgumentException(orientation.singular() + " index " + a + " outside 0.." + (v.rows - 1));
        }
    }

    /**
     * The multiply-adds {@link #topK} spends: every pair of rows sharing a column, once per shared column, plus the
     * scan of each row's later rows.
     */
    public double pairWork() {
        double work = 0.5 * v.rows * (double) v.rows;
        for (int c = 0; c < v.cols; c++) {
            double n = v.colStart[c + 1] - v.colStart[c];
            work += 0.5 * n * (n - 1);
        }
        return work;
    }

    /**
     * Every row's k most similar rows with a positive similarity, by a sparse product over the transposed layout.
     * Each pair is computed once: row a accumulates only rows b > a (each column keeps a cursor past the rows
     * already done, as rows are visited in order), and the result is offered to the bounded heaps of both rows.
     */
    public SimilarityMatrix topK(int k, Progress progress, Cancellation cancellation) {
        HeavyWork.enter("Similarities.topK");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        int rows = v.rows;
        boolean squares = options.needsCoRatedSquares();
        boolean sums = options.needsCoRatedSums();
        double[] dot = new double[rows];
        int[] count = new int[rows];
        double[] aa = squares ? new double[rows] : null;
        double[] bb = squares ? new double[rows] : null;
        double[] sa = sums ? new double[rows] : null;
        double[] sb = sums ? new double[rows] : null;
        int[] cursor = Arrays.copyOf(v.colStart, v.cols);
        TopN[] heaps = new TopN[rows];
        for (int a = 0; a < rows; a++) {
            heaps[a] = new TopN(Math.min(k, rows));
        }
        for (int a = 0; a < rows; a++) {
            if ((a & 63) == 0) {
                cancellation.throwIfCancelled();
                // row a costs about (rows − a): report the share of the triangle done
                double done = 1 - (double) (rows - a) * (rows - a) / ((double) rows * rows);
                progress.report(done, "Similarities of " + orientation.cliName() + ": " + a + " of " + rows);
            }
            for (int p = v.rowStart[a], pEnd = v.rowStart[a + 1]; p < pEnd; p++) {
                int c = v.rowIdx[p];
                double x = v.rowVal[p];
                int qEnd = v.colStart[c + 1];
                int q = cursor[c];
                while (q < qEnd && v.colIdx[q] <= a) {
                    q++;
                }
                cursor[c] = q;
                if (squares || sums) {
                    for (; q < qEnd; q++) {
                        int b = v.colIdx[q];
                        double y = v.colVal[q];
                        count[b]++;
                        dot[b] += x * y;
                        if (squares) {
                            aa[b] += x * x;
                            bb[b] += y * y;
                        }
                        if (sums) {
                            sa[b] += x;
                            sb[b] += y;
                        }
                    }
                } else {
                    for (; q < qEnd; q++) {
                        int b = v.colIdx[q];
                        count[b]++;
                        dot[b] += x * v.colVal[q];
                    }
                }
            }
            for (int b = a + 1; b < rows; b++) {
                int n = count[b];
                if (n == 0) {
                    continue;
                }
                double s = SimilarityFormula.similarity(options, n, sums ? sa[b] : 0, sums ? sb[b] : 0,
                        squares ? aa[b] : 0, squares ? bb[b] : 0, dot[b], v.norm2[a], v.norm2[b], v.length(a),
                        v.length(b), null, Derivation.Builder.NONE);
                if (s > 0) {
                    heaps[a].offer(b, s, n);
                    heaps[b].offer(a, s, n);
                }
                dot[b] = 0;
                count[b] = 0;
                if (squares) {
                    aa[b] = 0;
                    bb[b] = 0;
                }
                if (sums) {
                    sa[b] = 0;
                    sb[b] = 0;
                }
            }
        }
        return collect(k, heaps, progress);
    }

    private SimilarityMatrix collect(int k, TopN[] heaps, Progress progress) {
        int rows = heaps.length;
        int total = 0;
        for (TopN heap : heaps) {
            total += heap.size();
        }
        int[] rowStart = new int[rows + 1];
        int[] outIdx = new int[total];
        float[] outSim = new float[total];
        int[] outOverlap = new int[total];
        int[] idx = new int[k];
        double[] sim = new double[k];
        int[] overlap = new int[k];
        int written = 0;
        for (int a = 0; a < rows; a++) {
            rowStart[a] = written;
            int kept = heaps[a].drainInto(idx, sim, overlap);
            heaps[a] = null;
            for (int r = 0; r < kept; r++, written++) {
                outIdx[written] = idx[r];
                outSim[written] = (float) sim[r];
                outOverlap[written] = overlap[r];
            }
        }
        rowStart[rows] = written;
        progress.report(1, "Similarities of " + orientation.cliName() + " done");
        return new SimilarityMatrix(orientation, options, k, rowStart, outIdx, outSim, outOverlap);
    }

    /**
     * Row a's similarity to every row (a itself included), computed on demand: each value equals {@link #pair}(a, b)
     * and the pool's value before rounding to float, bit for bit, as the co-rated sums run over a's entries in
     * ascending order, as in every other path, and the formula is symmetric in a and b.
     *
     * @param overlaps receives each row's overlap with a (may be null)
     */
    public double[] row(int a, int[] overlaps) {
        checkRow(a);
        return againstEveryRow(v.rowIdx, v.rowVal, v.rowStart[a], v.rowStart[a + 1], v.norm2[a], v.length(a),
                overlaps, true);
    }

    /**
     * The similarity of an outside vector (a new user's ratings over items, or a new item's over users) with every
     * row, computed with this measure's conventions and the same formula as every other pair.
     *
     * @param indices ascending entry indices (items for user similarities)
     * @param values  the raw values at those entries
     * @param overlaps receives each row's overlap with the vector (may be null)
     */
    public double[] against(int[] indices, double[] values, int[] overlaps) {
        int n = indices.length;
        double mean = 0;
        for (double x : values) {
            mean += x;
        }
        mean = n == 0 ? 0 : mean / n;
        double[] x = new double[n];
        double norm2 = 0;
        for (int t = 0; t < n; t++) {
            x[t] = switch (options.measure()) {
                case COSINE, EUCLIDEAN, MSD -> values[t];
                case JACCARD -> 1;
                case PEARSON -> options.vectorMeans() ? values[t] - mean : values[t];
                case ADJUSTED_COSINE -> values[t] - v.colMean[indices[t]];
            };
            norm2 += x[t] * x[t];
        }
        return againstEveryRow(indices, x, 0, n, norm2, n, overlaps, false);
    }

    /**
     * The co-rated sums of a sparse vector (its entries {@code entries[from … to)} with {@code values}, in ascending
     * order, as every other path sums them) with every row, run down the rows' columns, then the formula.
     *
     * @param zeroWithoutOverlap a row sharing no entry gets 0 without asking the formula (a row of the matrix);
     *                           otherwise the formula decides (an outside vector, as it always has)
     */
    private double[] againstEveryRow(int[] entries, double[] values, int from, int to, double norm2, int length,
                                     int[] overlaps, boolean zeroWithoutOverlap) {
        int rows = v.rows;
        double[] dot = new double[rows];
        double[] sa = new double[rows];
        double[] sb = new double[rows];
        double[] aa = new double[rows];
        double[] bb = new double[rows];
        int[] count = new int[rows];
        for (int t = from; t < to; t++) {
            int c = entries[t];
            double x = values[t];
            for (int q = v.colStart[c], qEnd = v.colStart[c + 1]; q < qEnd; q++) {
                int b = v.colIdx[q];
                double y = v.colVal[q];
                count[b]++;
                dot[b] += x * y;
                sa[b] += x;
                sb[b] += y;
                aa[b] += x * x;
                bb[b] += y * y;
            }
        }
        double[] sims = new double[rows];
        for (int b = 0; b < rows; b++) {
            sims[b] = zeroWithoutOverlap && count[b] == 0 ? 0 : SimilarityFormula.similarity(options, count[b],
                    sa[b], sb[b], aa[b], bb[b], dot[b], norm2, v.norm2[b], length, v.length(b), null,
                    Derivation.Builder.NONE);
            if (overlaps != null) {
                overlaps[b] = count[b];
            }
        }
        return sims;
    }

    /**
     * Row a's k most similar other rows (any sign, by value), each computed exactly as {@link #pair}: index,
     * similarity and overlap, most similar first.
     */
    public List<PairSimilarity> neighbours(int a, int k) {
        checkRow(a);
        TopN top = new TopN(Math.min(k, Math.max(0, v.rows - 1)));
        PairSimilarity[] all = new PairSimilarity[v.rows];
        for (int b = 0; b < v.rows; b++) {
            if (b != a) {
                all[b] = pair(a, b);
                if (all[b].overlap() > 0) {
                    top.offer(b, all[b].value());
                }
            }
        }
        int[] idx = new int[top.size()];
        top.drainInto(idx, new double[idx.length]);
        List<PairSimilarity> result = new ArrayList<>(idx.length);
        for (int b : idx) {
            result.add(all[b]);
        }
        return result;
    }

    /**
     * All pairwise similarities of a subset, refused when it would exceed the memory budget. Row a is spread into a
     * dense array once and each later row is walked against it: the co-rated sums come out in the same order and
     * go through the same formula as {@link #pair}, so every cell equals pair(a, b) exactly, at a fraction of the
     * cost of merging the two lists for each pair.
     */
    public DenseSimilarity dense(int[] subset, long budgetBytes) {
        HeavyWork.enter("Similarities.dense");
        DenseBudget.check(subset.length, orientation.singular() + "-" + orientation.singular(), budgetBytes);
        int n = subset.length;
        float[] values = new float[n * n];
        int[] overlaps = new int[n * n];
        double[] spread = new double[v.cols];
        boolean[] present = new boolean[v.cols];
        for (int r = 0; r < n; r++) {
            int a = subset[r];
            checkRow(a);
            for (int p = v.rowStart[a]; p < v.rowStart[a + 1]; p++) {
                spread[v.rowIdx[p]] = v.rowVal[p];
                present[v.rowIdx[p]] = true;
            }
            for (int c = r; c < n; c++) {
                int b = subset[c];
                checkRow(b);
                int count = 0;
                double sa = 0;
                double sb = 0;
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                for (int q = v.rowStart[b]; q < v.rowStart[b + 1]; q++) {
                    int e = v.rowIdx[q];
                    if (present[e]) {
                        double x = spread[e];
                        double y = v.rowVal[q];
                        count++;
                        sa += x;
                        sb += y;
                        saa += x * x;
                        sbb += y * y;
                        sab += x * y;
                    }
                }
                double value = SimilarityFormula.similarity(options, count, sa, sb, saa, sbb, sab, v.norm2[a],
                        v.norm2[b], v.length(a), v.length(b), null, Derivation.Builder.NONE);
                values[r * n + c] = (float) value;
                values[c * n + r] = (float) value;
                overlaps[r * n + c] = count;
                overlaps[c * n + r] = count;
            }
            for (int p = v.rowStart[a]; p < v.rowStart[a + 1]; p++) {
                present[v.rowIdx[p]] = false;
            }
        }
        return new DenseSimilarity(subset.clone(), values, overlaps);
    }
}
