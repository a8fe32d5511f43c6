package org.recworkbench.similarity;

import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Latex;
import org.recworkbench.explain.Words;

/**
 * The one place that turns co-rated sums into a similarity. The sparse top-K builder and the pair computation
 * behind every derivation both end here, so a derivation's result is the number the matrices hold. Each function
 * computes first and then, only when a derivation is being recorded, reports the intermediate values it used, so
 * the hot path builds no strings.
 */
public final class SimilarityFormula {

    private SimilarityFormula() {
    }

    /**
     * @param n      co-rated entries
     * @param sa     Σa over them (Pearson with co-rated means only)
     * @param sb     Σb
     * @param saa    Σa² over them (co-rated norms and Pearson)
     * @param sbb    Σb²
     * @param sab    Σab
     * @param normA2 Σa² over all of a's entries
     * @param normB2 Σb² over all of b's entries
     * @param lenA   a's number of entries (Jaccard)
     * @param lenB   b's number of entries
     * @param terms  the co-rated values for the substitutions, or null when not recording
     */
    /**
     * The similarity from pair sums only (see {@link SimilarityOptions#fromPairSums()}): the same arithmetic as every
     * other pair, so an incrementally kept similarity equals a recomputed one.
     */
    public static double fromPairSums(SimilarityOptions o, int n, double dot, double normA2, double normB2, int lenA,
                                      int lenB) {
        return fromPairSumsAndNorms(o, n, dot, Math.sqrt(normA2), Math.sqrt(normB2), lenA, lenB);
    }

    /**
     * As {@link #fromPairSums} with the norms already rooted (‖a‖ = √Σa², exactly what the cosine takes), for a
     * caller that keeps each vector's norm and computes many pairs.
     */
    public static double fromPairSumsAndNorms(SimilarityOptions o, int n, double dot, double normA, double normB,
                                              int lenA, int lenB) {
        if (!o.fromPairSums()) {
            throw new IllegalArgumentException(o.measure().label() + " needs more than pair sums");
        }
        if (n == 0 || n < o.minOverlap()) {
            return 0;
        }
        double raw = o.measure() == Measure.JACCARD ? jaccard(n, lenA, lenB, Derivation.Builder.NONE)
                : cosineOfNorms(dot, normA, normB);
        return o.shrinkage() <= 0 ? raw : raw * n / (n + o.shrinkage());
    }

    /** Σab / (‖a‖‖b‖), 0 when a norm is 0, clamped to [−1, 1]. */
    private static double cosineOfNorms(double sab, double normA, double normB) {
        return normA == 0 || normB == 0 ? 0 : clamp(sab / (normA * normB));
    }

    static double similarity(SimilarityOptions o, int n, double sa, double sb, double saa, double sbb, double sab,
                             double normA2, double normB2, int lenA, int lenB, CoRated terms,
                             Derivation.Builder trace) {
        if (n == 0 || n < o.minOverlap()) {
            if (trace.recording()) {
                trace.step(Words.phrase(n == 0 ? "sim.noCoRated" : "sim.tooLittleOverlap"),
                        "n < n_{\\min} \\Rightarrow s = 0", "n = " + n + " < " + Math.max(1, o.minOverlap()), 0);
            }
            return 0;
        }
        double raw = switch (o.measure()) {
            case JACCARD -> jaccard(n, lenA, lenB, trace);
            case PEARSON -> o.vectorMeans() ? cosine(sab, saa, sbb, true, terms, trace, "\\tilde")
                    : pearson(n, sa, sb, saa, sbb, sab, terms, trace);
            case COSINE -> o.coRatedNorms() ? cosine(sab, saa, sbb, true, terms, trace, "")
                    : cosine(sab, normA2, normB2, false, terms, trace, "");
            case ADJUSTED_COSINE -> o.coRatedNorms() ? cosine(sab, saa, sbb, true, terms, trace, "\\tilde")
                    : cosine(sab, normA2, normB2, false, terms, trace, "\\tilde");
            case EUCLIDEAN -> euclidean(saa, sbb, sab, terms, trace);
            case MSD -> meanSquaredDifference(n, saa, sbb, sab, terms, trace);
        };
        if (o.shrinkage() <= 0) {
            return raw;
        }
        double shrunk = raw * n / (n + o.shrinkage());
        if (trace.recording()) {
            trace.step(Words.phrase("sim.shrinkage"), "s = s_{raw} \\cdot \\frac{n}{n + \\lambda}",
                    Latex.num(raw) + " \\cdot \\frac{" + n + "}{" + n + " + " + Latex.num(o.shrinkage()) + "}",
                    shrunk);
        }
        return shrunk;
    }

