package org.recworkbench.similarity;

import org.recworkbench.data.Dataset;
import org.recworkbench.data.IdIndex;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.data.TopN;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;

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
        String title = options.measure().label() + " similarity of " + orientation.singular() + " "
                + rowIds().id(a) + " and " + orientation.singular() + " " + rowIds().id(b);
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
        trace.step("Convention", "\\text{" + options.convention() + "}", "", Double.NaN);
        String entries = orientation.other().singular() + "s";
        trace.step("Co-rated " + entries + " (rated by both)",
                "C = I_a \\cap I_b, \\; n = |C|",
                "C = \\{" + String.join(", ", terms.labels()) + "\\}, \\; |I_a| = " + v.length(a)
                        + ", \\; |I_b| = " + v.length(b), terms.labels().length);
        boolean centred = options.measure() == Measure.ADJUSTED_COSINE
                || (options.measure() == Measure.PEARSON && options.vectorMeans());
        if (terms.labels().length == 0) {
            return;
        }
        if (centred) {
            String by = options.measure() == Measure.ADJUSTED_COSINE
                    ? "each " + orientation.other().singular() + "'s mean" : "each vector's own mean";
            trace.step("Centre the values by " + by, "\\tilde{a}_c = a_c - \\bar{r}",
                    "\\tilde{a} = (" + list(terms.a()) + "), \\; \\tilde{b} = (" + list(terms.b()) + ")",
                    Double.NaN);
        } else if (options.measure() != Measure.JACCARD) {
            trace.step("Values on the co-rated entries", "a_C, \\; b_C",
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
     * Every row's k most similar rows with a positive similarity, by a sparse product over the transposed layout:
     * for row a, each entry (a, c) visits every other row b with an entry in column c.
     */
    public SimilarityMatrix topK(int k, Progress progress, Cancellation cancellation) {
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
        int[] touched = new int[rows];
        int[] rowStart = new int[rows + 1];
        int[] outIdx = new int[Math.toIntExact(Math.min((long) rows * k, Integer.MAX_VALUE - 8))];
        float[] outSim = new float[outIdx.length];
        int[] outOverlap = new int[outIdx.length];
        int written = 0;
        TopN top = new TopN(k);
        int[] bestIdx = new int[k];
        double[] bestSim = new double[k];
        int[] bestOverlap = new int[rows];
        for (int a = 0; a < rows; a++) {
            if ((a & 63) == 0) {
                cancellation.throwIfCancelled();
                progress.report((double) a / rows, "Similarities of " + orientation.cliName() + ": " + a + " of "
                        + rows);
            }
            int touchedCount = 0;
            for (int p = v.rowStart[a], pEnd = v.rowStart[a + 1]; p < pEnd; p++) {
                int c = v.rowIdx[p];
                double x = v.rowVal[p];
                int qEnd = v.colStart[c + 1];
                if (squares || sums) {
                    for (int q = v.colStart[c]; q < qEnd; q++) {
                        int b = v.colIdx[q];
                        double y = v.colVal[q];
                        if (count[b]++ == 0) {
                            touched[touchedCount++] = b;
                        }
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
                    for (int q = v.colStart[c]; q < qEnd; q++) {
                        int b = v.colIdx[q];
                        if (count[b]++ == 0) {
                            touched[touchedCount++] = b;
                        }
                        dot[b] += x * v.colVal[q];
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int b = touched[t];
                if (b != a) {
                    double s = SimilarityFormula.similarity(options, count[b], sums ? sa[b] : 0, sums ? sb[b] : 0,
                            squares ? aa[b] : 0, squares ? bb[b] : 0, dot[b], v.norm2[a], v.norm2[b],
                            v.length(a), v.length(b), null, Derivation.Builder.NONE);
                    if (s > 0) {
                        top.offer(b, s);
                        bestOverlap[b] = count[b];
                    }
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
            rowStart[a] = written;
            int kept = top.drainInto(bestIdx, bestSim);
            for (int r = 0; r < kept; r++) {
                outIdx[written] = bestIdx[r];
                outSim[written] = (float) bestSim[r];
                outOverlap[written] = bestOverlap[bestIdx[r]];
                written++;
            }
        }
        rowStart[rows] = written;
        progress.report(1, "Similarities of " + orientation.cliName() + " done");
        return new SimilarityMatrix(orientation, options, k, rowStart, Arrays.copyOf(outIdx, written),
                Arrays.copyOf(outSim, written), Arrays.copyOf(outOverlap, written));
    }

    /** All pairwise similarities of a subset, refused when it would exceed the memory budget. */
    public DenseSimilarity dense(int[] subset, long budgetBytes) {
        DenseBudget.check(subset.length, orientation.singular() + "-" + orientation.singular(), budgetBytes);
        int n = subset.length;
        float[] values = new float[n * n];
        int[] overlaps = new int[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                PairSimilarity s = r == c ? selfSimilarity(subset[r]) : pair(subset[r], subset[c]);
                values[r * n + c] = (float) s.value();
                values[c * n + r] = (float) s.value();
                overlaps[r * n + c] = s.overlap();
                overlaps[c * n + r] = s.overlap();
            }
        }
        return new DenseSimilarity(subset.clone(), values, overlaps);
    }

    private PairSimilarity selfSimilarity(int a) {
        return compute(a, a, Derivation.Builder.NONE);
    }
}
