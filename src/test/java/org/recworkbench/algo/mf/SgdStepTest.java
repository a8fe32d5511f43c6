package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.AlgorithmRegistry;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.SgdExplainable;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Step;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One SGD update, worked by hand, and the recorded derivation against the untraced training step. */
class SgdStepTest {

    private static double value(Derivation d, String title) {
        return d.steps().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().value();
    }

    @Test
    void aStepByHand() {
        // μ = 3, b_u = 0.1, b_i = −0.2, p_u = (0.5, 1), q_i = (1, −0.5), r = 4, γ = 0.1, λ_b = 0.02, λ = 0.05
        var params = new BiasedMfAlgorithm.BiasedMfParams(2, 1, 0.1, 0.02, 0.05, 0, 1);
        Factors p = new Factors(1, 2);
        p.values[0] = 0.5;
        p.values[1] = 1;
        Factors q = new Factors(1, 2);
        q.values[0] = 1;
        q.values[1] = -0.5;
        double[] bu = {0.1};
        double[] bi = {-0.2};
        Derivation.Builder d = Derivation.builder("by hand");
        double squared = BiasedMfAlgorithm.step(0, 0, 4, 3, bu, bi, p, q, params, true, d);
        Derivation derivation = d.build();
        // p·q = 0.5 − 0.5 = 0; r̂ = 3 + 0.1 − 0.2 = 2.9; e = 1.1
        assertThat(value(derivation, "Prediction before the update")).isCloseTo(2.9, within(1e-12));
        assertThat(value(derivation, "Error")).isCloseTo(1.1, within(1e-12));
        assertThat(squared).isCloseTo(1.21, within(1e-12));
        // ∂/∂b_u = −1.1 + 0.02·0.1 = −1.098; b_u' = 0.1 + 0.1098 = 0.2098
        assertThat(value(derivation, "Gradient for the user bias")).isCloseTo(-1.098, within(1e-12));
        assertThat(bu[0]).isCloseTo(0.2098, within(1e-12));
        assertThat(value(derivation, "New user bias")).isCloseTo(0.2098, within(1e-12));
        // b_i' = −0.2 + 0.1·(1.1 + 0.004) = −0.0896
        assertThat(bi[0]).isCloseTo(-0.0896, within(1e-12));
        // p' = p + 0.1·(1.1·q − 0.05·p) = (0.5 + 0.1·(1.1 − 0.025), 1 + 0.1·(−0.55 − 0.05)) = (0.6075, 0.94)
        assertThat(p.values[0]).isCloseTo(0.6075, within(1e-12));
        assertThat(p.values[1]).isCloseTo(0.94, within(1e-12));
        // q' = q + 0.1·(1.1·p_old − 0.05·q) = (1 + 0.1·(0.55 − 0.05), −0.5 + 0.1·(1.1 + 0.025)) = (1.05, −0.3875)
        assertThat(q.values[0]).isCloseTo(1.05, within(1e-12));
        assertThat(q.values[1]).isCloseTo(-0.3875, within(1e-12));
        // after: 3 + 0.2098 − 0.0896 + (0.6075·1.05 + 0.94·(−0.3875)) = 3.1202 + 0.273625 = 3.393825
        assertThat(value(derivation, "Prediction after the update")).isCloseTo(3.393825, within(1e-12));
        assertThat(derivation.result()).isCloseTo(4 - 3.393825, within(1e-12));
    }

