package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.baseline.ItemRatingGaussian;
import org.recworkbench.algo.content.ContentModel;
import org.recworkbench.algo.content.ContentTfidfAlgorithm;
import org.recworkbench.algo.content.SeedLatentAlgorithm;
import org.recworkbench.algo.knn.SeedCfWeights;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.explain.Derivation;
import org.recworkbench.explain.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.recworkbench.algo.AlgorithmsByHandTest.fit;

/** The engine functions the seed examples gallery calls, on small cases worked by hand. */
class SeedFormulaFunctionsTest {

    private static final double N = Double.NaN;
    private static final String[] NONE = new String[0];

    @Test
    void relativeTermFrequencyIsTheShareOfTheItemsTermsAndRanksAsRawCounts() {
        Dataset shop = new DatasetBuilder("shop", DatasetKind.EXPLICIT)
                .item("i1", "red red apple", NONE, "")
                .item("i2", "green apple apple apple", NONE, "")
                .item("i3", "red car", NONE, "")
                .add("u1", "i1", 5).add("u1", "i2", 1)
                .build();
        ContentModel relative = (ContentModel) fit(new ContentTfidfAlgorithm(), shop, "tf=relative");
        Model raw = fit(new ContentTfidfAlgorithm(), shop, "tf=raw");

        // "red" is 2 of the 3 terms of i1
        assertThat(relative.explainTermWeight(0, "red").steps()).extracting(Step::value).contains(2.0 / 3);
        double[] a = relative.scoreAll(0);
        double[] b = raw.scoreAll(0);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1e-12));
        }
    }

    @Test
    void seedCfWeightsAreOneForTheUserItselfAndUndefinedWithoutRatings() {
        Dataset d = DatasetBuilder.fromMatrix("w", DatasetKind.EXPLICIT, new double[][] {
                {2, 1, N},
                {0, 0, 0},
                {4, N, 3}});
        // user 1: Σ r² = 4 + 1; w_13 = (2·4 + 1·0 + 0·3) / 5
        assertThat(SeedCfWeights.weights(d.ratings(), 0)).containsExactly(1, 0, 8.0 / 5);
        assertThat(SeedCfWeights.weights(d.ratings(), 1)).containsOnly(N);
        Derivation.Builder trace = Derivation.builder("weights");
        SeedCfWeights.weights(d, 2, trace);
        assertThat(trace.build().steps()).extracting(Step::value).containsExactly(25.0, 8.0 / 25, 0.0, 1.0);
    }

    @Test
    void seedLatentInterestIsMeanPlusInnerProductMinusAlpha() {
        Derivation.Builder trace = Derivation.builder("interest");
        // 0.2 + (1·3 + 2·(−1)) − 0.5
        double r = SeedLatentAlgorithm.interestScore(0.2, new double[] {1, 2}, new double[] {3, -1}, 0.5, trace);

        assertThat(r).isCloseTo(0.7, within(1e-12));
        assertThat(trace.build().steps()).extracting(Step::value).containsExactly(1.0, 1.2, r);
    }

    @Test
    void itemGaussianUsesTheItemsMeanAndPopulationVariance() {
        Dataset d = DatasetBuilder.fromMatrix("g", DatasetKind.EXPLICIT, new double[][] {{1, 4}, {3, 4}});
        ItemRatingGaussian g = ItemRatingGaussian.fit(d);

        // item 1: ratings 1 and 3, mean 2, variance ((−1)² + 1²) / 2 = 1
        assertThat(g.mean(0)).isEqualTo(2);
        assertThat(g.variance(0)).isEqualTo(1);
        assertThat(g.density(0, "i1", 2, Derivation.Builder.NONE)).isCloseTo(1 / Math.sqrt(2 * Math.PI),
                within(1e-12));
        assertThat(g.density(0, "i1", 3, Derivation.Builder.NONE)).isCloseTo(Math.exp(-0.5) / Math.sqrt(2 * Math.PI),
                within(1e-12));
        // item 2: every rating 4, no spread
        assertThat(g.density(1, "i2", 4, Derivation.Builder.NONE)).isNaN();
    }
}
