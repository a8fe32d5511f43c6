package org.recworkbench.algo.baseline;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.Algorithm;
import org.recworkbench.algo.Contribution;
import org.recworkbench.algo.Explanation;
import org.recworkbench.algo.FoldIn;
import org.recworkbench.algo.Model;
import org.recworkbench.algo.ParamValues;
import org.recworkbench.algo.Reasons;
import org.recworkbench.algo.UserProfile;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.data.InvalidInputException;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * user-mean, item-mean and random by hand on
 * <pre>
 *       i1 i2 i3 i4      user means: u1 12/3 = 4, u2 7/3, u3 14/4 = 3.5, u4 8/3
 *   u1   5  3  4  .      item means: i1 12/3 = 4, i2 12/4 = 3, i3 9/3 = 3, i4 8/3
 *   u2   3  1  .  3      global mean μ = 41/13 = 3.1538…
 *   u3   4  3  4  3
 *   u4   .  5  1  2
 * </pre>
 */
class MeanAndRandomBaselinesByHandTest {

    private static final double N = Double.NaN;
    private static final Dataset RATINGS = DatasetBuilder.fromMatrix("four", DatasetKind.EXPLICIT, new double[][] {
            {5, 3, 4, N},
            {3, 1, N, 3},
            {4, 3, 4, 3},
            {N, 5, 1, 2}});

    private static Model fit(Algorithm<?> algorithm, String... params) {
        return algorithm.fit(RATINGS, ParamValues.parse(algorithm.params(), List.of(params)), Progress.NONE,
                Cancellation.NEVER);
    }

    @Test
    void userMeanPredictsTheUsersMeanForEveryItem() {
        Model m = fit(new UserMeanAlgorithm());
        // u1: (5 + 3 + 4)/3 = 4; u2: (3 + 1 + 3)/3 = 7/3; u3: (4 + 3 + 4 + 3)/4 = 3.5
        assertThat(m.predict(0, 3)).isEqualTo(4);
        assertThat(m.predict(1, 2)).isCloseTo(7.0 / 3, within(1e-15));
        assertThat(m.predict(2, 0)).isEqualTo(3.5);
        assertThat(m.scoreAll(3)).containsOnly(8.0 / 3);
    }

    @Test
    void userMeanRanksAllItemsEquallyInItemOrderAndSaysSo() {
        Model m = fit(new UserMeanAlgorithm());
        // u4 rated i2, i3, i4: only i1 is left; u2 rated i1, i2, i4: only i3
        assertThat(m.recommend(3, 5).items()).containsExactly(0);
        Explanation e = m.explain(1, 2);
        assertThat(e.prediction()).isEqualTo(m.predict(1, 2));
        assertThat(e.score()).isEqualTo(m.scoreAll(1)[2]);
        assertThat(e.derivation().result()).isEqualTo(e.prediction());
        assertThat(e.derivation().steps().get(0).substituted()).isEqualTo("\\frac{7}{3}");
        assertThat(Reasons.why(e)).contains("your mean rating 2.33 over 3 ratings").contains("ties by item order");
    }

    @Test
    void userMeanFoldsInTheProfilesMeanOrTheGlobalMeanForAnEmptyProfile() {
        Model m = fit(new UserMeanAlgorithm());
        // (5 + 2)/2 = 3.5
        FoldIn f = m.foldIn(new UserProfile(new int[] {0, 3}, new double[] {5, 2})).orElseThrow();
        assertThat(f.predictions()).containsOnly(3.5);
        // μ = 41/13
        FoldIn empty = m.foldIn(new UserProfile(new int[0], new double[0])).orElseThrow();
        assertThat(empty.predictions()).containsOnly(41.0 / 13);
    }

    @Test
    void itemMeanPredictsAndRanksByTheItemsMean() {
        Model m = fit(new ItemMeanAlgorithm());
        // i1 (5 + 3 + 4)/3 = 4, i2 (3 + 1 + 3 + 5)/4 = 3, i3 (4 + 4 + 1)/3 = 3, i4 (3 + 3 + 2)/3 = 8/3
        assertThat(m.scoreAll(0)).containsExactly(new double[] {4, 3, 3, 8.0 / 3}, within(1e-15));
        assertThat(m.predict(3, 0)).isEqualTo(4);
        Explanation e = m.explain(3, 0);
        assertThat(e.derivation().result()).isEqualTo(4);
        assertThat(e.derivation().steps()).hasSize(1);
        assertThat(Reasons.why(e)).isEqualTo("its mean rating 4 from 3 ratings");
        // a new user: the same means, without the profile's items
        FoldIn f = m.foldIn(new UserProfile(new int[] {0}, new double[] {1})).orElseThrow();
        assertThat(f.recommend(3).items()).containsExactly(1, 2, 3);
    }

