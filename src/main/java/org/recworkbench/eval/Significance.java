package org.recworkbench.eval;

import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two runs metric by metric, paired by (fold, user): the difference of means, a paired t-test and a
 * Wilcoxon signed-rank test over the per-user values, and the effect size d = mean(diff) / sd(diff). Pairing needs
 * the same dataset, split and seed; otherwise only the aggregates are compared and p-values are NaN.
 */
public final class Significance {

    /**
     * @param difference  value(b) − value(a) of the aggregates
     * @param pairs       (fold, user) pairs with a value in both runs
     * @param tTestP      two-sided p-value of the paired t-test
     * @param wilcoxonP   two-sided p-value of the Wilcoxon signed-rank test (normal approximation above 30 pairs)
     * @param effectSize  mean of the paired differences over their standard deviation
     */
    public record MetricComparison(String metric, double a, double b, double difference, int pairs, double tTestP,
                                   double wilcoxonP, double effectSize) {
    }

    public record Comparison(RunResult a, RunResult b, boolean paired, String reason,
                             List<MetricComparison> metrics) {
    }

    private Significance() {
    }

    public static Comparison compare(RunResult a, RunResult b) {
        String reason = pairingProblem(a, b);
        boolean paired = reason == null;
        Set<String> keys = new LinkedHashSet<>(a.metrics().keySet());
        keys.retainAll(b.metrics().keySet());
        List<MetricComparison> out = new ArrayList<>();
        for (String key : keys) {
            double va = a.value(key);
            double vb = b.value(key);
            double[] ua = a.perUser().get(key);
            double[] ub = b.perUser().get(key);
            if (!paired || ua == null || ub == null || ua.length != ub.length) {
                out.add(new MetricComparison(key, va, vb, vb - va, 0, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            out.add(test(key, va, vb, ua, ub));
        }
        return new Comparison(a, b, paired, paired ? "paired by fold and user" : reason, out);
    }

    static MetricComparison test(String key, double va, double vb, double[] ua, double[] ub) {
        int n = 0;
        for (int k = 0; k < ua.length; k++) {
            n += Double.isNaN(ua[k]) || Double.isNaN(ub[k]) ? 0 : 1;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0, t = 0; k < ua.length; k++) {
            if (!Double.isNaN(ua[k]) && !Double.isNaN(ub[k])) {
                x[t] = ua[k];
                y[t] = ub[k];
                t++;
            }
        }
        if (n < 2) {
            return new MetricComparison(key, va, vb, vb - va, n, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (int k = 0; k < n; k++) {
            mean += y[k] - x[k];
        }
        mean /= n;
        double ss = 0;
        boolean allZero = true;
        for (int k = 0; k < n; k++) {
            double d = y[k] - x[k] - mean;
            ss += d * d;
            allZero &= y[k] == x[k];
        }
        double sd = Math.sqrt(ss / (n - 1));
        if (allZero) {
            return new MetricComparison(key, va, vb, vb - va, n, 1, 1, 0);
        }
        double t = sd == 0 ? 0 : new TTest().pairedTTest(y, x);
        return new MetricComparison(key, va, vb, vb - va, n, t, wilcoxon(x, y), sd == 0 ? Double.NaN : mean / sd);
    }

    /**
     * Wilcoxon's signed-rank test with his treatment of zero differences: they are dropped (many users have the
     * same value under both runs, e.g. no hit in either list, and ranking those zeros would distort the test).
     * Exact p-value up to 30 non-zero pairs, normal approximation above.
     */
    static double wilcoxon(double[] x, double[] y) {
        int nonZero = 0;
        for (int k = 0; k < x.length; k++) {
            nonZero += x[k] != y[k] ? 1 : 0;
        }
        if (nonZero == 0) {
            return 1;
        }
        double[] a = new double[nonZero];
        double[] b = new double[nonZero];
        for (int k = 0, t = 0; k < x.length; k++) {
            if (x[k] != y[k]) {
                a[t] = x[k];
                b[t] = y[k];
                t++;
            }
        }
        if (nonZero == 1) {
            return 1;
        }
        return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(b, a, nonZero <= 30);
    }

    /** Why the two runs cannot be paired by user, or null when they can. */
    static String pairingProblem(RunResult a, RunResult b) {
        if (!Objects.equals(a.datasetChecksum(), b.datasetChecksum())) {
            return "different datasets (checksums differ)";
        }
        if (!a.split().equals(b.split()) || a.seed() != b.seed()) {
            return "different splits (" + a.split() + " seed " + a.seed() + " vs " + b.split() + " seed " + b.seed()
                    + ")";
        }
        if (!a.relevance().equals(b.relevance()) || !a.candidates().equals(b.candidates())) {
            return "different relevance or candidate settings";
        }
        return null;
    }
}
