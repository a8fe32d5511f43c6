package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.PairwiseStepExplainable;
import org.recworkbench.algo.UserSolveExplainable;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** One ALS solve and one BPR step, each recorded by the training code, against arithmetic done by hand. */
class TrainingStepDerivationTest {

    private static double value(Derivation d, String title) {
        return d.steps().stream().filter(s -> s.title().startsWith(title)).findFirst().orElseThrow().value();
    }

    private static String substituted(Derivation d, String title) {
        return d.steps().stream().filter(s -> s.title().startsWith(title)).findFirst().orElseThrow().substituted();
    }

    @Test
    void alsSolveOfOneUserByHand() {
        // items a, b with y_a = (1, 0.5), y_b = (0.5, 2); the user rated a 4 and b 2; λ = 0.1 weighted: λ n_u = 0.2
        Factors y = new Factors(2, 2);
        y.values[0] = 1;
        y.values[1] = 0.5;
        y.values[2] = 0.5;
        y.values[3] = 2;
        int[] items = {0, 1};
        float[] ratings = {4, 2};
        Factors x = new Factors(1, 2);
        var params = new AlsAlgorithm.AlsParams(2, 1, 0.1, true, 1);
        Derivation.Builder d = Derivation.builder("by hand");
        AlsAlgorithm.solveRow(0, 2, t -> items[t], t -> ratings[t], y, x, 0, params, new DenseSolver(2), d);
        Derivation derivation = d.build();
        // YᵀY = [[1 + 0.25, 0.5 + 1], [1.5, 0.25 + 4]] = [[1.25, 1.5], [1.5, 4.25]], trace 5.5
        assertThat(value(derivation, "Gram matrix")).isCloseTo(5.5, within(1e-12));
        assertThat(substituted(derivation, "Gram matrix")).contains("1.25 & 1.5").contains("1.5 & 4.25");
        assertThat(value(derivation, "Regularisation")).isCloseTo(0.2, within(1e-12));
        // A = [[1.45, 1.5], [1.5, 4.45]], trace 5.9; Yᵀr = 4·(1, 0.5) + 2·(0.5, 2) = (5, 6)
        assertThat(value(derivation, "Left-hand side")).isCloseTo(5.9, within(1e-12));
        assertThat(substituted(derivation, "Right-hand side")).isEqualTo("(5, 6)");
        // det A = 1.45·4.45 − 1.5² = 4.2025; x = (4.45·5 − 1.5·6, −1.5·5 + 1.45·6) / 4.2025 = (13.25, 1.2) / 4.2025
        //       = (3.15288519, 0.28554432)
        assertThat(x.values[0]).isCloseTo(13.25 / 4.2025, within(1e-12));
        assertThat(x.values[1]).isCloseTo(1.2 / 4.2025, within(1e-12));
        assertThat(substituted(derivation, "Solution")).isEqualTo("(3.15289, 0.28554)");
        assertThat(value(derivation, "Check")).isCloseTo(0, within(1e-12));
        // errors 4 − (3.15289 + 0.14277) = 0.70434, 2 − (1.57644 + 0.57109) = −0.14753; RMSE √((0.49609 + 0.02177)/2)
        assertThat(derivation.result()).isCloseTo(0.50885363, within(1e-8));
    }

    @Test
    void alsModelDerivesTheSolveOfItsUserHalfStep() {
        Dataset data = LowRank.matrix(30, 20, 2);
        AlsAlgorithm als = new AlsAlgorithm();
        Model m = als.fit(data, als.defaults(), Progress.NONE, Cancellation.NEVER);
        Derivation d = ((UserSolveExplainable) m).explainUserSolve(3);
        assertThat(d.title()).startsWith("One ALS solve of user u4");
        // 20 factors: the matrix is summarised by its diagonal
        assertThat(substituted(d, "Left-hand side")).contains("20×20, diagonal");
        assertThat(value(d, "Ratings of the user")).isEqualTo(data.ratings().rowLength(3));
        assertThat(value(d, "Check")).isLessThan(1e-8);
    }