    @Test
    void itemMeanDampingAddsPseudoRatingsAtTheGlobalMean() {
        Model m = fit(new ItemMeanAlgorithm(), "damping=2");
        // i1: (12 + 2 · 41/13)/(3 + 2) = (238/13)/5 = 238/65 = 3.6615…
        assertThat(m.predict(0, 0)).isCloseTo(238.0 / 65, within(1e-12));
        // i2: (12 + 2 · 41/13)/(4 + 2) = 238/78 = 3.0513…
        assertThat(m.predict(0, 1)).isCloseTo(238.0 / 78, within(1e-12));
        Explanation e = m.explain(0, 0);
        assertThat(e.derivation().steps()).hasSize(2);
        assertThat(e.derivation().result()).isEqualTo(m.predict(0, 0));
        assertThat(Reasons.why(e)).isEqualTo("its mean rating 3.66 from 3 ratings (damped towards the global mean by 2"
                + " pseudo-ratings)");
        assertThatThrownBy(() -> new ItemMeanAlgorithm.ItemMeanParams(-1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void randomIsDeterministicPerSeedAndDiffersAcrossSeeds() {
        Model a = fit(new RandomAlgorithm());
        Model b = fit(new RandomAlgorithm(), "seed=42");
        Model c = fit(new RandomAlgorithm(), "seed=7");
        for (int u = 0; u < RATINGS.userCount(); u++) {
            assertThat(b.scoreAll(u)).containsExactly(a.scoreAll(u));
            for (double s : a.scoreAll(u)) {
                assertThat(s).isBetween(0.0, 1.0).isLessThan(1.0);
            }
        }
        assertThat(c.scoreAll(0)).isNotEqualTo(a.scoreAll(0));
    }

    @Test
    void randomPredictsWithinTheTrainingRangeAndExplainsItself() {
        Model m = fit(new RandomAlgorithm());
        for (int u = 0; u < RATINGS.userCount(); u++) {
            for (int i = 0; i < RATINGS.itemCount(); i++) {
                // ratings run from 1 to 5: r̂ = 1 + 4v
                double p = m.predict(u, i);
                assertThat(p).isBetween(1.0, 5.0);
                Explanation e = m.explain(u, i);
                assertThat(e.score()).isEqualTo(m.scoreAll(u)[i]);
                assertThat(e.prediction()).isEqualTo(p);
                double v = e.derivation().steps().get(1).value();
                assertThat(p).isEqualTo(1 + (5 - 1) * v);
                assertThat(e.derivation().result()).isEqualTo(p);
                Contribution only = e.contributions().get(0);
                assertThat(only.kind()).isEqualTo(Reasons.RANDOM);
                assertThat(Reasons.why(e)).startsWith("random").contains("seed 42");
            }
        }
    }

    @Test
    void randomDrawsLookUniform() {
        // 100,000 draws: mean 1/2 and each tenth of [0, 1) about 10 % (binomial sd 0.09 %; allow 0.6 %)
        int draws = 100_000;
        int[] tenths = new int[10];
        double sum = 0;
        for (int k = 0; k < draws; k++) {
            double x = RandomAlgorithm.uniform(42, 1, k / 100, k % 100);
            sum += x;
            tenths[(int) (x * 10)]++;
        }
        assertThat(sum / draws).isCloseTo(0.5, within(0.005));
        for (int t : tenths) {
            assertThat(t / (double) draws).isCloseTo(0.1, within(0.006));
        }
    }

    @Test
    void randomFoldInIsTheSameForTheSameProfile() {
        Model m = fit(new RandomAlgorithm());
        UserProfile p = new UserProfile(new int[] {1, 2}, new double[] {4, 5});
        FoldIn first = m.foldIn(p).orElseThrow();
        FoldIn again = m.foldIn(new UserProfile(new int[] {2, 1}, new double[] {5, 4})).orElseThrow();
        assertThat(again.scores()).containsExactly(first.scores());
        assertThat(first.recommend(4).items()).containsExactlyInAnyOrder(0, 3);
    }
}
