package org.recworkbench.eval;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SignificanceAndSweepTest {

    private static RunResult run(String split, double value, double[] perUser) {
        return new RunResult(1, "d", "abc", "x", Map.of(), split, 42, Relevance.explicit(4), Candidates.FULL,
                Map.of("ndcg@10", Summary.single(value, perUser.length)), List.of(), Map.of("ndcg@10", perUser),
                perUser.length, 1, Instant.EPOCH, "test");
    }

    /**
     * Pairs (1,2) (2,2) (3,5) (4,4) (5,8); the sixth has no value in A. Differences 1, 0, 2, 0, 3: mean 1.2,
     * sd √(6.8/4) = √1.7, t = 1.2 / (√1.7/√5) = 2.0580 with 4 degrees of freedom; d = 1.2/√1.7 = 0.9204. Wilcoxon
     * drops the zeros: 1, 2, 3 all positive, W− = 0, exact two-sided p = 2 · (1/2)³ = 0.25.
     */
    @Test
    void pairedTestsByHand() {
        RunResult a = run("kfold:5", 3, new double[] {1, 2, 3, 4, 5, Double.NaN});
        RunResult b = run("kfold:5", 4.2, new double[] {2, 2, 5, 4, 8, 1});
        Significance.Comparison c = Significance.compare(a, b);
        assertThat(c.paired()).isTrue();
        Significance.MetricComparison m = c.metrics().get(0);
        assertThat(m.pairs()).isEqualTo(5);
        assertThat(m.difference()).isCloseTo(1.2, within(1e-12));
        double t = 1.2 / (Math.sqrt(1.7) / Math.sqrt(5));
        assertThat(t).isCloseTo(2.0580, within(1e-4));
        double p = 2 * (1 - new TDistribution(4).cumulativeProbability(t));
        assertThat(m.tTestP()).isCloseTo(p, within(1e-9));
        assertThat(m.effectSize()).isCloseTo(1.2 / Math.sqrt(1.7), within(1e-12));
        assertThat(m.wilcoxonP()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void identicalRunsDifferByNothingAndDifferentSplitsAreNotPaired() {
        double[] v = {0.1, 0.5, 0.9};
        Significance.MetricComparison same = Significance.compare(run("kfold:5", 1, v), run("kfold:5", 1, v))
                .metrics().get(0);
        assertThat(same.tTestP()).isEqualTo(1);
        assertThat(same.wilcoxonP()).isEqualTo(1);
        assertThat(same.effectSize()).isZero();

        Significance.Comparison other = Significance.compare(run("kfold:5", 1, v), run("holdout:0.2", 2, v));
        assertThat(other.paired()).isFalse();
        assertThat(other.reason()).contains("different splits");
        assertThat(other.metrics().get(0).difference()).isEqualTo(1);
        assertThat(other.metrics().get(0).tTestP()).isNaN();
    }

    @Test
    void sweepAxesFromListsAndLinearAndLogRanges() {
        ParamValues knn = AlgorithmRegistry.require("item-knn").defaults();
        assertThat(SweepAxis.parse(knn.spec("k"), "5, 10,20").values()).containsExactly(5, 10, 20);
        // 1..4 in 7 points rounds to 1, 2 (1.5), 2, 3 (2.5), 3, 4 (3.5), 4: repeats dropped
        assertThat(SweepAxis.parse(knn.spec("k"), "1..4:7").values()).containsExactly(1, 2, 3, 4);
        ParamValues hybrid = AlgorithmRegistry.require("hybrid").defaults();
        assertThat(SweepAxis.parse(hybrid.spec("alpha"), "0..1:5").values()).containsExactly(0.0, 0.25, 0.5, 0.75,
                1.0);
        ParamValues ials = AlgorithmRegistry.require("implicit-als").defaults();
        List<Object> log = SweepAxis.parse(ials.spec("lambda"), "0.001..10:log5").values();
        assertThat(log).hasSize(5);
        double[] expected = {0.001, 0.01, 0.1, 1, 10};
        for (int k = 0; k < 5; k++) {
            assertThat((Double) log.get(k)).isCloseTo(expected[k], within(expected[k] * 1e-12));
        }
        // exp(log 100) is 100.00000000000004: the ends must be exactly the range given, inside the spec's bounds
        ParamValues bias = AlgorithmRegistry.require("bias").defaults();
        List<Object> edge = SweepAxis.parse(bias.spec("lambda-item"), "1..100:log3").values();
        assertThat(edge).containsExactly(1.0, 10.000000000000002, 100.0);
        assertThatThrownBy(() -> SweepAxis.parse(knn.spec("k"), "1..9")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a range needs a point count");
        assertThatThrownBy(() -> SweepAxis.parse(knn.spec("k"), "0,5")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("k must be");
        assertThatThrownBy(() -> SweepAxis.parse(ials.spec("lambda"), "0..1:log3"))
                .hasMessageContaining("positive ends");
    }

    @Test
    void aGridRunsTheFirstAxisSlowest() {
        ParamValues knn = AlgorithmRegistry.require("item-knn").defaults();
        Experiment e = new Experiment("item-knn", knn, Splitters.parse("holdout:0.2"), MetricSpec.parseList("rmse"),
                Relevance.explicit(4), Candidates.FULL, 1);
        Sweep grid = new Sweep(e, List.of(SweepAxis.parse(knn.spec("k"), "5,10"),
                SweepAxis.parse(knn.spec("shrinkage"), "0,100")));
        assertThat(grid.points()).extracting(p -> p.getInt("k") + "/" + p.getDouble("shrinkage"))
                .containsExactly("5/0.0", "5/100.0", "10/0.0", "10/100.0");
        assertThatThrownBy(() -> new Sweep(e, List.of(SweepAxis.parse(knn.spec("k"), "5,10"),
                SweepAxis.parse(knn.spec("k"), "1,2")))).hasMessageContaining("same parameter");
    }
}
