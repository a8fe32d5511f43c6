package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.IterativeModel;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.RatingMatrix;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** SVD++: one SGD step by hand, the implicit term, the learning curve and fold-in. */
class SvdPlusPlusTest {

    private static Model fit(Dataset d, String... params) {
        SvdPlusPlusAlgorithm a = new SvdPlusPlusAlgorithm();
        return a.fit(d, ParamValues.parse(a.params(), List.of(params)), Progress.NONE, Cancellation.NEVER);
    }

    @Test
    void oneStepByHand() {
        // one factor; the user rated items a and b (N(u) = {a, b}), y_a = 0.2, y_b = 0.4; p_u = 0.5, q_a = 1;
        // μ = 3, b_u = 0.1, b_a = −0.2, r = 4, η = 0.1, λ_b = 0.02, λ = 0.05
        double[][] m = {{4, 3}};
        Dataset d = DatasetBuilder.fromMatrix("one", DatasetKind.EXPLICIT, m);
        Factors p = new Factors(1, 1);
        p.values[0] = 0.5;
        Factors q = new Factors(2, 1);
        q.values[0] = 1;
        Factors y = new Factors(2, 1);
        y.values[0] = 0.2;
        y.values[1] = 0.4;
        var s = new SvdPlusPlusAlgorithm.State(new double[] {0.1}, new double[] {-0.2, 0}, p, q, y);
        double[] z = new double[1];
        SvdPlusPlusAlgorithm.implicitSum(d.ratings(), 0, y, z);
        // z = (0.2 + 0.4) / √2 = 0.42426407
        assertThat(z[0]).isCloseTo(0.6 / Math.sqrt(2), within(1e-12));
        var params = new SvdPlusPlusAlgorithm.SvdPlusPlusParams(1, 1, 0.1, 0.02, 0.05, 0, 0, 1);
        double[] gradient = new double[1];
        double squared = SvdPlusPlusAlgorithm.step(0, 0, 4, 3, s, z, 1 / Math.sqrt(2), gradient, params);
        // r̂ = 3 + 0.1 − 0.2 + 1·(0.5 + 0.42426407) = 3.82426407; e = 0.17573593
        assertThat(squared).isCloseTo(0.17573593 * 0.17573593, within(1e-8));
        // b_u' = 0.1 + 0.1·(0.17573593 − 0.02·0.1) = 0.11737359; b_i' = −0.2 + 0.1·(0.17573593 + 0.004) = −0.18202641
        assertThat(s.bu()[0]).isCloseTo(0.11737359, within(1e-8));
        assertThat(s.bi()[0]).isCloseTo(-0.18202641, within(1e-8));
        // p' = 0.5 + 0.1·(0.17573593·1 − 0.05·0.5) = 0.51507359
        assertThat(p.values[0]).isCloseTo(0.51507359, within(1e-8));
        // q' = 1 + 0.1·(0.17573593·(0.5 + 0.42426407) − 0.05) = 1.01124264
        assertThat(q.values[0]).isCloseTo(1.01124264, within(1e-8));
        // y's gradient e |N(u)|^−½ q_a = 0.17573593 / √2 = 0.12426407
        assertThat(gradient[0]).isCloseTo(0.12426407, within(1e-8));
    }

    @Test
    void explanationAddsTheImplicitTermAndAgreesWithThePrediction() {
        Dataset d = LowRank.matrix(40, 30, 5);
        Model m = fit(d, "factors=4", "epochs=10");
        Explanation e = m.explain(2, 7);
        assertThat(e.prediction()).isEqualTo(m.predict(2, 7));
        assertThat(e.derivation().toText()).contains("|N(u)|", "Implicit part of the user vector");
        double[] losses = ((IterativeModel) m).lossCurve();
        assertThat(losses).hasSize(10);
        assertThat(losses[9]).isLessThan(losses[0]);
    }

    @Test
    void earlyStopKeepsTheBestEpoch() {
        Dataset d = LowRank.matrix(40, 30, 5);
        Model m = fit(d, "factors=10", "epochs=300", "learning-rate=0.05", "reg-factors=0", "early-stop=2");
        assertThat(((IterativeModel) m).lossCurve().length).isLessThan(300);
    }

    @Test
    void foldInOfAKnownUserFitsTheirRatingsAboutAsWellAsTheModel() {
        Dataset d = LowRank.matrix(40, 30, 5);
        Model m = fit(d);
        RatingMatrix r = d.ratings();
        int u = 4;
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
        assertThat(Math.sqrt(folded / n)).isLessThan(Math.sqrt(model / n) + 0.1);
    }
}
