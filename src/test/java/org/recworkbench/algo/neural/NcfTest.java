package org.recworkbench.algo.neural;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.IterativeModel;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NcfTest {

    @Test
    void forwardPassMatchesAHandComputedOneUnitNetwork() {
        NeuMf net = new NeuMf(1, 1, 1, new int[] {1}, new SplittableRandom(1));
        net.userGmf[0] = 2;
        net.itemGmf[0] = 3;
        net.userMlp[0] = 1;
        net.itemMlp[0] = -1;
        net.weights[0][0] = 0.5;
        net.weights[0][1] = 0.25;
        net.biases[0][0] = 0.1;
        net.headGmf[0] = 0.2;
        net.headMlp[0] = 2;
        net.headBias[0] = -0.1;
        NeuMf.Pass pass = net.new Pass();
        pass.forward(0, 0);
        // GMF 2·3 = 6; MLP ReLU(0.5·1 + 0.25·(−1) + 0.1) = 0.35; z = 0.2·6 + 2·0.35 − 0.1 = 1.8
        assertThat(pass.gmfPart).isCloseTo(1.2, within(1e-12));
        assertThat(pass.mlpPart).isCloseTo(0.7, within(1e-12));
        assertThat(pass.logit).isCloseTo(1.8, within(1e-12));
        assertThat(pass.output).isCloseTo(1 / (1 + Math.exp(-1.8)), within(1e-12));
        net.biases[0][0] = -1;
        pass.forward(0, 0);
        assertThat(pass.mlpPart).as("ReLU cuts a negative unit").isZero();
    }

    @Test
    void lossFallsSameSeedRepeatsAndEachGroupScoresItsItemsHigher() {
        SplittableRandom random = new SplittableRandom(8);
        double[][] m = new double[40][20];
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 20; i++) {
                m[u][i] = (u % 2) == (i % 2) && random.nextDouble() < 0.5 ? 1 : 0;
            }
        }
        Dataset d = DatasetBuilder.fromMatrix("groups", DatasetKind.IMPLICIT, m);
        NcfAlgorithm a = new NcfAlgorithm();
        ParamValues v = ParamValues.parse(a.params(), List.of("epochs=30", "learning-rate=0.01", "layers=16"));
        Model model = a.fit(d, v, Progress.NONE, Cancellation.NEVER);
        double[] losses = ((IterativeModel) model).lossCurve();
        assertThat(losses[29]).isLessThan(losses[0] * 0.8);
        assertThat(a.fit(d, v, Progress.NONE, Cancellation.NEVER).scoreAll(5)).containsExactly(model.scoreAll(5));
        for (int u = 0; u < 6; u++) {
            double[] s = model.scoreAll(u);
            double own = 0;
            double other = 0;
            for (int i = 0; i < s.length; i++) {
                if (i % 2 == u % 2) {
                    own += s[i];
                } else {
                    other += s[i];
                }
            }
            assertThat(own).as("user %d", u).isGreaterThan(other);
        }
        Explanation e = model.explain(1, 3);
        assertThat(e.score()).isEqualTo(model.scoreAll(1)[3]).isEqualTo(e.derivation().result());
        assertThat(Arrays.stream(e.contributions().toArray()).count()).isEqualTo(3);
        assertThat(model.params().getChoice("layers")).isEqualTo("16");
    }
}