    @Test
    void dampedBiasRegularisationSpreadsLambdaOverTheRatingsByHand() {
        // damped λ_b = 5: a user with 10 ratings gets λ_u = 5/10 = 0.5, an item with 2 ratings λ_i = 5/2 = 2.5
        var params = new BiasedMfAlgorithm.BiasedMfParams(2, 1, 0.1, 5, 0.05, 0,
                BiasedMfAlgorithm.BiasReg.DAMPED, 1);
        assertThat(params.biasCoefficient(10)).isEqualTo(0.5);
        assertThat(params.biasCoefficient(2)).isEqualTo(2.5);
        assertThat(new BiasedMfAlgorithm.BiasedMfParams(2, 1, 0.1, 5, 0.05, 0, 1).biasCoefficient(10))
                .isEqualTo(5);
        Factors p = new Factors(1, 2);
        p.values[0] = 0.5;
        p.values[1] = 1;
        Factors q = new Factors(1, 2);
        q.values[0] = 1;
        q.values[1] = -0.5;
        double[] bu = {0.1};
        double[] bi = {-0.2};
        // as above e = 1.1; b_u' = 0.1 + 0.1·(1.1 − 0.5·0.1) = 0.205; b_i' = −0.2 + 0.1·(1.1 + 2.5·0.2) = −0.04
        BiasedMfAlgorithm.step(0, 0, 4, 3, bu, bi, p, q, params, params.biasCoefficient(10),
                params.biasCoefficient(2), true, Derivation.Builder.NONE);
        assertThat(bu[0]).isCloseTo(0.205, within(1e-12));
        assertThat(bi[0]).isCloseTo(-0.04, within(1e-12));
        // the factors are regularised per rating as before: p' = (0.6075, 0.94)
        assertThat(p.values[0]).isCloseTo(0.6075, within(1e-12));
        assertThat(p.values[1]).isCloseTo(0.94, within(1e-12));
    }

    @Test
    void recordingChangesNothingTheTrainingComputes() {
        var params = new BiasedMfAlgorithm.BiasedMfParams(3, 1, 0.05, 0.01, 0.03, 0.1, 7);
        Factors p1 = Factors.gaussian(2, 3, 0.3, new java.util.SplittableRandom(1));
        Factors q1 = Factors.gaussian(2, 3, 0.3, new java.util.SplittableRandom(2));
        Factors p2 = Factors.gaussian(2, 3, 0.3, new java.util.SplittableRandom(1));
        Factors q2 = Factors.gaussian(2, 3, 0.3, new java.util.SplittableRandom(2));
        double[] bu1 = {0.2, -0.1};
        double[] bi1 = {0.05, 0.3};
        double[] bu2 = bu1.clone();
        double[] bi2 = bi1.clone();
        double plain = BiasedMfAlgorithm.step(1, 0, 2.5, 3.4, bu1, bi1, p1, q1, params, true);
        double traced = BiasedMfAlgorithm.step(1, 0, 2.5, 3.4, bu2, bi2, p2, q2, params, true,
                Derivation.builder("traced"));
        assertThat(traced).isEqualTo(plain);
        assertThat(bu2).containsExactly(bu1);
        assertThat(bi2).containsExactly(bi1);
        assertThat(p2.values).containsExactly(p1.values);
        assertThat(q2.values).containsExactly(q1.values);
    }

    @Test
    void aFittedModelExplainsAStepWithoutChangingItself() {
        DatasetBuilder b = new DatasetBuilder("tiny", DatasetKind.EXPLICIT);
        for (int u = 0; u < 8; u++) {
            for (int i = 0; i < 6; i++) {
                if ((u + i) % 3 != 0) {
                    b.add("u" + u, "i" + i, 1 + (u * i) % 5);
                }
            }
        }
        Dataset d = b.build();
        var algo = AlgorithmRegistry.require("biased-mf");
        Model m = algo.fit(d, algo.defaults(), Progress.NONE, Cancellation.NEVER);
        double before = m.predict(2, 3);
        Derivation step = ((SgdExplainable) m).explainStep(2, 3, 5);
        assertThat(m.predict(2, 3)).isEqualTo(before);
        List<Step> steps = step.steps();
        assertThat(steps.get(0).value()).isCloseTo(before, within(1e-9));
        assertThat(steps.get(1).value()).isCloseTo(5 - before, within(1e-9));
        // a step towards the rating shrinks the error
        assertThat(Math.abs(step.result())).isLessThan(Math.abs(5 - before));
    }
}
