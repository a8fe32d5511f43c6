package org.recworkbench.similarity;

import org.recworkbench.data.InvalidInputException;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

import java.util.Arrays;

/**
 * The similarity of two vectors given as plain arrays (worked examples, the formula view), computed from the same
 * co-rated sums as {@link Similarities} and by the same {@link SimilarityFormula}, so it equals what a similarity
 * matrix would hold for these two rows. Every position is an entry, zeros included; NaN marks a missing entry.
 * Besides the value it keeps the sums the formula received, so callers can show each intermediate the engine used.
 */
public final class VectorSimilarity {

    private final SimilarityOptions options;
    private final double value;
    private final int overlap;
    private final double sumA;
    private final double sumB;
    private final double coRatedSquaresA;
    private final double coRatedSquaresB;
    private final double sumProducts;
    private final double normA2;
    private final double normB2;
    private final double[] coRatedA;
    private final double[] coRatedB;
    private final double[] entriesA;
    private final double[] entriesB;
    private final double centringMeanA;
    private final double centringMeanB;
    private final Derivation derivation;

    private VectorSimilarity(SimilarityOptions options, double value, int overlap, double[] sums, double[] coRatedA,
                             double[] coRatedB, double[] entriesA, double[] entriesB, double centringMeanA,
                             double centringMeanB, Derivation derivation) {
        this.options = options;
        this.value = value;
        this.overlap = overlap;
        this.sumA = sums[0];
        this.sumB = sums[1];
        this.coRatedSquaresA = sums[2];
        this.coRatedSquaresB = sums[3];
        this.sumProducts = sums[4];
        this.normA2 = sums[5];
        this.normB2 = sums[6];
        this.coRatedA = coRatedA;
        this.coRatedB = coRatedB;
        this.entriesA = entriesA;
        this.entriesB = entriesB;
        this.centringMeanA = centringMeanA;
        this.centringMeanB = centringMeanB;
        this.derivation = derivation;
    }

    /** The similarity of a and b without a derivation. */
    public static VectorSimilarity of(double[] a, double[] b, SimilarityOptions options, double[] givenMeansOrNull) {
        return compute("a", a, "b", b, options, givenMeansOrNull, Derivation.Builder.NONE);
    }

    /**
     * The similarity of a and b with every step of its computation.
     *
     * @param givenMeansOrNull Pearson with vector means only: {mean of a, mean of b} to centre by instead of each
     *                         vector's own mean (a user's mean over all their ratings when a and b hold only the
     *                         co-rated ones), or null
     */
    public static VectorSimilarity explain(String aName, double[] a, String bName, double[] b,
                                           SimilarityOptions options, double[] givenMeansOrNull) {
        String title = Words.t("sim.titleVectors", Words.t("sim.measure." + options.measure().cliName()), aName,
                bName);
        return compute(aName, a, bName, b, options, givenMeansOrNull, Derivation.builder(title));
    }

    private static VectorSimilarity compute(String aName, double[] a, String bName, double[] b, SimilarityOptions o,
                                            double[] givenMeans, Derivation.Builder trace) {
        check(a, b, o, givenMeans);
        boolean centred = o.measure() == Measure.PEARSON && o.vectorMeans();
        double meanA = centred ? (givenMeans != null ? givenMeans[0] : entryMean(a)) : Double.NaN;
        double meanB = centred ? (givenMeans != null ? givenMeans[1] : entryMean(b)) : Double.NaN;
        double[] ta = transform(a, o, meanA);
        double[] tb = transform(b, o, meanB);
        int n = 0;
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int[] shared = new int[a.length];
        double[] va = new double[a.length];
        double[] vb = new double[a.length];
        for (int c = 0; c < a.length; c++) {
            if (Double.isNaN(ta[c]) || Double.isNaN(tb[c])) {
                continue;
            }
            double x = ta[c];
            double y = tb[c];
            shared[n] = c;
            va[n] = x;
            vb[n] = y;
            n++;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }
        double[] entriesA = entries(ta);
        double[] entriesB = entries(tb);
        double normA2 = squares(entriesA);
        double normB2 = squares(entriesB);
        CoRated terms = null;
        if (trace.recording()) {
            String[] labels = new String[n];
            for (int k = 0; k < n; k++) {
                labels[k] = Integer.toString(shared[k] + 1);
            }
            terms = new CoRated(labels, Arrays.copyOf(va, n), Arrays.copyOf(vb, n));
            recordInputs(aName, a, bName, b, o, givenMeans, meanA, meanB, entriesA.length, entriesB.length, terms,
                    trace);
        }
        double value = SimilarityFormula.similarity(o, n, sa, sb, saa, sbb, sab, normA2, normB2, entriesA.length,
                entriesB.length, terms, trace);
        return new VectorSimilarity(o, value, n, new double[] {sa, sb, saa, sbb, sab, normA2, normB2},
                Arrays.copyOf(va, n), Arrays.copyOf(vb, n), entriesA, entriesB, meanA, meanB,
                trace.recording() ? trace.build() : null);
    }

    private static void check(double[] a, double[] b, SimilarityOptions o, double[] givenMeans) {
        if (a.length != b.length) {
            throw new InvalidInputException("The two vectors differ in length: " + a.length + " and " + b.length);
        }
        if (o.measure() == Measure.ADJUSTED_COSINE) {
            throw new InvalidInputException("Adjusted cosine centres by the other side's means, which two lone "
                    + "vectors do not have; use Pearson with given means instead");
        }
        if (givenMeans != null && (o.measure() != Measure.PEARSON || !o.vectorMeans() || givenMeans.length != 2)) {
            throw new InvalidInputException("Given means are two numbers, used only by Pearson with vector means");
        }
    }

