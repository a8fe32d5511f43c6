package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.IterativeModel;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.algo.UserSolveExplainable;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.explain.Derivation;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Non-negative MF: one multiplicative update by hand, the objective, non-negativity, fold-in. */
class NmfTest {

    private static Model fit(Dataset d, String... params) {
        NmfAlgorithm a = new NmfAlgorithm();
        return a.fit(d, ParamValues.parse(a.params(), List.of(params)), Progress.NONE, Cancellation.NEVER);
    }

    private static double value(Derivation d, String title) {
        return d.steps().stream().filter(s -> s.title().startsWith(title)).findFirst().orElseThrow().value();
    }

    @Test
    void oneMultiplicativeUpdateByHand() {
        // q_a = (1, 0.5), q_b = (0.5, 2); the user rated a 4 and b 2; p_u = (1, 1); λ = 0.1
        Factors q = new Factors(2, 2);
        q.values[0] = 1;
        q.values[1] = 0.5;
        q.values[2] = 0.5;
        q.values[3] = 2;
        Factors p = new Factors(1, 2);
        p.values[0] = 1;
        p.values[1] = 1;
        int[] items = {0, 1};
        float[] ratings = {4, 2};
        Derivation.Builder d = Derivation.builder("by hand");
        NmfAlgorithm.update(0, 2, t -> items[t], t -> ratings[t], q, p, 0, 0.1, new double[2], new double[2], d);
        Derivation derivation = d.build();
        // r̂_a = 1 + 0.5 = 1.5, r̂_b = 0.5 + 2 = 2.5
        // factor 1: numerator 1·4 + 0.5·2 = 5; denominator 1·1.5 + 0.5·2.5 + 0.1·2·1 = 2.75 + 0.2 = 2.95
        assertThat(value(derivation, "Numerator for factor 1")).isCloseTo(5, within(1e-12));
        assertThat(value(derivation, "Denominator for factor 1")).isCloseTo(2.95, within(1e-12));
        // p_u1 = 1 · 5 / 2.95 = 1.69491525
        assertThat(value(derivation, "Multiplicative update of factor 1")).isCloseTo(5 / 2.95, within(1e-12));
        assertThat(p.values[0]).isCloseTo(5 / 2.95, within(1e-12));
        // factor 2: (0.5·4 + 2·2) / (0.5·1.5 + 2·2.5 + 0.2) = 6 / 5.95 = 1.00840336
        assertThat(p.values[1]).isCloseTo(6 / 5.95, within(1e-12));
        // RMSE before √((2.5² + 0.5²)/2) = √3.25 = 1.80277564; after: r̂_a = 1.69492 + 0.50420 = 2.19912,
        // r̂_b = 0.84746 + 2.01681 = 2.86426: √((1.80088² + 0.86426²)/2) = √((3.24318 + 0.74695)/2) = 1.41247
        assertThat(value(derivation, "RMSE on the user's ratings before")).isCloseTo(Math.sqrt(3.25), within(1e-12));
        double ra = 5 / 2.95 + 0.5 * 6 / 5.95;
        double rb = 0.5 * 5 / 2.95 + 2 * 6 / 5.95;
        assertThat(derivation.result()).isCloseTo(Math.sqrt(((4 - ra) * (4 - ra) + (2 - rb) * (2 - rb)) / 2),
                within(1e-12));
        assertThat(derivation.result()).isCloseTo(1.41247, within(1e-5));
    }

    @Test
    void theObjectiveNeverIncreasesAndTheFactorsStayNonNegative() {
        Dataset d = LowRank.matrix(50, 30, 3);
        Model m = fit(d, "factors=4", "iterations=30");
        double[] losses = ((IterativeModel) m).lossCurve();
        assertThat(losses).hasSize(30);
        for (int t = 1; t < losses.length; t++) {
            assertThat(losses[t]).as("iteration %d", t + 1).isLessThanOrEqualTo(losses[t - 1] + 1e-12);
        }
        for (int u = 0; u < d.userCount(); u++) {
            for (int i = 0; i < d.itemCount(); i++) {
                assertThat(m.predict(u, i)).isGreaterThanOrEqualTo(0);
            }
        }
        assertThat(m.explain(2, 3).prediction()).isCloseTo(m.predict(2, 3), within(1e-12));
        Derivation update = ((UserSolveExplainable) m).explainUserSolve(2);
        assertThat(update.title()).startsWith("One NMF multiplicative update of user u3");
    }

    @Test
    void earlyStopKeepsTheBestIteration() {
        Dataset d = LowRank.matrix(50, 30, 3);
        Model m = fit(d, "factors=10", "iterations=200", "regularisation=0", "early-stop=3");
        assertThat(((IterativeModel) m).lossCurve().length).isLessThan(200);
    }

    @Test
    void foldInOfAKnownUserFitsTheirRatingsAsWellAsTheModel() {
        Dataset d = LowRank.matrix(50, 30, 3);
        Model m = fit(d, "factors=4");
        RatingMatrix r = d.ratings();
        int u = 5;
        int n = r.rowLength(u);
        int[] items = new int[n];
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            items[t] = r.rowItem(r.rowStart(u) + t);
            values[t] = r.rowValue(r.rowStart(u) + t);
        }
        FoldIn f = m.foldIn(new UserProfile(items, values)).orElseThrow();
        double model = 0;
        double folded = 0;
        for (int t = 0; t < n; t++) {
            model += Math.pow(values[t] - m.predict(u, items[t]), 2);
            folded += Math.pow(values[t] - f.predictions()[items[t]], 2);
        }
        assertThat(Math.sqrt(folded / n)).isLessThan(Math.sqrt(model / n) + 0.05);
    }

    @Test
    void negativeRatingsAreShiftedToZeroAndBack() {
        // m = −2: the values factorised are 3, 0, 5, 6; predictions are −2 + p·q
        Dataset d = DatasetBuilder.fromMatrix("neg", DatasetKind.EXPLICIT, new double[][] {{1, -2}, {3, 4}});
        Model m = fit(d, "factors=2", "iterations=200", "regularisation=0");
        assertThat(m.predict(0, 1)).isGreaterThanOrEqualTo(-2).isCloseTo(-2, within(0.3));
        assertThat(m.explain(0, 1).derivation().toText()).contains("shift");
    }
}
