package org.recworkbench.algo.knn;

import org.junit.jupiter.api.Test;
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
import org.recworkbench.explain.Step;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Weighted Slope One by hand on
 * <pre>
 *       i1 i2 i3 i4
 *   u1   5  3  4  .
 *   u2   3  1  .  3
 *   u3   4  3  4  3
 *   u4   .  5  1  2
 * </pre>
 */
class SlopeOneByHandTest {

    private static final double N = Double.NaN;
    private static final Dataset RATINGS = DatasetBuilder.fromMatrix("four", DatasetKind.EXPLICIT, new double[][] {
            {5, 3, 4, N},
            {3, 1, N, 3},
            {4, 3, 4, 3},
            {N, 5, 1, 2}});

    private static Model fit(String... params) {
        SlopeOneAlgorithm a = new SlopeOneAlgorithm();
        return a.fit(RATINGS, ParamValues.parse(a.params(), List.of(params)), Progress.NONE, Cancellation.NEVER);
    }

    @Test
    void predictionWeighsEachDeviationByItsSupport() {
        // u1 for i4, from i1 (5), i2 (3), i3 (4):
        //   dev(i4, i1): u2 3 − 3 = 0, u3 3 − 4 = −1        → −1/2, c = 2
        //   dev(i4, i2): u2 3 − 1 = 2, u3 0, u4 2 − 5 = −3  → −1/3, c = 3
        //   dev(i4, i3): u3 3 − 4 = −1, u4 2 − 1 = 1        → 0,    c = 2
        //   ((−1/2 + 5)·2 + (−1/3 + 3)·3 + (0 + 4)·2) / (2 + 3 + 2) = (9 + 8 + 8)/7 = 25/7
        Model m = fit();
        assertThat(m.predict(0, 3)).isCloseTo(25.0 / 7, within(1e-12));
        // u4 for i1, from i2 (5), i3 (1), i4 (2): dev 5/3 (c 3), 1/2 (c 2), 1/2 (c 2)
        //   ((5/3 + 5)·3 + (1/2 + 1)·2 + (1/2 + 2)·2)/7 = (20 + 3 + 5)/7 = 4
        assertThat(m.predict(3, 0)).isCloseTo(4, within(1e-12));
        assertThat(m.scoreAll(3)[0]).isEqualTo(m.predict(3, 0));
        assertThat(m.recommend(3, 3).items()).containsExactly(0);
    }

    @Test
    void explanationNamesTheItemsRatedAndTheDerivationEndsWithThePrediction() {
        Model m = fit();
        Explanation e = m.explain(3, 0);
        assertThat(e.prediction()).isEqualTo(m.predict(3, 0));
        assertThat(e.derivation().result()).isEqualTo(e.prediction());
        // shares: i2 20/7, i4 5/7, i3 3/7, largest first; they add up to the prediction
        assertThat(e.contributions()).extracting(Contribution::id).containsExactly("i2", "i4", "i3");
        assertThat(e.contributions().stream().mapToDouble(Contribution::amount).sum()).isCloseTo(4, within(1e-12));
        Contribution i2 = e.contributions().get(0);
        assertThat(i2.value("deviation")).isCloseTo(5.0 / 3, within(1e-15));
        assertThat(i2.value("rating")).isEqualTo(5);
        assertThat(i2.value("support")).isEqualTo(3);
        assertThat(Reasons.why(e)).isEqualTo("you rated Item 2 5; the 3 users who rated both rate this one +1.67"
                + " relative to it on average (+2.86)");
        List<Step> steps = e.derivation().steps();
        assertThat(steps.get(0).value()).isCloseTo(28, within(1e-12));
        assertThat(steps.get(1).value()).isEqualTo(7);
        assertThat(steps.get(1).substituted()).isEqualTo("3 + 2 + 2");
        assertThat(steps.get(0).substituted()).startsWith("(1.6");
    }

    @Test
    void minimumSupportDropsThinDeviationsAndFallsBackToTheUsersMean() {
        // min-support 3: u1 for i4 keeps only i2: (−1/3 + 3)·3/3 = 8/3
        assertThat(fit("min-support=3").predict(0, 3)).isCloseTo(8.0 / 3, within(1e-12));
        // min-support 4: nothing left, u1's mean (5 + 3 + 4)/3 = 4, and the explanation says why
        Model m = fit("min-support=4");
        assertThat(m.predict(0, 3)).isEqualTo(4);
        Explanation e = m.explain(0, 3);
        assertThat(e.derivation().result()).isEqualTo(4);
        assertThat(e.derivation().steps().get(0).title()).startsWith("No item you rated shares 4 or more users");
        assertThat(e.contributions()).extracting(Contribution::kind).containsExactly(Reasons.USER_MEAN);
    }

    @Test
    void foldInUsesTheProfilesRatingsDirectly() {
        Model m = fit();
        // a new user who rated i1 5: dev(i2, i1) = (−2 − 2 − 1)/3 = −5/3 → 10/3; dev(i3, i1) = (−1 + 0)/2 → 4.5;
        // dev(i4, i1) = −1/2 → 4.5
        FoldIn f = m.foldIn(new UserProfile(new int[] {0}, new double[] {5})).orElseThrow();
        assertThat(f.predictions()[1]).isCloseTo(10.0 / 3, within(1e-12));
        assertThat(f.predictions()[2]).isCloseTo(4.5, within(1e-12));
        assertThat(f.predictions()[3]).isCloseTo(4.5, within(1e-12));
        assertThat(f.recommend(3).items()).containsExactly(2, 3, 1);
        // nobody known: the global mean 41/13
        FoldIn empty = m.foldIn(new UserProfile(new int[0], new double[0])).orElseThrow();
        assertThat(empty.predictions()).containsOnly(41.0 / 13);
    }

    @Test
    void largeCataloguesAreRefusedWithTheMemoryTheyWouldNeed() {
        // 12 · 20,000² bytes = 4.8e9 = 4.5 GiB
        assertThatThrownBy(() -> SlopeOneAlgorithm.requireAffordable(20_000, 10_000, Long.MAX_VALUE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("slope-one on 20000 items needs 4.5 GiB").hasMessageContaining("max-items");
        // 12 · 2,000² = 48 MB against 1 MB free
        assertThatThrownBy(() -> SlopeOneAlgorithm.requireAffordable(2_000, 10_000, 1 << 20))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("46 MiB")
                .hasMessageContaining("free");
        SlopeOneAlgorithm.requireAffordable(1682, 10_000, 1L << 30);
        assertThatThrownBy(() -> fit("max-items=3")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the limit is 3 items");
    }
}