    /** The values as the measure compares them, like {@link SparseVectors}: centred, 1 for Jaccard, or raw. */
    private static double[] transform(double[] raw, SimilarityOptions o, double mean) {
        double[] out = new double[raw.length];
        for (int c = 0; c < raw.length; c++) {
            double x = raw[c];
            out[c] = Double.isNaN(x) ? Double.NaN : switch (o.measure()) {
                case COSINE, EUCLIDEAN, MSD -> x;
                case JACCARD -> 1;
                case PEARSON -> o.vectorMeans() ? x - mean : x;
                case ADJUSTED_COSINE -> throw new IllegalStateException("checked above");
            };
        }
        return out;
    }

    private static double entryMean(double[] raw) {
        double s = 0;
        int n = 0;
        for (double x : raw) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    private static double[] entries(double[] values) {
        return Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    }

    private static double squares(double[] values) {
        double s = 0;
        for (double x : values) {
            s += x * x;
        }
        return s;
    }

    private static void recordInputs(String aName, double[] a, String bName, double[] b, SimilarityOptions o,
                                     double[] givenMeans, double meanA, double meanB, int lenA, int lenB,
                                     CoRated terms, Derivation.Builder trace) {
        String convention = givenMeans == null ? o.conventionText() : Words.t("conv.givenMeans");
        trace.step(Words.phrase("sim.convention"), "\\text{" + convention + "}", "", Double.NaN);
        trace.step(Words.phrase("sim.vectors", aName, bName), "a, \\; b",
                "a = (" + list(a) + "), \\; b = (" + list(b) + ")", Double.NaN);
        trace.step(Words.phrase("sim.coRatedPositions"),
                "C = I_a \\cap I_b, \\; n = |C|",
                "C = \\{" + String.join(", ", terms.labels()) + "\\}, \\; |I_a| = " + lenA + ", \\; |I_b| = " + lenB,
                terms.labels().length);
        if (o.measure() == Measure.PEARSON && o.vectorMeans()) {
            String by = givenMeans == null ? "sim.centreByOwnMean" : "sim.centreByGivenMeans";
            trace.step(Words.phrase(by), "\\tilde{a}_c = a_c - \\bar{a}, \\; \\tilde{b}_c = b_c - \\bar{b}",
                    "\\bar{a} = " + Latex.num(meanA) + ", \\; \\bar{b} = " + Latex.num(meanB) + " \\Rightarrow "
                            + "\\tilde{a} = (" + list(terms.a()) + "), \\; \\tilde{b} = (" + list(terms.b()) + ")",
                    Double.NaN);
        }
    }

    private static String list(double[] values) {
        return Latex.list(values.length, k -> Latex.num(values[k]));
    }

    /** The similarity, exactly as the formula returned it. */
    public double value() {
        return value;
    }

    /** Number of co-rated entries. */
    public int overlap() {
        return overlap;
    }

    /** The worked computation; null for {@link #of}. */
    public Derivation derivation() {
        return derivation;
    }

    private boolean coRatedMeans() {
        return options.measure() == Measure.PEARSON && !options.vectorMeans();
    }

    private boolean coRatedSquares() {
        return options.measure() == Measure.PEARSON || options.coRatedNorms();
    }

    /**
     * The mean subtracted from a: the co-rated mean (Pearson), the vector's own or the given mean (Pearson with
     * vector means); NaN for the other measures.
     */
    public double meanA() {
        return coRatedMeans() ? sumA / overlap : centringMeanA;
    }

    public double meanB() {
        return coRatedMeans() ? sumB / overlap : centringMeanB;
    }

    /** a's co-rated values as they enter the products: minus the mean for Pearson, raw for cosine, 1 for Jaccard. */
    public double[] centredA() {
        return coRatedMeans() ? minus(coRatedA, meanA()) : coRatedA.clone();
    }

    public double[] centredB() {
        return coRatedMeans() ? minus(coRatedB, meanB()) : coRatedB.clone();
    }

    /** The terms of the numerator, one per co-rated entry. */
    public double[] products() {
        double[] x = centredA();
        double[] y = centredB();
        double[] p = new double[x.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = x[k] * y[k];
        }
        return p;
    }

    /** The terms of Σa²: a's centred co-rated values squared, or every entry of a for norms over the full vector. */
    public double[] squaresA() {
        return squared(coRatedSquares() ? centredA() : entriesA);
    }

    public double[] squaresB() {
        return squared(coRatedSquares() ? centredB() : entriesB);
    }

    /** The numerator as the formula computed it: Σab, or Σ(a − ā)(b − b̄) from the sums for Pearson. */
    public double numerator() {
        return coRatedMeans() ? SimilarityFormula.centredProducts(overlap, sumA, sumB, sumProducts) : sumProducts;
    }

    /** The sum under a's square root in the denominator, as the formula computed it. */
    public double sumSquaresA() {
        if (coRatedMeans()) {
            return SimilarityFormula.centredSquares(overlap, sumA, coRatedSquaresA);
        }
        return coRatedSquares() ? coRatedSquaresA : normA2;
    }

    public double sumSquaresB() {
        if (coRatedMeans()) {
            return SimilarityFormula.centredSquares(overlap, sumB, coRatedSquaresB);
        }
        return coRatedSquares() ? coRatedSquaresB : normB2;
    }

    public double normA() {
        return Math.sqrt(sumSquaresA());
    }

    public double normB() {
        return Math.sqrt(sumSquaresB());
    }

    public double denominator() {
        return normA() * normB();
    }

    private static double[] minus(double[] values, double mean) {
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[k] - mean;
        }
        return out;
    }

    private static double[] squared(double[] values) {
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[k] * values[k];
        }
        return out;
    }
}
