package org.recworkbench.examples;

import org.recworkbench.algo.mf.LowRankApproximation;
import org.recworkbench.explain.Words;

/**
 * A matrix-factorisation objective J = Σ_{i=1..m} Σ_{j=1..n} (R_ij − Σ_{k=1..K} U_ik V_kj)²: the ranges of its
 * sums follow from R and K, and its least value is reached by the truncated SVD ({@link LowRankApproximation}).
 */
final class MfObjectiveExample implements ExampleFormula {

    @Override
    public void compute(SeedExample e, Computation c) {
        double[][] r = e.matrix("R");
        int rank = (int) e.number("rank");
        c.step("userSumUpperBound", Words.phrase("example.userSum"), "i = 1, \\ldots, m",
                "m = " + r.length, r.length);
        c.step("itemSumUpperBound", Words.phrase("example.itemSum"), "j = 1, \\ldots, n",
                "n = " + r[0].length, r[0].length);
        c.step("rank", Words.phrase("example.rankSum"), "k = 1, \\ldots, K", "K = " + rank, rank);
        LowRankApproximation best = LowRankApproximation.best(r, rank, c.trace());
        c.put("singularValues", best.singularValues());
        c.put("eckartYoungError", best.leastError());
        c.show(Words.phrase("example.bestFactors", String.valueOf(rank)), "U = U_K \\Sigma_K, \\; V = V_K^T", "");
        c.recordedLast("minSSE", LowRankApproximation.squaredError(r, best.userFactors(), best.itemFactors(),
                c.trace()));
    }
}