    /** Σ(a − ā)(b − b̄) over n entries from the plain sums. */
    static double centredProducts(int n, double sa, double sb, double sab) {
        // sa * sb / n rather than n * meanA * meanB: commutative, so pair(a, b) == pair(b, a) bit for bit
        return sab - sa * sb / n;
    }

    /** Σ(a − ā)² over n entries from the plain sums, never below 0. */
    static double centredSquares(int n, double sa, double saa) {
        return Math.max(0, saa - sa * sa / n);
    }

    /**
     * Σ (a − b)² over the co-rated entries from the co-rated sums: Σa² + Σb² − 2Σab, never below 0. Exact for whole
     * and half ratings (every term is then an exact binary fraction), symmetric in a and b bit for bit, and exactly 0
     * for equal vectors.
     */
    static double squaredDifferences(double saa, double sbb, double sab) {
        return Math.max(0, saa + sbb - 2 * sab);
    }

    private static String differenceTerms(CoRated terms) {
        return Latex.sum(terms.a().length, k -> "(" + Latex.num(terms.a()[k]) + " - " + Latex.num(terms.b()[k])
                + ")^2");
    }

    /** 1 / (1 + d) with d = √Σ (a − b)², in (0, 1]: 1 for equal co-rated values. */
    private static double euclidean(double saa, double sbb, double sab, CoRated terms, Derivation.Builder trace) {
        double squares = squaredDifferences(saa, sbb, sab);
        double distance = Math.sqrt(squares);
        double value = 1 / (1 + distance);
        if (trace.recording()) {
            trace.step(Words.phrase("sim.squaredDifferences"), "\\sum_{c \\in C} (a_c - b_c)^2",
                    differenceTerms(terms), squares);
            trace.step(Words.phrase("sim.euclideanDistance"), "d = \\sqrt{\\sum_{c \\in C} (a_c - b_c)^2}",
                    "\\sqrt{" + Latex.num(squares) + "}", distance);
            trace.step(Words.phrase("sim.euclidean"), "s = \\frac{1}{1 + d}", "\\frac{1}{1 + " + Latex.num(distance) + "}",
                    value);
        }
        return value;
    }

    /** 1 / (1 + msd) with msd = Σ (a − b)² / n (Surprise's msd), in (0, 1]: 1 for equal co-rated values. */
    private static double meanSquaredDifference(int n, double saa, double sbb, double sab, CoRated terms,
                                                Derivation.Builder trace) {
        double squares = squaredDifferences(saa, sbb, sab);
        double msd = squares / n;
        double value = 1 / (1 + msd);
        if (trace.recording()) {
            trace.step(Words.phrase("sim.squaredDifferences"), "\\sum_{c \\in C} (a_c - b_c)^2",
                    differenceTerms(terms), squares);
            trace.step(Words.phrase("sim.msd"), "\\mathrm{msd} = \\frac{1}{n} \\sum_{c \\in C} (a_c - b_c)^2",
                    "\\frac{" + Latex.num(squares) + "}{" + n + "}", msd);
            trace.step(Words.phrase("sim.msdSimilarity"), "s = \\frac{1}{1 + \\mathrm{msd}}", "\\frac{1}{1 + " + Latex.num(msd) + "}", value);
        }
        return value;
    }

    /** Rounding can push a ratio of sums a hair past ±1 (1.0000000000000002 for equal vectors). */
    private static double clamp(double value) {
        return Math.max(-1, Math.min(1, value));
    }

    private static double jaccard(int n, int lenA, int lenB, Derivation.Builder trace) {
        int union = lenA + lenB - n;
        double value = (double) n / union;
        if (trace.recording()) {
            trace.step(Words.phrase("sim.jaccard"), "s = \\frac{|A \\cap B|}{|A| + |B| - |A \\cap B|}",
                    "\\frac{" + n + "}{" + lenA + " + " + lenB + " - " + n + "}", value);
        }
        return value;
    }

