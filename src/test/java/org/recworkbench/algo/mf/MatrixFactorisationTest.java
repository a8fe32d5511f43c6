package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.IterativeModel;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MatrixFactorisationTest {

    private static final Dataset DATA = LowRank.matrix(60, 40, 5);

    private static Model fit(Algorithm<?> a, Dataset d, String... params) {
        return a.fit(d, ParamValues.parse(a.params(), List.of(params)), Progress.NONE, Cancellation.NEVER);
    }

    private static double trainingRmse(Model m) {
        RatingMatrix r = m.dataset().ratings();
        double s = 0;
        for (int u = 0; u < m.dataset().userCount(); u++) {
            for (int p = r.rowStart(u); p < r.rowStart(u) + r.rowLength(u); p++) {
                double e = r.rowValue(p) - m.predict(u, r.rowItem(p));
                s += e * e;
            }
        }
        return Math.sqrt(s / r.size());
    }

    private static void assertDecreasing(double[] losses) {
        for (int k = 1; k < losses.length; k++) {
            assertThat(losses[k]).as("loss after epoch %d", k + 1).isLessThanOrEqualTo(losses[k - 1] + 1e-12);
        }
    }

    @Test
    void sgdStepMatchesTheUpdateRulesByHand() {
        // μ = 3, b_u = 0.1, b_i = −0.2, p = (0.5, −1), q = (0.2, 0.4), r = 4, η = 0.1, λ_b = 0.02, λ_f = 0.05
        // r̂ = 3 + 0.1 − 0.2 + (0.1 − 0.4) = 2.6, e = 1.4
        Factors p = new Factors(1, 2);
        p.values[0] = 0.5;
        p.values[1] = -1;
        Factors q = new Factors(1, 2);
        q.values[0] = 0.2;
        q.values[1] = 0.4;
        double[] bu = {0.1};
        double[] bi = {-0.2};
        var params = new BiasedMfAlgorithm.BiasedMfParams(2, 1, 0.1, 0.02, 0.05, 0, 1);
        double squared = BiasedMfAlgorithm.step(0, 0, 4, 3, bu, bi, p, q, params, true);
        assertThat(squared).isCloseTo(1.96, within(1e-12));
        assertThat(bu[0]).isCloseTo(0.1 + 0.1 * (1.4 - 0.002), within(1e-12));
        assertThat(bi[0]).isCloseTo(-0.2 + 0.1 * (1.4 + 0.004), within(1e-12));
        // p_1 = 0.5 + 0.1(1.4·0.2 − 0.05·0.5) = 0.5255; q_2 = 0.4 + 0.1(1.4·(−1) − 0.05·0.4) = 0.258
        assertThat(p.values[0]).isCloseTo(0.5255, within(1e-12));
        assertThat(p.values[1]).isCloseTo(-1 + 0.1 * (1.4 * 0.4 + 0.05), within(1e-12));
        assertThat(q.values[0]).isCloseTo(0.2 + 0.1 * (1.4 * 0.5 - 0.05 * 0.2), within(1e-12));
        assertThat(q.values[1]).isCloseTo(0.258, within(1e-12));
    }

    @Test
    void biasedMfLossFallsRecoversTheLowRankMatrixAndRepeatsWithTheSameSeed() {
        List<Double> reported = new ArrayList<>();
        Progress listener = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void loss(int epoch, double loss) {
                reported.add(loss);
            }
        };
        BiasedMfAlgorithm a = new BiasedMfAlgorithm();
        ParamValues v = ParamValues.parse(a.params(), List.of("factors=4", "epochs=150", "learning-rate=0.02",
                "reg-bias=0.001", "reg-factors=0.001"));
        Model m = a.fit(DATA, v, listener, Cancellation.NEVER);
        double[] losses = ((IterativeModel) m).lossCurve();
        assertThat(reported).hasSize(150).containsExactly(java.util.Arrays.stream(losses).boxed()
                .toArray(Double[]::new));
        assertThat(losses[149]).isLessThan(losses[0] / 3);
        assertThat(trainingRmse(m)).isLessThan(2 * LowRank.NOISE);
        Model again = a.fit(DATA, v, Progress.NONE, Cancellation.NEVER);
        assertThat(again.scoreAll(7)).containsExactly(m.scoreAll(7));
        Explanation e = m.explain(3, 4);
        assertThat(e.derivation().result()).isEqualTo(m.predict(3, 4)).isEqualTo(e.prediction());
        // μ, b_u, b_i and the 4 factor products: together they are the prediction
        assertThat(e.contributions()).hasSize(7);
        assertThat(e.contributions()).extracting(Contribution::kind).contains("global mean", "user bias", "item bias");
        assertThat(e.contributions().stream().mapToDouble(Contribution::amount).sum())
                .isCloseTo(e.prediction(), within(1e-9));
    }

    @Test
    void alsRowSolveMatchesTheNormalEquationsByHand() {
        // y_1 = (1, 0), y_2 = (1, 2); r = (3, 5); λ = 0.5 without weighting:
        // A = [[2.5, 2], [2, 4.5]], b = (8, 10), det A = 7.25 → x = ((36 − 20)/7.25, (25 − 16)/7.25)
        Factors y = new Factors(2, 2);
        y.values[0] = 1;
        y.values[2] = 1;
        y.values[3] = 2;
        Factors x = new Factors(1, 2);
        double[] ratings = {3, 5};
        AlsAlgorithm.solveRow(0, 2, t -> t, t -> (float) ratings[t], y, x, 0,
                new AlsAlgorithm.AlsParams(2, 1, 0.5, false, 1), new DenseSolver(2));
        assertThat(x.values[0]).isCloseTo(16 / 7.25, within(1e-12));
        assertThat(x.values[1]).isCloseTo(9 / 7.25, within(1e-12));
    }

    @Test
    void alsLossFallsAndRecoversTheLowRankMatrix() {
        Model m = fit(new AlsAlgorithm(), DATA, "factors=2", "iterations=15", "lambda=0.01");
        double[] losses = ((IterativeModel) m).lossCurve();
        assertDecreasing(losses);
        assertThat(trainingRmse(m)).isLessThan(2 * LowRank.NOISE);
        assertThat(fit(new AlsAlgorithm(), DATA, "factors=2", "iterations=15", "lambda=0.01").scoreAll(3))
                .containsExactly(m.scoreAll(3));
    }

    @Test
    void foldInOfAnExistingUsersRatingsReproducesTheirAlsScores() {
        Model m = fit(new AlsAlgorithm(), DATA, "factors=2", "iterations=15", "lambda=0.01");
        RatingMatrix r = DATA.ratings();
        int u = 11;
        int n = r.rowLength(u);
        int[] items = new int[n];
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            items[t] = r.rowItem(r.rowStart(u) + t);
            values[t] = r.rowValue(r.rowStart(u) + t);
        }
        FoldIn folded = m.foldIn(new UserProfile(items, values)).orElseThrow();
        // users are solved before items in each iteration, so the fold-in uses newer item factors: close, not equal
        for (int i = 0; i < DATA.itemCount(); i++) {
            assertThat(folded.scores()[i]).isCloseTo(m.predict(u, i), within(0.05));
        }
        assertThat(folded.recommend(5).items()).doesNotContain(items);
    }

    @Test
    void biasedMfFoldInLearnsANewUsersTaste() {
        Model m = fit(new BiasedMfAlgorithm(), DATA, "factors=4", "epochs=60", "learning-rate=0.02");
        FoldIn likesFirst = m.foldIn(new UserProfile(new int[] {0, 1}, new double[] {5, 5})).orElseThrow();
        FoldIn dislikesFirst = m.foldIn(new UserProfile(new int[] {0, 1}, new double[] {0, 0})).orElseThrow();
        assertThat(likesFirst.predictions()[2]).isGreaterThan(dislikesFirst.predictions()[2]);
    }

    /** Values near float's largest (3e38) made the solves fail as "not positive definite"; now refused up front. */
    @Test
    void alsRefusesRatingsWhoseSquaresOverflowBeforeFitting() {
        double[][] m = {{1, 3e38, Double.NaN}, {2, 5, 3}, {Double.NaN, 4, 1}};
        Dataset d = org.recworkbench.data.DatasetBuilder.fromMatrix("huge",
                org.recworkbench.data.DatasetKind.EXPLICIT, m);
        AlsAlgorithm a = new AlsAlgorithm();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.fit(d, a.defaults(), Progress.NONE,
                        Cancellation.NEVER)).isInstanceOf(org.recworkbench.data.InvalidInputException.class)
                .hasMessageStartingWith("als cannot fit the rating 3.0E38 of user u1 for item i2:")
                .hasMessageContaining("magnitude at most 1e15").hasMessageContaining("rescale")
                .hasMessageNotContaining("please report").hasMessageNotContaining("Exception");
    }

    @Test
    void alsAcceptsRatingsUpToTheDocumentedMagnitude() {
        double[][] m = {{1, 1e15, Double.NaN}, {2, -1e15, 3}, {Double.NaN, 4, 1}};
        Dataset d = org.recworkbench.data.DatasetBuilder.fromMatrix("large",
                org.recworkbench.data.DatasetKind.EXPLICIT, m);
        org.assertj.core.api.Assertions.assertThatCode(() -> AlsAlgorithm.requireSolvableScale(d))
                .doesNotThrowAnyException();
    }

    /** Counts in the tens of thousands make SGD blow up: the fit stops with a message instead of scoring NaN. */
    @Test
    void biasedMfRefusesToHandBackADivergedModel() {
        double[][] m = {{80_995, 1, Double.NaN}, {2, 50_000, 3}, {Double.NaN, 4, 12_000}};
        Dataset d = org.recworkbench.data.DatasetBuilder.fromMatrix("counts",
                org.recworkbench.data.DatasetKind.IMPLICIT, m);
        BiasedMfAlgorithm a = new BiasedMfAlgorithm();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.fit(d, a.defaults(), Progress.NONE,
                        Cancellation.NEVER)).isInstanceOf(org.recworkbench.data.InvalidInputException.class)
                .hasMessageContaining("biased-mf diverged in epoch").hasMessageContaining("values up to 80995")
                .hasMessageContaining("Lower learning-rate");
    }
}