    @Test
    void bprStepByHand() {
        // w_u = (0.5, −1), h_i = (1, 0.2), h_j = (0.3, 0.4), η = 0.1, λ = 0.01
        Factors w = new Factors(1, 2);
        w.values[0] = 0.5;
        w.values[1] = -1;
        Factors h = new Factors(2, 2);
        h.values[0] = 1;
        h.values[1] = 0.2;
        h.values[2] = 0.3;
        h.values[3] = 0.4;
        var params = new BprAlgorithm.BprParams(2, 1, 0.1, 0.01, 1);
        Derivation.Builder d = Derivation.builder("by hand");
        double loss = BprAlgorithm.step(0, 0, 1, w, h, params, d);
        Derivation derivation = d.build();
        // x_uij = 0.5·(1 − 0.3) + (−1)·(0.2 − 0.4) = 0.35 + 0.2 = 0.55
        assertThat(value(derivation, "Score difference of")).isCloseTo(0.55, within(1e-12));
        // σ(−0.55) = 1/(1 + e^0.55) = 1/2.73325302 = 0.36586441; −ln σ(0.55) = ln(1 + e^−0.55) = 0.45549248
        assertThat(value(derivation, "Gradient weight")).isCloseTo(0.36586441, within(1e-8));
        assertThat(loss).isCloseTo(0.45549248, within(1e-8));
        // w' = w + 0.1·(0.36586441·(0.7, −0.2) − 0.01·w) = (0.5 + 0.1·(0.25610509 − 0.005), −1 + 0.1·(−0.07317288 + 0.01))
        //    = (0.52511051, −1.00631729)
        assertThat(w.values[0]).isCloseTo(0.52511051, within(1e-8));
        assertThat(w.values[1]).isCloseTo(-1.00631729, within(1e-8));
        // h_i' = h_i + 0.1·(0.36586441·(0.5, −1) − 0.01·h_i) = (1.01729322, 0.16321356)
        assertThat(h.values[0]).isCloseTo(1.01729322, within(1e-8));
        assertThat(h.values[1]).isCloseTo(0.16321356, within(1e-8));
        // h_j' = h_j + 0.1·(−0.36586441·(0.5, −1) − 0.01·h_j) = (0.28140678, 0.43618644)
        assertThat(h.values[2]).isCloseTo(0.28140678, within(1e-8));
        assertThat(h.values[3]).isCloseTo(0.43618644, within(1e-8));
        // after: 0.52511051·(1.01729322 − 0.28140678) − 1.00631729·(0.16321356 − 0.43618644) = 0.66111903
        assertThat(derivation.result()).isCloseTo(0.66111903, within(1e-8));
    }

    @Test
    void bprModelDrawsTheNegativeAmongUnseenItemsAndLeavesItselfUnchanged() {
        Dataset data = LowRank.matrix(30, 20, 2);
        BprAlgorithm bpr = new BprAlgorithm();
        Model m = bpr.fit(data, bpr.defaults(), Progress.NONE, Cancellation.NEVER);
        RatingMatrix r = data.ratings();
        int positive = r.rowItem(r.rowStart(2));
        double[] before = m.scoreAll(2);
        Derivation d = ((PairwiseStepExplainable) m).explainStep(2, positive, 42);
        assertThat(d.title()).startsWith("One BPR step on user u3, positive item " + data.items().id(positive));
        String negative = d.title().replaceAll(".*negative item (\\S+) .*", "$1");
        assertThat(Float.isNaN(r.value(2, data.items().indexOf(negative)))).isTrue();
        assertThat(m.scoreAll(2)).containsExactly(before);
        assertThat(d).isEqualTo(((PairwiseStepExplainable) m).explainStep(2, positive, 42));
        int unseen = data.items().indexOf(negative);
        assertThatThrownBy(() -> ((PairwiseStepExplainable) m).explainStep(2, unseen, 42))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("never interacted");
    }
}