    private static double cosine(double sab, double na2, double nb2, boolean coRated, CoRated terms,
                                 Derivation.Builder trace, String accent) {
        double normA = Math.sqrt(na2);
        double normB = Math.sqrt(nb2);
        boolean zero = normA == 0 || normB == 0;
        double value = cosineOfNorms(sab, normA, normB);
        if (trace.recording()) {
            String a = accent.isEmpty() ? "a" : accent + "{a}";
            String b = accent.isEmpty() ? "b" : accent + "{b}";
            String over = coRated ? "c \\in C" : "c";
            trace.step(Words.phrase("sim.dot"), "\\sum_{c \\in C} " + a + "_c " + b + "_c",
                    Latex.sum(terms.a().length, k -> Latex.term(terms.a()[k]) + " \\cdot "
                            + Latex.term(terms.b()[k])), sab);
            trace.step(Words.phrase(coRated ? "sim.normCoRated" : "sim.normAll", "a"),
                    "\\lVert " + a + " \\rVert = \\sqrt{\\sum_{" + over + "} " + a + "_c^2}",
                    "\\sqrt{" + Latex.num(na2) + "}", normA);
            trace.step(Words.phrase(coRated ? "sim.normCoRated" : "sim.normAll", "b"),
                    "\\lVert " + b + " \\rVert = \\sqrt{\\sum_{" + over + "} " + b + "_c^2}",
                    "\\sqrt{" + Latex.num(nb2) + "}", normB);
            trace.step(Words.phrase(zero ? "sim.zeroNorm" : "sim.cosine"),
                    "s = \\frac{\\sum_{c \\in C} " + a + "_c " + b + "_c}{\\lVert " + a + " \\rVert \\, \\lVert "
                            + b + " \\rVert}",
                    "\\frac{" + Latex.num(sab) + "}{" + Latex.num(normA) + " \\cdot " + Latex.num(normB) + "}",
                    value);
        }
        return value;
    }

    private static double pearson(int n, double sa, double sb, double saa, double sbb, double sab, CoRated terms,
                                  Derivation.Builder trace) {
        double meanA = sa / n;
        double meanB = sb / n;
        double cov = centredProducts(n, sa, sb, sab);
        double varA = centredSquares(n, sa, saa);
        double varB = centredSquares(n, sb, sbb);
        // Σa² − n·ā² cancels catastrophically for a constant vector; treat a relative residue as exactly zero
        boolean flat = varA <= 1e-12 * saa || varB <= 1e-12 * sbb;
        // r from the n-scaled sums n·Σab − Σa·Σb and n·Σa² − (Σa)²: for whole or half ratings every term is an exact
        // integer, so r = 1 comes out exactly 1 and equal correlations are equal doubles (ties stay ties; with
        // Σab − ΣaΣb/n an exact r = 1 read 0.9999999999999987 and ties went to whichever rounding was kinder)
        double scaledCov = n * sab - sa * sb;
        double scaledVarA = Math.max(0, n * saa - sa * sa);
        double scaledVarB = Math.max(0, n * sbb - sb * sb);
        double value = flat ? 0 : clamp(scaledCov / Math.sqrt(scaledVarA * scaledVarB));
        if (trace.recording()) {
            trace.step(Words.phrase("sim.coRatedMean", "a"), "\\bar{a} = \\frac{1}{n} \\sum_{c \\in C} a_c",
                    "\\frac{" + Latex.num(sa) + "}{" + n + "}", meanA);
            trace.step(Words.phrase("sim.coRatedMean", "b"), "\\bar{b} = \\frac{1}{n} \\sum_{c \\in C} b_c",
                    "\\frac{" + Latex.num(sb) + "}{" + n + "}", meanB);
            trace.step(Words.phrase("sim.centredProducts"), "\\sum_{c \\in C} (a_c - \\bar{a})(b_c - \\bar{b})",
                    Latex.sum(terms.a().length, k -> "(" + Latex.num(terms.a()[k]) + " - " + Latex.num(meanA)
                            + ")(" + Latex.num(terms.b()[k]) + " - " + Latex.num(meanB) + ")"), cov);
            trace.step(Words.phrase("sim.squaredDeviations", "a"), "\\sum_{c \\in C} (a_c - \\bar{a})^2",
                    Latex.sum(terms.a().length, k -> "(" + Latex.num(terms.a()[k]) + " - " + Latex.num(meanA)
                            + ")^2"), flat && varA <= 1e-12 * saa ? 0 : varA);
            trace.step(Words.phrase("sim.squaredDeviations", "b"), "\\sum_{c \\in C} (b_c - \\bar{b})^2",
                    Latex.sum(terms.b().length, k -> "(" + Latex.num(terms.b()[k]) + " - " + Latex.num(meanB)
                            + ")^2"), flat && varB <= 1e-12 * sbb ? 0 : varB);
            trace.step(Words.phrase(flat ? "sim.constantVector" : "sim.pearson"),
                    "s = \\frac{\\sum (a_c - \\bar{a})(b_c - \\bar{b})}{\\sqrt{\\sum (a_c - \\bar{a})^2}"
                            + " \\sqrt{\\sum (b_c - \\bar{b})^2}}",
                    "\\frac{" + Latex.num(cov) + "}{\\sqrt{" + Latex.num(varA) + "} \\sqrt{" + Latex.num(varB)
                            + "}}", value);
        }
        return value;
    }
}
