package org.recworkbench.algo.mf;

import org.junit.jupiter.api.Test;
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

class BprTest {

    @Test
    void oneStepFollowsTheGradientOfLnSigmaByHand() {
        // w = (1, 0), h_i = (0.5, 0.5), h_j = (0, 1): x = 0.5, g = σ(−0.5) = 0.3775406688
        Factors w = new Factors(1, 2);
        w.values[0] = 1;
        Factors h = new Factors(2, 2);
        h.values[0] = 0.5;
        h.values[1] = 0.5;
        h.values[3] = 1;
        double loss = BprAlgorithm.step(0, 0, 1, w, h, new BprAlgorithm.BprParams(2, 1, 0.1, 0, 1));
        double g = 1 / (1 + Math.exp(0.5));
        assertThat(loss).isCloseTo(Math.log(1 + Math.exp(-0.5)), within(1e-12));
        assertThat(w.values[0]).isCloseTo(1 + 0.1 * g * 0.5, within(1e-12));
        assertThat(w.values[1]).isCloseTo(-0.1 * g * 0.5, within(1e-12));
        assertThat(h.values[0]).isCloseTo(0.5 + 0.1 * g, within(1e-12));
        assertThat(h.values[2]).isCloseTo(-0.1 * g, within(1e-12));
        assertThat(h.values[3]).isCloseTo(1, within(1e-12));
    }

    @Test
    void lossFallsSameSeedRepeatsAndEachGroupRanksItsOwnItemsFirst() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] m = new double[40][24];
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 24; i++) {
                m[u][i] = (u % 2) == (i % 2) && random.nextDouble() < 0.5 ? 1 : 0;
            }
        }
        Dataset d = DatasetBuilder.fromMatrix("groups", DatasetKind.IMPLICIT, m);
        BprAlgorithm a = new BprAlgorithm();
        ParamValues v = ParamValues.parse(a.params(), List.of("factors=8", "epochs=40"));
        Model model = a.fit(d, v, Progress.NONE, Cancellation.NEVER);
        double[] losses = ((IterativeModel) model).lossCurve();
        assertThat(losses[39]).isLessThan(losses[0] / 2);
        assertThat(a.fit(d, v, Progress.NONE, Cancellation.NEVER).scoreAll(3)).containsExactly(model.scoreAll(3));
        org.recworkbench.algo.FoldIn newcomer = model.foldIn(new org.recworkbench.algo.UserProfile(
                new int[] {0, 2, 4, 6}, new double[] {1, 1, 1, 1})).orElseThrow();
        assertThat(Arrays.stream(newcomer.recommend(3).items()).boxed().toList())
                .allSatisfy(i -> assertThat(i % 2).isZero());
        for (int u = 0; u < 4; u++) {
            int parity = u % 2;
            assertThat(Arrays.stream(model.recommend(u, 3).items()).boxed().toList())
                    .allSatisfy(i -> assertThat(i % 2).isEqualTo(parity));
        }
    }
}
